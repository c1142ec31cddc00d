// Reads and validates one entry file and reduces it to what the catalog and the cross-file
// checks need, so that its YAML document can be dropped at once.
import type { EntryData } from '../../schemas/entry.ts';
import type { Problem } from '../problems/problem.ts';
import type { ContentFile } from '../read/discoverContent.ts';
import type { RawDocument } from '../read/rawDocument.ts';
import { readDocument, reparseWithPositions } from '../read/readDocument.ts';
import { checkPlacements, type ListSectionPaths } from './checkPlacements.ts';
import { validateDocument } from './validateDocument.ts';

/** A valid entry, with the frontmatter text from which the duplicate check locates its fields. */
export interface ValidatedEntry {
  listId: string;
  slug: string;
  file: string;
  data: EntryData;
  body: string;
  /** The frontmatter as given to the YAML parser (Frontmatter.source). */
  frontmatterSource: string;
}

export interface EntryFileResult {
  /** Undefined when the file has an error of its own. */
  entry: ValidatedEntry | undefined;
  /** The title as written, when it is text, even if the entry is invalid: file names are checked against it. */
  title: string | undefined;
  problems: Problem[];
}

/**
 * Reads `contentFile`, validates its frontmatter and checks its `category` and `also` against
 * `sectionsByList` (the lists whose sections could be read). Returns plain data that can be posted
 * between threads. Bad content gives problems, not exceptions.
 */
export function validateEntryFile(contentFile: ContentFile, sectionsByList: ReadonlyMap<string, ListSectionPaths>): EntryFileResult {
  const { document: raw, problems } = readDocument(contentFile);
  if (raw === undefined) return { entry: undefined, title: undefined, problems };

  const result = checkEntry(raw, problems, sectionsByList);
  if (result.problems.length === 0 || raw.frontmatter?.parsedWithPositions !== false) return result;

  // The problems of a file read by the fast parse are found again on the `yaml` Document, so
  // that they are exactly those that the Document parse gives.
  const reparsed = reparseWithPositions(raw);
  return checkEntry(reparsed.document, reparsed.problems, sectionsByList);
}

function checkEntry(raw: RawDocument, readProblems: Problem[], sectionsByList: ReadonlyMap<string, ListSectionPaths>): EntryFileResult {
  const { document, problems: found } = validateDocument(raw);
  const problems = [...readProblems, ...found, ...checkPlacements(raw, raw.frontmatter?.data, sectionsByList)];

  const written = (raw.frontmatter?.data as { title?: unknown } | undefined)?.title;
  const title = typeof written === 'string' ? written : undefined;
  if (document?.kind !== 'entry') return { entry: undefined, title, problems };

  const frontmatterSource = raw.frontmatter?.source ?? '';
  return { entry: { listId: raw.listId, slug: raw.slug, file: raw.file, data: document.data, body: raw.body, frontmatterSource }, title, problems };
}
