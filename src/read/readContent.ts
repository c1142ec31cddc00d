// Reads every content file of every list folder into RawDocuments, for callers that want all of
// them at once. loadCatalog reads file by file instead, to keep memory small.
import type { Problem } from '../problems/problem.ts';
import { discoverContent } from './discoverContent.ts';
import type { RawDocument } from './rawDocument.ts';
import { readDocument } from './readDocument.ts';

export interface ReadResult {
  /** The list files first, then the entries, each group in folder and name order. */
  documents: RawDocument[];
  problems: Problem[];
}

/**
 * Reads and parses every list and entry file under `<root>/<contentDir>` (default `content`).
 * Reports what discoverContent and readDocument report. Throws when the content folder itself
 * cannot be read.
 */
export async function readContent(root: string, options: { contentDir?: string | undefined } = {}): Promise<ReadResult> {
  const discovered = await discoverContent(root, options.contentDir);
  const documents: RawDocument[] = [];
  const problems = [...discovered.problems];

  for (const contentFile of [...discovered.lists, ...discovered.entries]) {
    const result = readDocument(contentFile);
    if (result.document) documents.push(result.document);
    problems.push(...result.problems);
  }
  return { documents, problems };
}
