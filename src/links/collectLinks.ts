// Gathers the URLs to check, with the file and line each is written on: from the catalog's
// entries (links, arXiv id, notes) and list files, or from any other file given.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Catalog, CatalogEntry } from '../catalog/types.ts';
import { arxivAbsUrl } from '../new/parseArxivInput.ts';
import { parseFrontmatter } from '../read/parseFrontmatter.ts';
import { locateField } from '../validate/locateField.ts';
import type { LinkOccurrence } from './linkOccurrence.ts';

/**
 * A bare http(s) URL in text, up to white space, a quote, an angle bracket or a closing bracket.
 * NOTE: a URL that contains brackets, such as `https://en.wikipedia.org/wiki/Dropout_(neural_networks)`,
 * is cut at its first `)`; matching balanced brackets would fix it.
 */
const URL_IN_TEXT = /https?:\/\/[^\s<>"'`)\]}]+/g;

/** Punctuation that ends a sentence rather than a URL. */
const TRAILING_PUNCTUATION = /[.,;:!?*_]+$/;

/**
 * Returns every URL occurrence of the content, or of `files` (paths relative to `root` or
 * absolute) when given. An entry file gives its `links[].url`, the abstract page of its `arxiv`
 * id and the URLs of its notes. A list file or any other file gives every http(s) URL in its text.
 * Throws an Error naming the file when a file cannot be read.
 */
export async function collectLinks(catalog: Catalog, root: string, files?: readonly string[]): Promise<LinkOccurrence[]> {
  const entriesByFile = new Map(catalog.entries.map((entry) => [entry.file, entry]));
  const selected = files === undefined
    ? [...catalog.lists.map((list) => list.file), ...catalog.entries.map((entry) => entry.file)]
    : files.map((file) => toPosix(path.relative(root, path.resolve(root, file))));

  const occurrences: LinkOccurrence[] = [];
  for (const file of [...new Set(selected)]) {
    let text: string;
    try {
      text = await readFile(path.join(root, file), 'utf8');
    } catch (error) {
      throw new Error(`cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`, { cause: error });
    }
    const entry = entriesByFile.get(file);
    occurrences.push(...(entry === undefined ? urlsInText(text, file, 0) : entryLinks(entry, text)));
  }
  return occurrences;
}

function entryLinks(entry: CatalogEntry, text: string): LinkOccurrence[] {
  const { frontmatter } = parseFrontmatter(text, entry.file);
  const occurrences: LinkOccurrence[] = [];

  if (entry.data.arxiv !== undefined) {
    occurrences.push({ url: arxivAbsUrl(entry.data.arxiv), file: entry.file, line: locateField(frontmatter, ['arxiv']).line });
  }
  entry.data.links?.forEach((link, index) => {
    occurrences.push({ url: link.url, file: entry.file, line: locateField(frontmatter, ['links', index, 'url']).line });
  });

  // The notes follow the frontmatter: search the text after its closing `---` line.
  const bodyStart = frontmatter === undefined ? 0 : bodyOffset(text);
  occurrences.push(...urlsInText(text, entry.file, bodyStart));
  return occurrences;
}

/** Finds the URLs in `text` from `offset` on, each with its 1-based line in `text`. */
function urlsInText(text: string, file: string, offset: number): LinkOccurrence[] {
  const occurrences: LinkOccurrence[] = [];
  const lineStarts = [0];
  for (let index = text.indexOf('\n'); index !== -1; index = text.indexOf('\n', index + 1)) lineStarts.push(index + 1);

  const pattern = new RegExp(URL_IN_TEXT.source, 'g');
  pattern.lastIndex = offset;
  for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) {
    const url = match[0].replace(TRAILING_PUNCTUATION, '');
    if (!isCheckableUrl(url)) continue;
    occurrences.push({ url, file, line: lineOfOffset(lineStarts, match.index) });
  }
  return occurrences;
}

/** Returns the offset just after the frontmatter's closing `---` line. */
function bodyOffset(text: string): number {
  const closing = /\r?\n---[ \t]*(?:\r?\n|$)/.exec(text.slice(3));
  return closing === null ? 0 : 3 + closing.index + closing[0].length;
}

function lineOfOffset(lineStarts: readonly number[], offset: number): number {
  let low = 0;
  let high = lineStarts.length - 1;
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if (lineStarts[middle]! <= offset) low = middle;
    else high = middle - 1;
  }
  return low + 1;
}

function isCheckableUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return url.hostname.length > 0;
  } catch {
    return false;
  }
}

function toPosix(file: string): string {
  return file.split(path.sep).join('/');
}
