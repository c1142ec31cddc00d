// Deterministic synthetic reading lists for the benchmarks: list files and entry files in the
// project's content format, built from a seed so that every run measures the same input.
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Document, Scalar } from 'yaml';
import type { EntryInput } from '../schemas/entry.ts';
import { LIST_FILE_NAME, type ListInput, type SectionInput } from '../schemas/list.ts';
import { slugify } from '../src/text/slug.ts';
import { titleKey } from '../src/text/titleKey.ts';
import { Random } from './random.ts';
import * as words from './vocabulary.ts';

export interface GenerateOptions {
  /** The total number of entries over all lists. */
  entries: number;
  /** Seed of the generator; equal seeds and sizes give byte-identical files. Defaults to 1. */
  seed?: number;
  /** The number of lists; defaults to 1 up to 2,000 entries, then one list per 1,250 entries. */
  lists?: number;
}

/** One file of a generated content folder. */
export interface GeneratedFile {
  /** Path relative to the content folder, with `/` separators: `<list-id>/<slug>.md`. */
  path: string;
  text: string;
}

/** Entries per list when a size does not fix the number of lists: about the size of a large list of the seed blog. */
const ENTRIES_PER_LIST = 1250;

/** The dates `added` is drawn from, as day numbers since 1970-01-01 (2016-02-29 to 2024-12-31). */
const FIRST_ADDED_DAY = Date.UTC(2016, 1, 29) / 86_400_000;
const LAST_ADDED_DAY = Date.UTC(2024, 11, 31) / 86_400_000;

/**
 * Parses a size written as `1k`, `10k`, `100k`, `2500` or `1m` into a number of entries.
 * Throws on anything else, naming the value.
 */
export function parseSize(text: string): number {
  const match = /^(\d+(?:\.\d+)?)([km]?)$/i.exec(text.trim());
  if (!match) throw new Error(`invalid size "${text}": expected a number such as 1000, 1k, 10k or 100k`);

  const multiplier = { '': 1, k: 1000, m: 1_000_000 }[(match[2] ?? '').toLowerCase()] ?? 1;
  const size = Math.round(Number(match[1]) * multiplier);
  if (size < 1) throw new Error(`invalid size "${text}": must be at least 1 entry`);
  return size;
}

/**
 * Generates the files of a content folder: `<list-id>/_list.md` for each list and one
 * `<list-id>/<slug>.md` per entry. Titles, slugs, arXiv ids and URLs are unique over the whole
 * output, so the result passes `check` without duplicate warnings. Throws when `entries` < 1.
 */
export function generateContent(options: GenerateOptions): GeneratedFile[] {
  const { entries } = options;
  if (!Number.isInteger(entries) || entries < 1) throw new Error(`entries must be a positive integer, got ${entries}`);

  const random = new Random(options.seed ?? 1);
  const listCount = Math.min(entries, options.lists ?? (entries <= 2000 ? 1 : Math.round(entries / ENTRIES_PER_LIST)));
  const sizes = splitEntries(random.fork(), entries, listCount);
  const titles = listTitles(random.fork(), listCount);
  const taken = new TakenNames();
  const files: GeneratedFile[] = [];

  titles.forEach((title, index) => {
    // Each list gets its own generator, so that changing one list's size leaves the others as they were.
    const listRandom = random.fork();
    const list = generateList(listRandom, title, sizes[index] ?? 1);
    const listId = slugify(title);
    files.push({ path: `${listId}/${LIST_FILE_NAME}`, text: toMarkdownFile(list.data, list.body) });

    const categories = sectionPaths(list.sections);
    const slugs = new Set<string>();
    for (let i = 0; i < (sizes[index] ?? 1); i++) {
      const entry = generateEntry(listRandom, categories, taken, slugs);
      files.push({ path: `${listId}/${entry.slug}.md`, text: toMarkdownFile(entry.data, entry.body, ['arxiv']) });
    }
  });

  return files;
}

