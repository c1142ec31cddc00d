// Imports a single-document reading list: parses it, builds the list and its entries, checks
// them against the schemas and returns the files to write with a report, or the problems that
// stop the import. Writes nothing itself.
import { entrySchema, type EntryInput } from '../../schemas/entry.ts';
import { isHttpUrl, LIST_ID_PATTERN } from '../../schemas/fields.ts';
import { LIST_FILE_NAME, listSchema, type ListInput, type SectionInput } from '../../schemas/list.ts';
import type { Problem } from '../problems/problem.ts';
import { slugify } from '../text/slug.ts';
import { titleKey } from '../text/titleKey.ts';
import { arxivKey, urlKey } from '../validate/checkDuplicates.ts';
import { RESERVED_SLUGS } from '../validate/checkFileNames.ts';
import { RESERVED_LIST_IDS } from '../validate/reservedListIds.ts';
import { parseAddedDates } from './addedDates.ts';
import { buildList, type EntryDraft, type ListDraft, type SectionDraft } from './buildList.ts';
import type { ImportReport, ReportLine } from './importReport.ts';
import { parseDocument } from './parseDocument.ts';
import { renderEntryFile, renderListFile } from './renderFiles.ts';

export interface ImportOptions {
  /** The list's folder name under the content folder, such as `training-deep-neural-networks`. */
  listId: string;
  /** The document's name as given by the user, used in the report and in problems. */
  source: string;
  /** The list's title; default the front matter's `title`, else the list id in words. */
  title?: string | undefined;
  /** One or two sentences for the home page; default a sentence naming where the list came from. */
  description?: string | undefined;
  /** The URL against which site-relative links and images (`/assets/...`) are resolved. */
  baseUrl?: string | undefined;
  /** The original's address and licence. The document's front matter is kept with them. */
  origin?: { url: string; licence: string; licenceUrl?: string | undefined; copyright?: string | undefined; revision?: string | undefined } | undefined;
  /** The table of added dates (`first_seen<TAB>title`) and its name for problems. */
  added?: { text: string; file: string } | undefined;
}

/** A file of the list folder: its name inside the folder and its full text. */
export interface ImportedFile {
  name: string;
  text: string;
}

export type ImportResult = { ok: true; files: ImportedFile[]; report: ImportReport } | { ok: false; problems: Problem[] };

/**
 * Imports the document `text`. Returns the list file and one file per entry in document order
 * (the list file first), with the report. Returns instead every problem that stops the import:
 * a bad option, front matter that is not YAML, a document without entries, a bad added-dates
 * table, or an entry the schemas reject. The same input always gives the same files.
 */
