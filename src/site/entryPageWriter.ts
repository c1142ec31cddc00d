// Writes every entry's page after Eleventy has written the other pages, outside its pagination:
// a paginated page object per entry made the 100k build run out of a 4 GiB heap after 282 s.
import { createHash } from 'node:crypto';
import { mkdir, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { CatalogEntry } from '../catalog/types.ts';
import type { EleventyConfig } from './eleventyConfig.ts';
import type { SiteData } from './siteContext.ts';
import { entryPath } from './urls.ts';

/** Pages rendered and written at once: enough to keep the disk busy, few enough to bound memory. */
const BATCH_SIZE = 64;

/** Renders one entry's page as a complete HTML document. */
export type EntryPageRenderer = (data: SiteData, entry: CatalogEntry) => string;

/** The global data that hands this build's site data (catalog, settings, searchAssets) to the writer. */
export interface EntryPagesData {
  /** Called by the entry template with the data Eleventy gave it, once per build. */
  capture(data: SiteData): void;
}

interface AfterBuildEvent {
  directories?: { output?: string };
  runMode?: string;
  outputMode?: string;
}

/**
 * Registers the entry pages with Eleventy: the global data `entryPages` (an EntryPagesData) and an
 * `eleventy.after` handler that renders each entry with `render` and writes it to
 * `<output>/<list>/<slug>/index.html`, in batches of BATCH_SIZE. Nothing is written for
 * `--dryrun`, for JSON output or when no template captured the data (an incremental build that
 * skipped the entry template). Under --serve or --watch a page whose content did not change is
 * not written again, and the pages of entries that are gone are deleted. A render or write error
 * rejects the handler, which fails the build.
 */
export function registerEntryPages(eleventyConfig: EleventyConfig, render: EntryPageRenderer): void {
  let captured: SiteData | undefined;
  // Under --serve or --watch: the hash of each page written, by output path, across rebuilds.
  const written = new Map<string, string>();

  const entryPages: EntryPagesData = {
    capture: (data) => {
      captured = data;
    },
  };
  eleventyConfig.addGlobalData('entryPages', () => entryPages);

  eleventyConfig.on('eleventy.before', () => {
    captured = undefined;
  });

  eleventyConfig.on('eleventy.after', async (event: AfterBuildEvent) => {
    const data = captured;
    captured = undefined;
    if (!data || isDryRun() || (event.outputMode !== undefined && event.outputMode !== 'fs')) return;

    const output = path.resolve(event.directories?.output ?? eleventyConfig.directories.output);
    const watching = event.runMode === 'serve' || event.runMode === 'watch';
    const current = await writeEntryPages(data, render, output, watching ? written : undefined);
    if (!watching) return;

    for (const file of written.keys()) {
      if (current.has(file)) continue;
      await rm(file, { force: true });
      written.delete(file);
    }
  });
}

/**
 * Renders and writes the page of every entry of `data.catalog` under `output`, BATCH_SIZE pages
 * at a time, creating each list folder once. With `previous` (hashes by path from the last
 * build), a page whose content hashes as before and whose file still exists is not written, and
 * `previous` is updated. Returns the paths of every entry page of this build.
 */
export async function writeEntryPages(data: SiteData, render: EntryPageRenderer, output: string, previous?: Map<string, string>): Promise<Set<string>> {
  const pages = new Set<string>();
  const listFolders = new Map<string, Promise<unknown>>();
  const entries = data.catalog.entries;

  for (let start = 0; start < entries.length; start += BATCH_SIZE) {
    const batch = entries.slice(start, start + BATCH_SIZE);
    await Promise.all(
      batch.map(async (entry) => {
        const folder = path.join(output, ...entryPath(entry).split('/').filter(Boolean));
        const file = path.join(folder, 'index.html');
        pages.add(file);
        const content = render(data, entry);

        if (previous) {
          const hash = createHash('sha256').update(content).digest('base64');
          if (previous.get(file) === hash && (await exists(file))) return;
          previous.set(file, hash);
        }

        const listFolder = path.dirname(folder);
        let created = listFolders.get(listFolder);
        if (!created) listFolders.set(listFolder, (created = mkdir(listFolder, { recursive: true })));
        await created;
        await mkdir(folder).catch((error: NodeJS.ErrnoException) => {
          if (error.code !== 'EEXIST') throw error;
        });
        await writeFile(file, content);
      }),
    );
  }
  return pages;
}

async function exists(file: string): Promise<boolean> {
  return stat(file).then(
    () => true,
    () => false,
  );
}

/** Reads `--dryrun` from the command line, because Eleventy 3.1 passes it to no event handler. */
function isDryRun(): boolean {
  return process.argv.some((argument) => argument === '--dryrun' || argument === '--dryrun=true');
}
