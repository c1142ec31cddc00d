// Writes a list of the catalog back as one Markdown document in the format the importer reads:
// front matter, headings, bold titles, `- key: [url](url)` bullets and bodies. Also writes the
// table of added dates, so that importing the document again gives the same content files.
import { stringify } from 'yaml';
import type { EntryData, Link } from '../../schemas/entry.ts';
import type { CatalogEntry, CatalogList, CatalogSection } from '../catalog/types.ts';
import { ADDED_HEADER } from '../import/addedDates.ts';
import { arxivAbstractUrl, arxivIdFromUrl } from '../import/arxivId.ts';
import { BARE_LINK_KIND } from '../import/entryFields.ts';

/**
 * Writes the whole list as one Markdown document. Each entry is written in full at each of
 * its placements (its `category` and every `also`), in the order of each section, because the
 * importer merges repeated titles back into one entry.
 */
export function exportListMarkdown(list: CatalogList): string {
  const blocks: string[] = [];
  const front = frontmatterOf(list);
  if (front !== undefined) blocks.push(`---\n${stringify(front, { lineWidth: 0, minContentWidth: 0 })}---`);
  if (list.body.trim() !== '') blocks.push(list.body.trim());

  const placements = placementsBySection(list.entries);
  const writeSection = (section: CatalogSection) => {
    blocks.push(`${'#'.repeat(Math.min(section.depth, 6))} ${section.title}`);
    if (section.description !== undefined && section.description.trim() !== '') blocks.push(section.description.trim());
    for (const entry of placements.get(section.path) ?? []) blocks.push(...entryBlocks(entry));
    section.sections.forEach(writeSection);
  };
  list.sections.forEach(writeSection);
  return `${blocks.join('\n\n')}\n`;
}

/** Writes the table of added dates (`first_seen<TAB>title`), one line per dated entry in document order. */
export function exportAddedDates(list: CatalogList): string {
  const lines = [ADDED_HEADER];
  const seen = new Set<CatalogEntry>();
  for (const entry of list.entries) {
    if (seen.has(entry) || entry.data.added === undefined) continue;
    seen.add(entry);
    lines.push(`${entry.data.added}\t${entry.data.title}`);
  }
  return `${lines.join('\n')}\n`;
}

/**
 * Returns the `npm run import` options that, given the exported document (and the table of
 * added dates as `addedFile`, when there is one), reproduce the list's content files.
 */
export function importArgumentsFor(list: CatalogList, addedFile?: string): string[] {
  const args = ['--list', list.id, '--title', list.data.title, '--description', list.data.description];
  const source = list.data.source;
  if (source !== undefined) {
    args.push('--source-url', source.url, '--licence', source.licence);
    if (source.licenceUrl !== undefined) args.push('--licence-url', source.licenceUrl);
    if (source.copyright !== undefined) args.push('--copyright', source.copyright);
    if (source.revision !== undefined) args.push('--revision', source.revision);
    if (source.baseUrl !== undefined) args.push('--base-url', source.baseUrl);
  }
  if (addedFile !== undefined) args.push('--added', addedFile);
  return args;
}

/**
 * Returns the original's own front matter when the list keeps it. A list without a source gets
 * its title and creation date instead, because the importer reads them back from there.
 */
function frontmatterOf(list: CatalogList): Record<string, string | number | boolean> | undefined {
  const source = list.data.source;
  if (source !== undefined) return source.frontmatter;
  const front: Record<string, string> = { title: list.data.title };
  if (list.data.created !== undefined) front.date = list.data.created;
  return front;
}

