// Writes the pages whose number grows with the content (entries, sections, keywords) after
// Eleventy has written its own pages, outside its pagination. A paginated page object per entry
// made the 100k build run out of a 4 GiB heap after 282 s, and Eleventy keeps every paginated
// page's HTML until the build ends (267 MB for the 7,955 section pages at 100k).
import { createHash } from 'node:crypto';
import { statSync } from 'node:fs';
import { rm, rmdir } from 'node:fs/promises';
import path from 'node:path';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { startFileWriter } from '../write/fileWriter.ts';
import { isDryRun } from './commandLine.ts';
import type { EleventyConfig } from './eleventyConfig.ts';
import type { SiteData } from './siteContext.ts';

/** Pages written between two returns to the event loop, so that the `--serve` server can respond to requests. */
const BATCH_SIZE = 64;

/**
 * From this many entries, a build that writes every page writes them with a worker thread.
 * Writing the 1,222 pages of the 1k bench content took 0.8 to 2.5 s wall with the worker and 2.3
 * to 3.0 s without. The 445 pages of the shipped content took 0.3 to 1.0 s either way, with no
 * gain to repay the worker's start (4 runs each, Node 20, 2 cores shared with other builds).
 */
export const PAGE_WRITER_WORKER_THRESHOLD = 1000;

/** Options of writePages. */
export interface WritePagesOptions {
  /** Hashes of the pages written by the previous build, by file; updated by writePages. */
  previous?: Map<string, string> | undefined;
  /** Writes the files on a worker thread; by default on the calling thread. */
  worker?: boolean | undefined;
}

/** A page that the writer renders and writes. */
export interface WrittenPage {
  /** The page's URL path without the path prefix, ending in `/`: `/<list>/<slug>/`. */
  path: string;
  /** Renders the page as a complete HTML document; called once per build, just before writing. */
  render(): string;
}

/** Lists the pages of one build, rendered lazily so that only one page's HTML is held at once. */
export type PageLister = (data: SiteData) => Iterable<WrittenPage>;

/** The global data that hands this build's site data (catalog, settings, searchAssets) to the writer. */
export interface PageWriterData {
  /** Called by the capturing template with the data Eleventy gave it, once per build. */
  capture(data: SiteData): void;
}

interface AfterBuildEvent {
  directories?: { output?: string };
  runMode?: string;
  outputMode?: string;
}

/**
 * Registers the page writer with Eleventy: the global data `pageWriter` (a PageWriterData) and an
 * `eleventy.after` handler that writes each page of `listPages(data)` to
 * `<output><path>index.html`, with a worker thread from PAGE_WRITER_WORKER_THRESHOLD entries,
 * and resolves once every file has been written. Nothing is written for `--dryrun`, for
 * JSON output or when no template captured the data (an incremental build that skipped the
 * capturing template). Under --serve or --watch a page whose content did not change is not
 * written again, and the pages that this build no longer lists (a removed entry, section or
 * keyword) are deleted. A render error, or a FileWriteError that names the file, rejects the
 * handler, which fails the build.
 */
export function registerPageWriter(eleventyConfig: EleventyConfig, listPages: PageLister): void {
  let captured: SiteData | undefined;
  // Under --serve or --watch: the hash of each page written, by output path, across rebuilds.
  const written = new Map<string, string>();

  const pageWriter: PageWriterData = {
    capture: (data) => {
      captured = data;
    },
  };
  eleventyConfig.addGlobalData('pageWriter', () => pageWriter);

  eleventyConfig.on('eleventy.before', () => {
    captured = undefined;
  });

  eleventyConfig.on('eleventy.after', async (event: AfterBuildEvent) => {
    const data = captured;
    captured = undefined;
    if (!data || isDryRun() || (event.outputMode !== undefined && event.outputMode !== 'fs')) return;

    const output = path.resolve(event.directories?.output ?? eleventyConfig.directories.output);
    const watching = event.runMode === 'serve' || event.runMode === 'watch';
    const previous = watching ? written : undefined;
    // A rebuild under --serve or --watch writes only the pages that changed, usually too few to
    // repay starting a worker. The first build of --serve or --watch writes every page.
    const worker = data.catalog.entries.length >= PAGE_WRITER_WORKER_THRESHOLD && (previous === undefined || previous.size === 0);
    const current = await writePages(listPages(data), output, { previous, worker });
    if (!watching) return;

    for (const file of written.keys()) {
      if (current.has(file)) continue;
      await rm(file, { force: true });
      // The page's own folder (`<list>/<slug>/`) goes too once empty; rmdir leaves a folder that is not.
      await rmdir(path.dirname(file)).catch(() => undefined);
      written.delete(file);
    }
  });
}

/**
 * Renders and writes every page of `pages` under `output`, one page at a time. With
 * `options.previous` (hashes by path from the last build), a page whose content hashes as before
 * and whose file still exists is not written, and `options.previous` is updated. With
 * `options.worker`, the files are written on a worker thread while the next pages render (see
 * startFileWriter). Returns the paths of every page of this build once every file has been
 * written. A render error, or a FileWriteError that names the file, rejects the returned promise
 * after the writes already queued have finished.
 *
 * Without a worker the calls are synchronous, as Eleventy 3.1 writes its own pages, because
 * rendering is synchronous work and fs/promises only added a thread-pool round trip per call.
 * Measured on the 10,937 pages of the 10k bench content (235 MB, Node 20, 2 shared cores,
 * writing to tmpfs): mkdir and writeFile through fs/promises, 64 pages in flight, took 1.2 s user
 * and 0.7 s system CPU. The synchronous calls took 0.36 s user and 0.3 s system CPU.
 */
export async function writePages(pages: Iterable<WrittenPage>, output: string, options: WritePagesOptions = {}): Promise<Set<string>> {
  const { previous } = options;
  const files = new Set<string>();
  const writer = await startFileWriter({ worker: options.worker ?? false });

  try {
    let pagesSinceLastTurn = 0;
    for (const page of pages) {
      if (++pagesSinceLastTurn === BATCH_SIZE) {
        pagesSinceLastTurn = 0;
        await nextTurn();
      }

      const file = path.join(output, ...page.path.split('/').filter(Boolean), 'index.html');
      files.add(file);
      const content = page.render();

      if (previous) {
        const hash = createHash('sha256').update(content).digest('base64');
        if (previous.get(file) === hash && statSync(file, { throwIfNoEntry: false }) !== undefined) continue;
        previous.set(file, hash);
      }

      writer.write(file, content);
    }
  } catch (error) {
    // Waits for the files already queued, so that nothing is written after the build failed.
    await writer.close().catch(() => undefined);
    throw error;
  }
  await writer.close();
  return files;
}