/** Writes generated files under `contentDir`, creating folders as needed. Existing files of the same name are overwritten. */
export async function writeContent(files: readonly GeneratedFile[], contentDir: string): Promise<void> {
  const folders = new Set(files.map((file) => path.dirname(path.join(contentDir, file.path))));
  for (const folder of folders) await mkdir(folder, { recursive: true });

  // Bounded batches: 100k concurrent writes would exhaust file handles.
  const batchSize = 256;
  for (let start = 0; start < files.length; start += batchSize) {
    const batch = files.slice(start, start + batchSize);
    await Promise.all(batch.map((file) => writeFile(path.join(contentDir, file.path), file.text)));
  }
}

/** Titles, title keys, arXiv ids and URLs already used, shared by every list of one run. */
class TakenNames {
  readonly titleKeys = new Set<string>();
  readonly arxivIds = new Set<string>();
  readonly urls = new Set<string>();
}

function splitEntries(random: Random, total: number, listCount: number): number[] {
  const weights = Array.from({ length: listCount }, () => 0.5 + random.next());
  const weightSum = weights.reduce((sum, weight) => sum + weight, 0);
  const sizes = weights.map((weight) => Math.max(1, Math.floor((weight / weightSum) * total)));

  // Hand the rounding remainder (or excess) to the lists in turn so that sizes add up exactly.
  let difference = total - sizes.reduce((sum, size) => sum + size, 0);
  for (let i = 0; difference !== 0; i = (i + 1) % listCount) {
    const step = Math.sign(difference);
    if (step < 0 && (sizes[i] ?? 1) <= 1) continue;
    sizes[i] = (sizes[i] ?? 0) + step;
    difference -= step;
  }
  return sizes;
}

function listTitles(random: Random, count: number): string[] {
  const titles: string[] = [];
  for (const qualifier of words.LIST_QUALIFIERS) {
    for (const topic of random.sample(words.LIST_TOPICS, words.LIST_TOPICS.length)) {
      if (titles.length === count) return titles;
      titles.push(qualifier === '' ? topic : `${topic}: ${qualifier}`);
    }
  }

  // Past the named combinations, number the lists.
  for (let n = 2; titles.length < count; n++) titles.push(`${random.pick(words.LIST_TOPICS)}, Volume ${n}`);
  return titles;
}

function generateList(random: Random, title: string, entryCount: number): { data: ListInput; sections: SectionInput[]; body: string } {
  const created = isoDay(random.int(FIRST_ADDED_DAY - 700, FIRST_ADDED_DAY));
  const sections = sectionTree(random, entryCount);
  const data: ListInput = {
    title,
    description: `Papers, code and articles on ${title.replace(/:.*$/, '').toLowerCase()}, grouped by topic.`,
    source: {
      url: `https://example.org/reading-lists/${slugify(title)}.md`,
      licence: 'MIT',
      copyright: `Copyright (c) ${created.slice(0, 4)} ${authorNames(random, 1)}`,
    },
    created,
    sections,
  };
  const body = `A synthetic list of ${entryCount} entries made by the benchmark generator.\n\n${random.pick(words.NOTE_SENTENCES)}`;
  return { data, sections, body };
}

/** Builds a section tree 2 or 3 levels deep with about one section per 25 entries, as in lists of this field. */
function sectionTree(random: Random, entryCount: number): SectionInput[] {
  const leafTarget = Math.max(3, Math.round(entryCount / 25));
  const topCount = Math.min(words.TOP_SECTIONS.length, Math.max(2, Math.round(Math.sqrt(leafTarget))));
  const childrenPerTop = Math.max(1, Math.round(leafTarget / topCount));

  return random.sample(words.TOP_SECTIONS, topCount).map((topTitle, topIndex) => {
    const children: SectionInput[] = [];
    const childTitles = random.sample([...words.METHODS, ...words.GENERIC_SECTIONS], random.int(1, childrenPerTop * 2 - 1));
    childTitles.forEach((childTitle, childIndex) => {
      // The first child of the first top section always goes three levels deep.
      const deep = (topIndex === 0 && childIndex === 0) || random.chance(0.25);
      const grandchildren = deep
        ? random.sample(words.GENERIC_SECTIONS, random.int(2, 4)).map((grandTitle) => section(random, grandTitle))
        : undefined;
      children.push(section(random, childTitle, grandchildren));
    });
    return section(random, topTitle, uniqueIds(children));
  });
}

