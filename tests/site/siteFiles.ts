// Reads a built site for the site tests: every HTML page parsed with cheerio, and the file that
// serves a URL path, as a static host maps it.
import { existsSync, statSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { load, type CheerioAPI } from 'cheerio';

export interface BuiltPage {
  /** The file, relative to the site folder with `/` separators: `keywords/index.html`. */
  file: string;
  html: string;
  $: CheerioAPI;
}

/** Reads and parses every .html file under `siteDir`, in a stable order. */
export async function readPages(siteDir: string): Promise<BuiltPage[]> {
  const files = (await readdir(siteDir, { recursive: true }))
    .filter((file) => file.endsWith('.html'))
    .map((file) => file.split(path.sep).join('/'))
    .sort();

  const pages: BuiltPage[] = [];
  for (const file of files) {
    const html = await readFile(path.join(siteDir, file), 'utf8');
    pages.push({ file, html, $: load(html) });
  }
  return pages;
}

/** Returns the page for a URL path without the prefix (`/a/b/`), or throws naming the path. */
export async function readPage(siteDir: string, urlPath: string): Promise<BuiltPage> {
  const file = fileForPath(siteDir, urlPath);
  if (file === undefined) throw new Error(`no file serves ${urlPath} in ${siteDir}`);
  const html = await readFile(path.join(siteDir, file), 'utf8');
  return { file, html, $: load(html) };
}

/**
 * Returns the file (relative to `siteDir`) that a static host serves for `urlPath`, a path
 * without the prefix and without query or fragment: `/a/` is `a/index.html`. Percent-escapes
 * are decoded. Returns undefined when no such file exists.
 */
export function fileForPath(siteDir: string, urlPath: string): string | undefined {
  const decoded = decodeURIComponent(urlPath).replace(/^\/+/, '');
  const candidates = decoded === '' || decoded.endsWith('/') ? [`${decoded}index.html`] : [decoded, `${decoded}/index.html`];
  for (const candidate of candidates) {
    const absolute = path.join(siteDir, candidate);
    if (existsSync(absolute) && statSync(absolute).isFile()) return candidate;
  }
  return undefined;
}
