// Reads one content file from disk and parses it into a RawDocument.
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { LIST_FILE_NAME } from '../../schemas/list.ts';
import type { Problem } from '../problems/problem.ts';
import type { ContentFile } from './discoverContent.ts';
import { parseFrontmatter, parseFrontmatterDocument } from './parseFrontmatter.ts';
import type { RawDocument } from './rawDocument.ts';

/** The largest content file read, in bytes; a larger one is reported and not parsed. */
export const MAX_FILE_BYTES = 1024 * 1024;

/**
 * Reads and parses `contentFile`. Returns no document, with a problem, for a file over
 * MAX_FILE_BYTES or one that cannot be read; otherwise the document and what parseFrontmatter
 * reports. Reads synchronously, one file at a time, because that was the fastest way measured.
 * On 10,000 entry files of about 600 bytes (2 cores, Node 20), fs/promises with 8 to 32 reads
 * in flight took 4 to 6 times as long, since each call waits for a thread-pool round trip.
 */
export function readDocument(contentFile: ContentFile): { document: RawDocument | undefined; problems: Problem[] } {
  const { file } = contentFile;
  const fail = (code: string, message: string, fix: string, received?: string) => ({
    document: undefined,
    problems: [{ stage: 'read' as const, severity: 'error' as const, code, file, line: 1, column: 1, field: '', message, received, fix }],
  });

  let text: string;
  let descriptor: number | undefined;
  try {
    descriptor = openSync(contentFile.absolute, 'r');
    const length = readUpToLimit(descriptor);
    if (length > MAX_FILE_BYTES) {
      const { size } = fstatSync(descriptor);
      return fail('file-too-large', `the file is ${formatBytes(size)}, over the limit of ${formatBytes(MAX_FILE_BYTES)}, so it was not read`, 'keep an entry short: link to long notes instead of pasting them', `${size} bytes`);
    }
    text = readBuffer.toString('utf8', 0, length);
  } catch (error) {
    return fail('unreadable-file', `the file cannot be read: ${(error as Error).message}`, 'check that the file exists and can be read');
  } finally {
    if (descriptor !== undefined) closeSync(descriptor);
  }

  const parsed = parseFrontmatter(text, file);
  const document: RawDocument = {
    kind: contentFile.slug === LIST_FILE_NAME.slice(0, -'.md'.length) ? 'list' : 'entry',
    listId: contentFile.listId,
    slug: contentFile.slug,
    file,
    frontmatter: parsed.frontmatter,
    body: parsed.body,
  };
  return { document, problems: parsed.problems };
}

/**
 * The buffer that readUpToLimit fills, one byte over MAX_FILE_BYTES so that a larger file is
 * detected. Reading into it in place of fstat and readFileSync took about a third less CPU on the
 * 10,000 bench entry files (65 against 95 ms, Node 20), because it saves a system call and a
 * Stats object per file.
 */
const readBuffer = Buffer.allocUnsafe(MAX_FILE_BYTES + 1);

/**
 * Reads the newly opened file `descriptor` into readBuffer until the end of the file or
 * the buffer is full, and returns the number of bytes read.
 */
function readUpToLimit(descriptor: number): number {
  let length = 0;
  while (length < readBuffer.length) {
    const read = readSync(descriptor, readBuffer, length, readBuffer.length - length, null);
    if (read === 0) break;
    length += read;
  }
  return length;
}

/**
 * Parses the frontmatter of `raw` again into a `yaml` Document, for a file that the fast parse
 * read and a check then found problems in. Returns the document with that frontmatter and the
 * YAML problems that the Document parse reports.
 */
export function reparseWithPositions(raw: RawDocument): { document: RawDocument; problems: Problem[] } {
  if (raw.frontmatter === undefined || raw.frontmatter.parsedWithPositions) return { document: raw, problems: [] };
  const { frontmatter, problems } = parseFrontmatterDocument(raw.frontmatter.source, raw.file);
  return { document: { ...raw, frontmatter }, problems };
}

function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1).replace(/\.0$/, '')} MB`;
  return `${Math.ceil(bytes / 1024)} KB`;
}