function section(random: Random, title: string, sections?: SectionInput[]): SectionInput {
  const result: SectionInput = { id: slugify(title), title };
  if (random.chance(0.15)) result.description = `${random.pick(words.SUMMARY_OPENINGS)} ${title.toLowerCase()}. ${random.pick(words.NOTE_SENTENCES)}`;
  if (sections && sections.length > 0) result.sections = uniqueIds(sections);
  return result;
}

/** Gives siblings distinct ids by numbering repeats (`papers`, `papers-2`), as the importer does for repeated headings. */
function uniqueIds(sections: SectionInput[]): SectionInput[] {
  const seen = new Map<string, number>();
  for (const sibling of sections) {
    const count = (seen.get(sibling.id) ?? 0) + 1;
    seen.set(sibling.id, count);
    if (count > 1) sibling.id = `${sibling.id}-${count}`;
  }
  return sections;
}

function sectionPaths(sections: readonly SectionInput[], prefix = ''): { path: string; weight: number }[] {
  return sections.flatMap((node) => {
    const nodePath = prefix + node.id;
    const children = node.sections ?? [];
    // Leaves hold most entries; inner sections hold a few of their own, as in real lists.
    const own = { path: nodePath, weight: children.length > 0 ? 1 : 3 };
    return [own, ...sectionPaths(children, `${nodePath}/`)];
  });
}

function pickWeighted(random: Random, choices: readonly { path: string; weight: number }[]): string {
  const total = choices.reduce((sum, choice) => sum + choice.weight, 0);
  let point = random.next() * total;
  for (const choice of choices) {
    point -= choice.weight;
    if (point < 0) return choice.path;
  }
  return choices[choices.length - 1]?.path ?? '';
}

function generateEntry(
  random: Random,
  categories: readonly { path: string; weight: number }[],
  taken: TakenNames,
  slugs: Set<string>,
): { slug: string; data: EntryInput; body: string } {
  const { title, slug } = uniqueTitle(random, taken, slugs);
  const addedDay = random.int(FIRST_ADDED_DAY, LAST_ADDED_DAY);
  const year = Number(isoDay(addedDay).slice(0, 4)) - random.int(0, 2);

  const data: EntryInput = { title, category: pickWeighted(random, categories) };
  if (random.chance(0.02) && categories.length > 1) {
    const other = categories.filter((choice) => choice.path !== data.category);
    data.also = [{ category: random.pick(other).path }];
  }
  if (random.chance(0.7)) data.intro = introLines(random, year);
  if (random.chance(0.4)) data.keywords = random.sample([...words.KEYWORDS, ...words.METHODS, ...words.ARCHITECTURES], random.int(1, 4));
  if (random.chance(0.7)) data.arxiv = arxivId(random, year, taken);

  const links = entryLinks(random, slug, year, taken);
  if (links.length > 0) data.links = links;
  if (!data.arxiv && !data.links) data.links = [paperLink(random, year, taken)];
  if (random.chance(0.04)) data.details = [{ key: 'author', text: authorNames(random, random.int(1, 4)) }];
  if (random.chance(0.9)) data.added = isoDay(addedDay);
  if (random.chance(0.01)) data.aliases = [`${title.split(':')[0] ?? title} (extended version)`];

  return { slug, data, body: random.chance(0.25) ? entryBody(random) : '' };
}