export function importDocument(text: string, options: ImportOptions): ImportResult {
  const optionProblems = checkOptions(options);
  if (optionProblems.length > 0) return { ok: false, problems: optionProblems };

  const parsed = parseDocument(text, options.source);
  if (parsed.problems.length > 0) return { ok: false, problems: parsed.problems };

  const frontTitle = parsed.frontmatter.title;
  const title = options.title ?? (frontTitle !== undefined && String(frontTitle).trim() !== '' ? String(frontTitle).trim() : titleFromId(options.listId));
  const unresolved: string[] = [];
  const resolve = (url: string) => {
    if (options.baseUrl === undefined) {
      unresolved.push(url);
      return undefined;
    }
    return new URL(url, options.baseUrl).href;
  };

  const draft = buildList(parsed.blocks, title, resolve);
  if (draft.entries.length === 0) {
    return {
      ok: false,
      problems: [problem(options.source, 1, 'no-entries', 'the document has no entries: no line is a bold title such as "**Title**"', 'write each entry as a line "**Title**" followed by its "- key: value" bullets')],
    };
  }

  const notes: ReportLine[] = [...parsed.notes, ...draft.notes];
  let addedCount = 0;
  if (options.added !== undefined) {
    const added = applyAddedDates(draft, options.added, notes);
    if ('problems' in added) return { ok: false, problems: added.problems };
    addedCount = added.count;
  }
  for (const url of new Set(unresolved)) notes.push({ line: 0, message: `the site-relative URL ${url} is kept as written: give --base-url to resolve it` });

  const slugs = entrySlugs(draft.entries);
  const problems: Problem[] = [];
  const files: ImportedFile[] = [];

  const list = listData(draft, parsed.frontmatter, title, options, notes, parsed.flattenedKeys);
  const listCheck = listSchema.safeParse(list);
  if (!listCheck.success) {
    for (const issue of listCheck.error.issues) problems.push(problem(options.source, 1, 'invalid-list', `the list file would not be valid: ${issue.path.join('.')}: ${issue.message}`, 'check the options --title, --description and --source-url'));
  }
  files.push({ name: LIST_FILE_NAME, text: renderListFile(list, draft.body) });

  draft.entries.forEach((entry, index) => {
    const data = entryData(entry);
    const check = entrySchema.safeParse(data);
    if (!check.success) {
      for (const issue of check.error.issues) {
        problems.push(problem(options.source, entry.line, 'invalid-entry', `the entry "${entry.title}" would not be valid: ${issue.path.join('.')}: ${issue.message}`, 'correct the entry in the source document'));
      }
    }
    files.push({ name: `${slugs[index]}.md`, text: renderEntryFile(data, entry.body) });
  });
  if (problems.length > 0) return { ok: false, problems };

  notes.push(...duplicateNotes(draft.entries));
  const report: ImportReport = {
    source: options.source,
    listId: options.listId,
    counts: {
      sections: countSections(draft.sections),
      entries: draft.entries.length,
      titles: draft.titleCount,
      merged: draft.mergedCount,
      aliases: draft.entries.reduce((total, entry) => total + entry.aliases.length, 0),
      links: draft.entries.reduce((total, entry) => total + entry.links.length, 0),
      arxivIds: draft.entries.filter((entry) => entry.arxiv !== undefined).length,
      addedDates: addedCount,
    },
    corrections: draft.corrections.sort((a, b) => a.line - b.line),
    freeText: draft.freeText.sort((a, b) => a.line - b.line),
    // Remarks on the source document first, then those on other files such as the table of added dates.
    notes: notes.sort((a, b) => Number(a.file !== undefined) - Number(b.file !== undefined) || a.line - b.line),
  };
  return { ok: true, files, report };
}

function checkOptions(options: ImportOptions): Problem[] {
  const problems: Problem[] = [];
  const fail = (field: string, message: string, fix: string, received: string) =>
    problems.push({ stage: 'import', severity: 'error', code: 'invalid-option', file: options.source, line: 1, column: 1, field, message, fix, received });

  if (!LIST_ID_PATTERN.test(options.listId)) fail('--list', 'the list id must be lower-case letters and digits joined by hyphens', 'choose an id such as "training-deep-neural-networks"', options.listId);
  else if (RESERVED_LIST_IDS.has(options.listId)) {
    fail('--list', `the list id "${options.listId}" is reserved, because the site uses /${options.listId}/ for its own pages (reserved: ${[...RESERVED_LIST_IDS].sort().join(', ')})`, 'choose another id, such as one naming the list\'s topic', options.listId);
  }
  if (options.baseUrl !== undefined && !isHttpUrl(options.baseUrl)) fail('--base-url', 'the base URL must be an absolute http or https URL', 'give the original site\'s address, such as https://handong1587.github.io', options.baseUrl);
  if (options.origin !== undefined && !isHttpUrl(options.origin.url)) fail('--source-url', 'the source URL must be an absolute http or https URL', 'give the address of the original document', options.origin.url);
  return problems;
}

function problem(file: string, line: number, code: string, message: string, fix: string): Problem {
  return { stage: 'import', severity: 'error', code, file, line, column: 1, field: '', message, fix };
}

