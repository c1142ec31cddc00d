// Reads, validates and assembles the content into the Catalog: the one entry point that the
// build, `check`, `new` and the tests share.
import { access } from 'node:fs/promises';
import path from 'node:path';
import type { Problem } from '../problems/problem.ts';
import { AssembleError, ContentError, ValidationError, ReadError } from '../problems/contentError.ts';
import { formatHuman, sortProblems } from '../problems/format.ts';
import { discoverContent, type ContentFile } from '../read/discoverContent.ts';
import type { RawDocument } from '../read/rawDocument.ts';
import { readDocument, reparseWithPositions } from '../read/readDocument.ts';
import { checkDuplicates, type DuplicateCandidate } from '../validate/checkDuplicates.ts';
import { checkFileNames } from '../validate/checkFileNames.ts';
import type { ListSectionPaths } from '../validate/checkPlacements.ts';
import { checkSectionTree, sectionPaths, writtenSectionPaths } from '../validate/checkSectionTree.ts';
import { validateDocument, type ValidatedDocument } from '../validate/validateDocument.ts';
import { validateEntries, type EntryResultCache } from '../validate/validateEntries.ts';
import type { ValidatedEntry } from '../validate/validateEntryFile.ts';
import { assembleCatalog, type ValidList } from './assembleCatalog.ts';
import type { Catalog } from './types.ts';
import { LIST_FILE_NAME } from '../../schemas/list.ts';

export interface LoadOptions {
  /** The content folder, relative to `root`; default `content`. */
  contentDir?: string | undefined;
  /**
   * Report only on these files (relative to `root` or absolute). The whole content folder is
   * still read, because sections and duplicates depend on the other files.
   */
  files?: readonly string[] | undefined;
  /** Worker threads for validating entries; default: one per core for large content, 0 for small. */
  workers?: number | undefined;
  /** Entry results kept between loads, so that unchanged files are not read again (see validateEntries). */
  cache?: EntryResultCache | undefined;
}

export interface LoadSummary {
  lists: number;
  sections: number;
  entries: number;
}

export interface LoadResult {
  /** The catalog, or undefined when any file of the content has an error. */
  catalog: Catalog | undefined;
  /** Every problem found, sorted by file and line; only those of `files` when given. */
  problems: Problem[];
  /** The lists, sections and entries that passed validation. */
  summary: LoadSummary;
}

/**
 * Reads every list under `<root>/<contentDir>`, validates each file and the files against each
 * other, and assembles the catalog when no error was found. Bad content is returned as
 * problems, not thrown. Throws a ReadError when the content folder cannot be read, and an
 * AssembleError if validated content still cannot be assembled (a bug in the checks).
 */
export async function loadCatalog(root: string, options: LoadOptions = {}): Promise<LoadResult> {
  const contentDir = options.contentDir ?? 'content';
  let discovered;
  try {
    discovered = await discoverContent(root, contentDir);
  } catch (error) {
    throw new ReadError(`cannot read the content folder ${contentDir}: ${(error as Error).message}`, [], { cause: error });
  }

  const problems: Problem[] = [...discovered.problems];
  const lists = new Map<string, ValidList | undefined>();
  const sectionsByList = new Map<string, ListSectionPaths>();
  let validSectionCount = 0;

  for (const contentFile of discovered.lists) {
    const read = readDocument(contentFile);
    problems.push(...read.problems);
    let raw = read.document;
    if (raw === undefined) {
      lists.set(contentFile.listId, undefined);
      continue;
    }

    let { document, problems: found, treeProblems } = checkListFile(raw);
    if (found.length + treeProblems.length > 0 && raw.frontmatter?.parsedWithPositions === false) {
      // The problems of a file read by the fast parse are found again on the `yaml` Document,
      // so that they are exactly those that the Document parse gives.
      const reparsed = reparseWithPositions(raw);
      raw = reparsed.document;
      problems.push(...reparsed.problems);
      ({ document, problems: found, treeProblems } = checkListFile(raw));
    }
    problems.push(...found, ...treeProblems);
    if (document?.kind !== 'list' || treeProblems.length > 0) {
      lists.set(raw.listId, undefined);
      // The entries' sections are still checked against the paths that can be read, so that
      // check shows their problems together with those of the list file.
      const paths = writtenSectionPaths(raw.frontmatter?.data);
      if (paths !== undefined) sectionsByList.set(raw.listId, { paths, set: new Set(paths) });
      continue;
    }

    lists.set(raw.listId, { id: raw.listId, file: raw.file, data: document.data, body: raw.body });
    const paths = sectionPaths(document.data);
    sectionsByList.set(raw.listId, { paths, set: new Set(paths) });
    validSectionCount += paths.length;
  }

  // Each entry is reduced to its data as soon as it is validated, so that its YAML document
  // (many times the size of the data) can be collected.
  const validEntries: ValidatedEntry[] = [];
  const titles = new Map<string, string>();
  const results = await validateEntries(discovered.entries, sectionsByList, { workers: options.workers, cache: options.cache });
  results.forEach((result, index) => {
    problems.push(...result.problems);
    if (result.entry) validEntries.push(result.entry);
    if (result.title !== undefined) titles.set(discovered.entries[index]!.file, result.title);
  });

  const entriesByList = new Map<string, ContentFile[]>();
  for (const contentFile of discovered.entries) addTo(entriesByList, contentFile.listId, contentFile);
  const contentPath = toPosix(path.relative(root, path.resolve(root, contentDir)));
  for (const [listId, entries] of entriesByList) {
    if (!lists.has(listId)) problems.push(missingListFile(contentPath, listId, entries.length));
    problems.push(...checkFileNames(entries, (file) => titles.get(file)));
  }

  const validByList = new Map<string, DuplicateCandidate[]>();
  for (const entry of validEntries) addTo(validByList, entry.listId, entry);
  problems.push(...findDuplicates(validByList, options.cache));

  const validLists = [...lists.values()].filter((list): list is ValidList => list !== undefined);
  const summary: LoadSummary = {
    lists: validLists.length,
    sections: validSectionCount,
    entries: validEntries.length,
  };

  const reported = options.files ? await onlyFiles(root, contentPath, options.files, problems) : problems;
  const hasError = problems.some((problem) => problem.severity === 'error');
  if (hasError) return { catalog: undefined, problems: sortProblems(reported), summary };

  let catalog: Catalog;
  try {
    catalog = assembleCatalog(validLists, validEntries.map(({ frontmatterSource: _frontmatterSource, ...entry }) => entry));
  } catch (error) {
    throw new AssembleError(`cannot assemble the catalog: ${(error as Error).message}`, reported, { cause: error });
  }
  return { catalog, problems: sortProblems(reported), summary };
}