function uniqueTitle(random: Random, taken: TakenNames, slugs: Set<string>): { title: string; slug: string } {
  for (let attempt = 0; ; attempt++) {
    let title = randomTitle(random);
    // Past a few collisions the vocabulary is running out for this size: qualify the title.
    if (attempt >= 8) title = `${title} on ${random.pick(words.DATASETS)} (${attempt})`;

    const key = titleKey(title);
    const slug = slugify(title);
    if (taken.titleKeys.has(key) || slugs.has(slug)) continue;

    taken.titleKeys.add(key);
    slugs.add(slug);
    return { title, slug };
  }
}

function randomTitle(random: Random): string {
  const method = random.pick(words.METHODS);
  const otherMethod = random.pick(words.METHODS);
  const architecture = random.pick(words.ARCHITECTURES);
  const task = random.pick(words.TASKS);
  const concept = random.pick(words.CONCEPTS);
  const adjective = random.pick(words.ADJECTIVES);
  const verb = random.pick(words.VERBS);
  const dataset = random.pick(words.DATASETS);
  const acronym = random.sample(words.ACRONYM_PARTS, random.int(2, 3)).join('');

  const templates = [
    () => `${acronym}: ${adjective} ${method} for ${task}`,
    () => `${verb} ${architecture} with ${method}`,
    () => `On the ${concept} of ${adjective} ${architecture}`,
    () => `${method} Improves ${concept} in ${architecture}`,
    () => `${adjective} ${task} on ${dataset}`,
    () => `${concept} in ${adjective} ${architecture}: An Empirical Study`,
    () => `${method} Is All You Need for ${task}`,
    () => `Towards ${adjective} ${task} via ${method}`,
    () => `${acronym}: ${verb} ${architecture} at Scale`,
    () => `Why Does ${method} Help ${concept}?`,
    () => `A Closer Look at ${method} in ${task}`,
    () => `${method} Meets ${otherMethod}: ${adjective} ${task}`,
    () => `${verb} ${concept}: ${acronym} for ${dataset}`,
  ];
  return random.pick(templates)();
}

function introLines(random: Random, year: number): string[] {
  const lines: string[] = [];
  const venue = `${random.pick(words.VENUES)} ${year}`;
  const affiliation = random.sample(words.AFFILIATIONS, random.int(1, 3)).join(' & ');

  const shape = random.int(0, 3);
  if (shape === 0) lines.push(venue);
  if (shape === 1) lines.push(`${venue}. ${affiliation}`);
  if (shape === 2) lines.push(affiliation);
  if (shape === 3) lines.push(`${random.pick(words.SUMMARY_OPENINGS)} ${random.pick(words.CONCEPTS).toLowerCase()} in ${random.pick(words.ARCHITECTURES)}`);
  if (random.chance(0.2)) lines.push(`${random.pick(words.DATASETS)} top-1 accuracy: ${random.int(600, 899) / 10}%`);
  return lines;
}

/** Returns a new-style id `yymm.nnnnn` (four digits before 2015) from `year`, unique over the run. */
function arxivId(random: Random, year: number, taken: TakenNames): string {
  const boundedYear = Math.min(2024, Math.max(2012, year));
  for (;;) {
    const yymm = `${String(boundedYear % 100).padStart(2, '0')}${String(random.int(1, 12)).padStart(2, '0')}`;
    const digits = boundedYear >= 2015 ? 5 : 4;
    const number = String(random.int(1, 10 ** digits - 1)).padStart(digits, '0');
    const id = `${yymm}.${number}`;
    if (taken.arxivIds.has(id)) continue;

    taken.arxivIds.add(id);
    return random.chance(0.1) ? `${id}v${random.int(2, 4)}` : id;
  }
}