function titleFromId(listId: string): string {
  const words = listId.split('-').join(' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function applyAddedDates(draft: ListDraft, added: { text: string; file: string }, notes: ReportLine[]): { count: number } | { problems: Problem[] } {
  const table = parseAddedDates(added.text, added.file);
  if (table.problems.length > 0) return { problems: table.problems };

  const used = new Set<string>();
  let count = 0;
  for (const entry of draft.entries) {
    const dates = [entry.title, ...entry.aliases].flatMap((title) => {
      const key = titleKey(title) || title;
      const found = table.byTitle.get(key);
      if (found === undefined) return [];
      used.add(key);
      return [found.date];
    });
    if (dates.length === 0) continue;
    entry.added = dates.sort()[0];
    count += 1;
  }
  for (const [key, date] of table.byTitle) {
    if (!used.has(key)) notes.push({ file: added.file, line: date.line, message: `the title "${date.title}" matches no entry, so its date ${date.date} is not used` });
  }
  return { count };
}

/** File names: the slug of each title, made unique within the list with `-2`, `-3`, ... in document order. */
function entrySlugs(entries: readonly EntryDraft[]): string[] {
  const taken = new Set<string>(RESERVED_SLUGS);
  return entries.map((entry) => {
    const base = slugify(entry.title);
    let slug = base;
    for (let number = 2; taken.has(slug); number++) slug = slugify(`${base.slice(0, 80 - String(number).length - 1)}-${number}`);
    taken.add(slug);
    return slug;
  });
}

function entryData(entry: EntryDraft): EntryInput {
  const data: EntryInput = { title: entry.title, category: entry.section.path, order: entry.order };
  if (entry.aliases.length > 0) data.aliases = entry.aliases;
  if (entry.also.length > 0) data.also = entry.also;
  if (entry.added !== undefined) data.added = entry.added;
  if (entry.intro.length > 0) data.intro = entry.intro;
  if (entry.keywords.length > 0) data.keywords = entry.keywords;
  if (entry.arxiv !== undefined) data.arxiv = entry.arxiv;
  if (entry.links.length > 0) data.links = entry.links;
  if (entry.details.length > 0) data.details = entry.details;
  return data;
}

function listData(draft: ListDraft, frontmatter: Record<string, string | number | boolean>, title: string, options: ImportOptions, notes: ReportLine[], flattenedKeys: readonly string[]): ListInput {
  const origin = options.origin;
  const list: ListInput = {
    title,
    description: options.description ?? (origin !== undefined ? `A reading list imported from ${shortUrl(origin.url)}.` : 'A reading list imported from a single Markdown document.'),
    sections: draft.sections.map(sectionData),
  };

  const date = frontmatter.date;
  if (typeof date === 'string' && /^\d{4}-\d{2}-\d{2}(?:$|[ T])/.test(date)) list.created = date.slice(0, 10);

  const frontKeys = Object.keys(frontmatter);
  if (origin !== undefined) {
    list.source = { url: origin.url, licence: origin.licence };
    if (origin.licenceUrl !== undefined) list.source.licenceUrl = origin.licenceUrl;
    if (origin.copyright !== undefined) list.source.copyright = origin.copyright;
    if (origin.revision !== undefined) list.source.revision = origin.revision;
    if (frontKeys.length > 0) list.source.frontmatter = frontmatter;
    if (options.baseUrl !== undefined) list.source.baseUrl = options.baseUrl;
    for (const key of flattenedKeys) notes.push({ line: 1, message: `the front matter value of "${key}" is not plain text: kept as its JSON text` });
  } else {
    const dropped = frontKeys.filter((key) => key !== 'title' && key !== 'date');
    if (dropped.length > 0) notes.push({ line: 1, message: `the front matter keys ${dropped.join(', ')} are not kept: give --source-url and --licence to keep them with the source` });
  }
  // Written last, so that the list file reads title, description and source before the long tree.
  const { sections, ...head } = list;
  return { ...head, sections };
}

function sectionData(section: SectionDraft): SectionInput {
  const data: SectionInput = { id: section.id, title: section.title };
  if (section.description !== '') data.description = section.description;
  if (section.sections.length > 0) data.sections = section.sections.map(sectionData);
  return data;
}

function countSections(sections: readonly SectionDraft[]): number {
  return sections.reduce((total, section) => total + 1 + countSections(section.sections), 0);
}

function shortUrl(url: string): string {
  const parsed = new URL(url);
  const path = parsed.pathname.split('/').filter((part) => part !== '').slice(0, 2).join('/');
  return path === '' ? parsed.host : `${parsed.host}/${path}`;
}

/** Entries of different titles that share an arXiv id or a URL: `npm run check` reports them as duplicates. */
function duplicateNotes(entries: readonly EntryDraft[]): ReportLine[] {
  const notes: ReportLine[] = [];
  const seen = new Map<string, EntryDraft>();
  const check = (key: string, entry: EntryDraft, what: string) => {
    const other = seen.get(key);
    if (other === undefined) seen.set(key, entry);
    else if (other !== entry) notes.push({ line: entry.line, message: `the entry "${entry.title}" shares ${what} with the entry "${other.title}" of line ${other.line}: merge them or remove one, or check will fail` });
  };
  for (const entry of entries) {
    if (entry.arxiv !== undefined) check(`arxiv ${arxivKey(entry.arxiv)}`, entry, `the arXiv id ${entry.arxiv}`);
    for (const link of entry.links) check(`url ${urlKey(link.url)}`, entry, `the URL ${link.url}`);
  }
  return notes;
}
