// Reads one content file from disk and parses it into a RawDocument.
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { LIST_FILE_NAME } from '../../schemas/list.ts';
import type { Problem } from '../problems/problem.ts';
import { checkControlCharacters } from './checkControlCharacters.ts';
import { checkUtf8 } from './checkUtf8.ts';
import type { ContentFile } from './discoverContent.ts';
import { parseFrontmatter, parseFrontmatterDocument } from './parseFrontmatter.ts';
import type { RawDocument } from './rawDocument.ts';

/** The largest content file read, in bytes; a larger one is reported and not parsed. */
export const MAX_FILE_BYTES = 1024 * 1024;

/**
 * Reads and parses `contentFile`, and returns the document and what parseFrontmatter reports.
 * Returns no document, with a problem, for a file that cannot be read, one over MAX_FILE_BYTES,
 * one that is not valid UTF-8, and one with a character that checkControlCharacters rejects.
 * Reads synchronously, one file at a time, because that was the fastest way measured. On 10,000
 * entry files of about 600 bytes (2 cores, Node 20), fs/promises with 8 to 32 reads in flight
 * took 4 to 6 times as long, since each call waits for a thread-pool round trip.
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
      return fail('file-too-large', `the file is ${formatSizeOverLimit(size)}, so it was not read`, 'keep an entry short: link to long notes instead of pasting them');
    }

    // Decoding would replace each invalid byte with U+FFFD, silently changing the text.
    const notUtf8 = checkUtf8(new Uint8Array(readBuffer.buffer, readBuffer.byteOffset, length), file);
    if (notUtf8 !== undefined) return { document: undefined, problems: [notUtf8] };
    text = readBuffer.toString('utf8', 0, length);
  } catch (error) {
    return fail('unreadable-file', `the file cannot be read: ${(error as Error).message}`, 'check that the file exists and can be read');
  } finally {
    if (descriptor !== undefined) closeSync(descriptor);
  }

  const forbidden = checkControlCharacters(text, file);
  if (forbidden !== undefined) return { document: undefined, problems: [forbidden] };

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

/**
 * Writes `size` against MAX_FILE_BYTES: `5,242,919 bytes (5 MiB), over the limit of 1,048,576
 * bytes (1 MiB)`. Both sizes are given exactly in bytes, because the MiB figures are rounded to
 * one decimal. The file's MiB figure is left out when it equals the limit's.
 */
function formatSizeOverLimit(size: number): string {
  const limitMiB = formatMiB(MAX_FILE_BYTES);
  const sizeMiB = formatMiB(size);
  const sizeText = sizeMiB === limitMiB ? formatBytes(size) : `${formatBytes(size)} (${sizeMiB})`;
  return `${sizeText}, over the limit of ${formatBytes(MAX_FILE_BYTES)} (${limitMiB})`;
}

function formatBytes(bytes: number): string {
  return `${bytes.toLocaleString('en-US')} bytes`;
}

function formatMiB(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1).replace(/\.0$/, '')} MiB`;
}