function entryLinks(random: Random, slug: string, year: number, taken: TakenNames): NonNullable<EntryInput['links']> {
  const links: NonNullable<EntryInput['links']> = [];
  const user = `${random.pick(words.FIRST_NAMES)}${random.pick(words.LAST_NAMES)}`;
  const repository = slug.split('-').slice(0, 4).join('-');

  if (random.chance(0.55)) {
    const link: NonNullable<EntryInput['links']>[number] = { kind: 'github', url: uniqueUrl(`https://github.com/${user}/${repository}`, taken) };
    if (random.chance(0.15)) link.label = random.pick(['PyTorch', 'TensorFlow', 'Caffe', 'JAX', 'MXNet']);
    links.push(link);
  }
  if (random.chance(0.15)) links.push(paperLink(random, year, taken));
  if (random.chance(0.15)) {
    const month = String(random.int(1, 12)).padStart(2, '0');
    links.push({ kind: 'blog', url: uniqueUrl(`https://${random.pick(words.BLOG_HOSTS)}/${year}/${month}/${slug}/`, taken) });
  }
  if (random.chance(0.08)) links.push({ kind: 'project page', url: uniqueUrl(`https://${user}.github.io/${repository}/`, taken) });
  if (random.chance(0.03)) links.push({ kind: 'slides', url: uniqueUrl(`https://${user}.github.io/talks/${slug}.pdf`, taken) });
  if (random.chance(0.03)) links.push({ kind: 'video', url: uniqueUrl(`https://www.youtube.com/watch?v=${randomToken(random, 11)}`, taken) });
  return links;
}

function paperLink(random: Random, year: number, taken: TakenNames): NonNullable<EntryInput['links']>[number] {
  const url = random.chance(0.5)
    ? `https://openreview.net/forum?id=${randomToken(random, 10)}`
    : `https://proceedings.neurips.cc/paper/${year}/hash/${randomHex(random, 32)}-Abstract.html`;
  return { kind: 'paper', url: uniqueUrl(url, taken) };
}

function uniqueUrl(url: string, taken: TakenNames): string {
  let candidate = url;
  for (let n = 2; taken.urls.has(candidate); n++) candidate = `${url}${url.includes('?') ? '&' : '?'}v=${n}`;
  taken.urls.add(candidate);
  return candidate;
}

function authorNames(random: Random, count: number): string {
  const capitalize = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);
  return Array.from({ length: count }, () => `${capitalize(random.pick(words.FIRST_NAMES))} ${capitalize(random.pick(words.LAST_NAMES))}`).join(' and ');
}

function entryBody(random: Random): string {
  const parts = [random.sample(words.NOTE_SENTENCES, random.int(1, 3)).join(' ')];
  if (random.chance(0.2)) {
    const rows = random.sample(words.DATASETS, random.int(2, 4)).map((dataset) => `| ${dataset} | ${random.int(600, 990) / 10} |`);
    parts.push(['| Dataset | Accuracy (%) |', '| --- | --- |', ...rows].join('\n'));
  }
  if (random.chance(0.2)) parts.push(random.sample(words.METHODS, random.int(2, 4)).map((method) => `- compared with ${method}`).join('\n'));
  return parts.join('\n\n');
}

function randomToken(random: Random, length: number): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-';
  return Array.from({ length }, () => alphabet.charAt(random.int(0, alphabet.length - 1))).join('');
}

function randomHex(random: Random, length: number): string {
  return Array.from({ length }, () => random.int(0, 15).toString(16)).join('');
}

function isoDay(day: number): string {
  return new Date(day * 86_400_000).toISOString().slice(0, 10);
}

/** Serializes frontmatter with the `yaml` package and appends the body; keys in `quoted` are always double-quoted. */
function toMarkdownFile(data: object, body: string, quoted: readonly string[] = []): string {
  const document = new Document(data);
  for (const key of quoted) {
    const node = document.get(key, true);
    if (node instanceof Scalar) node.type = Scalar.QUOTE_DOUBLE;
  }
  const frontmatter = document.toString({ lineWidth: 0 });
  return body === '' ? `---\n${frontmatter}---\n` : `---\n${frontmatter}---\n\n${body}\n`;
}