/** Groups the entries by the sections they are placed in (by `category` or `also`), in their order there. */
function placementsBySection(entries: readonly CatalogEntry[]): Map<string, CatalogEntry[]> {
  const placed = new Map<string, { entry: CatalogEntry; order: number | undefined }[]>();
  const place = (path: string, entry: CatalogEntry, order: number | undefined) => {
    const group = placed.get(path);
    if (group === undefined) placed.set(path, [{ entry, order }]);
    else group.push({ entry, order });
  };

  const seen = new Set<CatalogEntry>();
  for (const entry of entries) {
    if (seen.has(entry)) continue;
    seen.add(entry);
    place(entry.data.category, entry, entry.data.order);
    for (const placement of entry.data.also ?? []) place(placement.category, entry, placement.order);
  }

  const result = new Map<string, CatalogEntry[]>();
  for (const [path, group] of placed) {
    group.sort((a, b) => (a.order ?? Infinity) - (b.order ?? Infinity) || compareUnordered(a.entry.data, b.entry.data));
    result.set(path, group.map((item) => item.entry));
  }
  return result;
}

/** Entries without an order: oldest `added` first, undated last, then by title, as the catalog orders them. */
function compareUnordered(a: EntryData, b: EntryData): number {
  const added = (a.added ?? '9999-99-99').localeCompare(b.added ?? '9999-99-99');
  return added !== 0 ? added : a.title.localeCompare(b.title);
}

/** Writes the Markdown blocks of one entry: aliases and title, body, then its bullets and bare link lines. */
function entryBlocks(entry: CatalogEntry): string[] {
  const { data } = entry;
  const blocks = [...(data.aliases ?? []), data.title].map((title) => `**${title}**`);
  if (entry.body.trim() !== '') blocks.push(entry.body.trim());

  let bullets: string[] = [];
  const flush = () => {
    if (bullets.length > 0) blocks.push(bullets.join('\n'));
    bullets = [];
  };

  for (const line of data.intro ?? []) bullets.push(`- intro: ${line}`);
  for (const detail of data.details ?? []) bullets.push(`- ${detail.key}: ${detail.text}`);
  if (data.keywords !== undefined) bullets.push(`- keywords: ${data.keywords.join(', ')}`);
  if (data.arxiv !== undefined && !linksGiveArxivId(data.links ?? [], data.arxiv)) {
    // An entry with no other bullet gets its arXiv link as a line of its own, as lists of this format write it.
    const alone = bullets.length === 0 && (data.links ?? []).every((link) => bareLinkLine(link) !== undefined);
    const line = markdownLink(arxivAbstractUrl(data.arxiv));
    if (alone) blocks.push(line);
    else bullets.push(`- arxiv: ${line}`);
  }

  for (const link of data.links ?? []) {
    const bare = bareLinkLine(link);
    if (bare === undefined) {
      const label = link.label === undefined ? '' : `(${link.label})`;
      bullets.push(`- ${link.kind}${label}: ${markdownLink(link.url)}${link.text === undefined ? '' : ` ${link.text}`}`);
      continue;
    }
    flush();
    blocks.push(bare);
  }
  flush();
  return blocks;
}

/** True when the first arXiv link that names an id names `id`: the importer then takes the id from it. */
function linksGiveArxivId(links: readonly Link[], id: string): boolean {
  const first = links.find((link) => link.kind === 'arxiv' && arxivIdFromUrl(link.url) !== undefined);
  return first !== undefined && arxivIdFromUrl(first.url) === id;
}

/** Writes a link of the kind given to bare link lines as such a line. Returns undefined for any other link. */
function bareLinkLine(link: Link): string | undefined {
  if (link.kind !== BARE_LINK_KIND || link.label !== undefined) return undefined;
  if (link.text === undefined) return markdownLink(link.url);
  if (/[[\]\\]/.test(link.text)) return undefined;
  return `[${link.text}](${destination(link.url)})`;
}

/** `[url](url)`, with the label escaped and the destination in angle brackets when it needs them. */
function markdownLink(url: string): string {
  return `[${url.replace(/([[\]\\])/g, '\\$1')}](${destination(url)})`;
}

function destination(url: string): string {
  let depth = 0;
  let balanced = true;
  for (const character of url) {
    if (character === '(') depth += 1;
    if (character === ')') depth -= 1;
    if (depth < 0) balanced = false;
  }
  return balanced && depth === 0 && !/[\s<>]/.test(url) ? url : `<${url}>`;
}