/**
 * Loads the catalog for the build. Returns it when the content has no error; throws a
 * ValidationError whose message is the human report of every problem otherwise.
 */
export async function loadCatalogOrThrow(root: string, options: LoadOptions = {}): Promise<Catalog> {
  const result = await loadCatalog(root, options);
  if (result.catalog !== undefined) return result.catalog;

  const report = formatHuman(result.problems);
  throw new ValidationError(`the content has errors, so no site was built:\n${report}`, result.problems);
}

export { ContentError };

/** Validates a list file and checks its section tree. */
function checkListFile(raw: RawDocument): { document: ValidatedDocument | undefined; problems: Problem[]; treeProblems: Problem[] } {
  const { document, problems } = validateDocument(raw);
  const treeProblems = checkSectionTree(raw.frontmatter?.data, raw.file, raw.frontmatter);
  return { document, problems, treeProblems };
}

/**
 * The duplicate problems of each list found by the last load that used the same entry cache, by
 * list id, with the entries they were found in.
 */
const duplicatesByCache = new WeakMap<EntryResultCache, Map<string, { entries: readonly DuplicateCandidate[]; problems: Problem[] }>>();

/**
 * Returns checkDuplicates' problems for each list of `validByList`. With `cache`, a list whose
 * entries are the very objects of the last load (the cache returned every one of them unchanged)
 * gets the problems found then, so that a rebuild after one edit checks one list again. On the
 * 10k bench content (8 lists, Node 20, 2 shared cores), checking every list took about 130 ms of CPU.
 */
function findDuplicates(validByList: ReadonlyMap<string, readonly DuplicateCandidate[]>, cache: EntryResultCache | undefined): Problem[] {
  if (cache === undefined) return [...validByList.values()].flatMap((entries) => checkDuplicates(entries));

  let previous = duplicatesByCache.get(cache);
  if (previous === undefined) {
    previous = new Map();
    duplicatesByCache.set(cache, previous);
  }
  for (const listId of previous.keys()) if (!validByList.has(listId)) previous.delete(listId);

  const problems: Problem[] = [];
  for (const [listId, entries] of validByList) {
    const last = previous.get(listId);
    const unchanged = last !== undefined && last.entries.length === entries.length && last.entries.every((entry, index) => entry === entries[index]);
    const found = unchanged ? last.problems : checkDuplicates(entries);
    if (!unchanged) previous.set(listId, { entries, problems: found });
    problems.push(...found);
  }
  return problems;
}

function addTo<T>(map: Map<string, T[]>, key: string, value: T): void {
  const group = map.get(key);
  if (group) group.push(value);
  else map.set(key, [value]);
}

function missingListFile(contentPath: string, listId: string, entryCount: number): Problem {
  return {
    stage: 'validate',
    severity: 'error',
    code: 'missing-list-file',
    file: `${contentPath}/${listId}/${LIST_FILE_NAME}`,
    line: 1,
    column: 1,
    field: '',
    message: `the list folder ${contentPath}/${listId}/ has ${entryCount} entr${entryCount === 1 ? 'y' : 'ies'} but no list file`,
    fix: `create ${LIST_FILE_NAME} in the folder with the list's title, description and sections`,
  };
}

/**
 * Keeps the problems of the given files and of their lists' list files, because an invalid list
 * file leaves its entries' sections unchecked. Reports each given file that is missing or
 * outside the content folder. `contentPath` is relative to `root`.
 */
async function onlyFiles(root: string, contentPath: string, files: readonly string[], problems: readonly Problem[]): Promise<Problem[]> {
  const contentRoot = path.resolve(root, contentPath);
  const requested = new Set<string>();
  const extra: Problem[] = [];

  for (const given of files) {
    const absolute = path.resolve(root, given);
    const file = toPosix(path.relative(root, absolute));
    const base: Problem = { stage: 'read', severity: 'error', code: '', file, line: 1, column: 1, field: '', message: '' };
    try {
      await access(absolute);
    } catch {
      extra.push({ ...base, code: 'file-not-found', message: 'the file does not exist', fix: 'check the path' });
      continue;
    }
    if (!absolute.startsWith(contentRoot + path.sep)) {
      extra.push({ ...base, code: 'file-outside-content', message: `the file is not inside the content folder ${contentPath}/`, fix: `move it into ${contentPath}/<list-id>/` });
      continue;
    }
    requested.add(file);
    const listId = toPosix(path.relative(contentRoot, absolute)).split('/')[0];
    if (listId !== undefined) requested.add(`${contentPath}/${listId}/${LIST_FILE_NAME}`);
  }
  return [...problems.filter((problem) => requested.has(problem.file)), ...extra];
}

function toPosix(file: string): string {
  return file.split(path.sep).join('/');
}
