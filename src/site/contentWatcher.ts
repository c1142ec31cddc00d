// Starts a rebuild under --serve or --watch when a Markdown file of the content folder is changed
// or added. Eleventy's own watcher (chokidar 4 through @11ty/chokidar-with-glob-support 1.1) is
// not given the content, because it watches every file on its own and scans them after printing
// "Watching…". On the 10k bench content (Node 20, 2 shared cores) that scan took 6.8 s, and an
// edit saved during it was never rebuilt. This watcher needs one handle per folder, and it is
// running before the build reads a file.
import { existsSync, readdirSync, statSync, watch, writeFileSync, rmSync, type FSWatcher } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { EleventyConfig } from './eleventyConfig.ts';

/** Quiet time after the last event of a burst before a rebuild is asked for, because a save can raise several events. */
const DEBOUNCE_MS = 50;

/**
 * Interval at which the trigger file is written again while no build has started since a change.
 * A write that Eleventy's watcher missed, because it was not watching yet, is then repeated.
 * Eleventy takes a write after about 200 ms, since its watcher first waits for 150 ms without
 * writes. A retry that still meets a write Eleventy has taken makes it run the rebuild once more.
 */
const RETRY_MS = 2000;

/** Changed files named in the log line of one burst; the rest are counted. */
const MAX_LOGGED_FILES = 3;

export interface ContentWatcherOptions {
  /** Milliseconds of quiet after the last event before the trigger is written; default DEBOUNCE_MS. */
  debounceMs?: number | undefined;
  /** Milliseconds between writes of the trigger while no build has started; default RETRY_MS. */
  retryMs?: number | undefined;
  /** Receives one line for each burst of changes and for each error of a folder watcher; default console.log. */
  log?: ((line: string) => void) | undefined;
}

/**
 * Watches the content folder and its list folders (one `fs.watch` handle each, not recursive)
 * and writes `triggerFile`, which Eleventy watches, when a Markdown file or a folder inside them
 * is changed, created or deleted. Eleventy 3.1 logs a deleted file that its own watcher watches
 * but does not rebuild, so deletions go through the trigger too. The trigger is written again
 * every `retryMs` until buildStarted is called, so that a change made while Eleventy's watcher was not
 * yet ready still gets its rebuild.
 */
export class ContentWatcher {
  readonly #contentFolder: string;
  readonly #triggerFile: string;
  readonly #debounceMs: number;
  readonly #retryMs: number;
  readonly #log: (line: string) => void;
  readonly #folders = new Map<string, FSWatcher>();
  /** Paths relative to the content folder that raised an event since the last flush. */
  readonly #changed = new Set<string>();
  #debounce: NodeJS.Timeout | undefined;
  #retry: NodeJS.Timeout | undefined;
  #pending = false;
  #started = false;
  #closed = false;

  constructor(contentFolder: string, triggerFile: string, options: ContentWatcherOptions = {}) {
    this.#contentFolder = path.resolve(contentFolder);
    this.#triggerFile = triggerFile;
    this.#debounceMs = options.debounceMs ?? DEBOUNCE_MS;
    this.#retryMs = options.retryMs ?? RETRY_MS;
    this.#log = options.log ?? ((line) => console.log(line));
  }

  /** Whether a change has been reported to Eleventy and no build has started since. */
  get pending(): boolean {
    return this.#pending;
  }

  /**
   * Starts watching the content folder and every list folder in it; does nothing when already
   * started. A content folder that cannot be read is logged and left to the build, which reports it.
   */
  start(): void {
    if (this.#started || this.#closed) return;
    this.#started = true;
    let entries;
    try {
      entries = readdirSync(this.#contentFolder, { withFileTypes: true });
    } catch (error) {
      this.#log(`[11ty] Cannot watch ${this.#relative(this.#contentFolder)} for changes, so edits there start no rebuild: ${(error as Error).message}`);
      return;
    }
    this.#watchFolder(this.#contentFolder);
    for (const entry of entries) {
      if (entry.isDirectory() && !entry.name.startsWith('.')) this.#watchFolder(path.join(this.#contentFolder, entry.name));
    }
  }

  /**
   * Records that a build has started. That build reads every content file after this call, so
   * the changes seen until now need no further trigger.
   */
  buildStarted(): void {
    this.#pending = false;
    clearTimeout(this.#retry);
    this.#retry = undefined;
  }

  /** Stops every folder watcher and timer. */
  close(): void {
    this.#closed = true;
    for (const watcher of this.#folders.values()) watcher.close();
    this.#folders.clear();
    clearTimeout(this.#debounce);
    clearTimeout(this.#retry);
  }

  #watchFolder(folder: string): void {
    if (this.#folders.has(folder)) return;
    let watcher: FSWatcher;
    try {
      watcher = watch(folder, { persistent: false }, (_eventType, name) => this.#onEvent(folder, name));
    } catch (error) {
      this.#log(`[11ty] Cannot watch ${this.#relative(folder)} for changes, so edits there start no rebuild: ${(error as Error).message}`);
      return;
    }
    watcher.on('error', (error) => {
      // A removed list folder ends its watcher, and a new folder of that name gets a new one.
      this.#folders.delete(folder);
      watcher.close();
      if (existsSync(folder)) this.#log(`[11ty] Stopped watching ${this.#relative(folder)} for changes: ${error.message}`);
    });
    this.#folders.set(folder, watcher);
  }

  #onEvent(folder: string, name: string | Buffer | null): void {
    if (this.#closed) return;
    // Without a name (the kernel's event queue overflowed), the whole folder is taken as changed.
    const changed = name === null ? folder : path.join(folder, name.toString());
    this.#changed.add(path.relative(this.#contentFolder, changed));
    clearTimeout(this.#debounce);
    this.#debounce = setTimeout(() => this.#flush(), this.#debounceMs);
  }

  #flush(): void {
    const names = [...this.#changed];
    this.#changed.clear();
    for (const name of names) if (name !== '' && path.dirname(name) === '.') this.#watchListFolderAgain(name);

    const changed = names.filter((name) => this.#startsRebuild(name));
    if (changed.length === 0) return;
    const logged = changed.slice(0, MAX_LOGGED_FILES).map((name) => this.#relative(path.join(this.#contentFolder, name)));
    const more = changed.length > MAX_LOGGED_FILES ? ` and ${changed.length - MAX_LOGGED_FILES} more` : '';
    this.#log(`[11ty] Content changed: ${logged.join(', ')}${more}`);

    this.#pending = true;
    this.#writeTrigger(changed);
  }

  /**
   * Replaces the watcher of the list folder `name` after an event in the content folder named it.
   * A list folder that was deleted, or deleted and created again, would keep a watcher of the old
   * folder. The rebuild that the event starts reads the files already in a new folder.
   */
  #watchListFolderAgain(name: string): void {
    const folder = path.join(this.#contentFolder, name);
    this.#folders.get(folder)?.close();
    this.#folders.delete(folder);
    if (!name.startsWith('.') && statSync(folder, { throwIfNoEntry: false })?.isDirectory()) this.#watchFolder(folder);
  }

  /**
   * Whether a change of `name` (relative to the content folder) needs a rebuild: a Markdown file
   * changed, added or deleted, a folder that is not hidden, added or changed, a deleted list
   * folder, or the content folder itself. Any other file is not content, and a folder inside a
   * list folder is reported by the build as an error, so it rebuilds too. Hidden folders are
   * skipped by the build, as they are here.
   */
  #startsRebuild(name: string): boolean {
    const hidden = path.basename(name).startsWith('.');
    const info = statSync(path.join(this.#contentFolder, name), { throwIfNoEntry: false });
    if (info === undefined) return name.endsWith('.md') || (path.dirname(name) === '.' && !hidden);
    if (info.isDirectory()) return !hidden;
    return name.endsWith('.md');
  }

  #writeTrigger(changed: readonly string[]): void {
    writeFileSync(this.#triggerFile, `${new Date().toISOString()} ${changed.join(' ')}\n`);
    clearTimeout(this.#retry);
    this.#retry = setTimeout(() => {
      if (this.#pending && !this.#closed) this.#writeTrigger(changed);
    }, this.#retryMs);
    this.#retry.unref();
  }

  #relative(absolute: string): string {
    return path.relative(process.cwd(), absolute).split(path.sep).join('/') || '.';
  }
}

/** The file that the content watcher writes and Eleventy watches, one per process. */
const TRIGGER_FILE = path.join(os.tmpdir(), `reading-lists-content-changed-${process.pid}.txt`);

/** The content watcher of this process, kept when Eleventy loads the configuration again. */
let processWatcher: ContentWatcher | undefined;

/**
 * Registers content watching with Eleventy under --serve or --watch (read from
 * ELEVENTY_RUN_MODE, which Eleventy 3 sets before it loads the configuration); does nothing
 * otherwise. A ContentWatcher on `<root>/<contentDir>` starts with the first build, before any
 * file is read, and the start of each build and rebuild is reported to it. One watcher serves
 * the whole process.
 */
export function watchContentForRebuilds(eleventyConfig: EleventyConfig, root: string, contentDir: string): void {
  const runMode = process.env.ELEVENTY_RUN_MODE;
  if (runMode !== 'serve' && runMode !== 'watch') return;

  // The trigger exists before Eleventy starts watching, because chokidar 4.0.3 watches a missing
  // file by watching its whole folder, here os.tmpdir().
  if (!existsSync(TRIGGER_FILE)) {
    writeFileSync(TRIGGER_FILE, '');
    process.once('exit', () => rmSync(TRIGGER_FILE, { force: true }));
  }
  eleventyConfig.addWatchTarget(TRIGGER_FILE);

  eleventyConfig.on('eleventy.before', () => {
    if (processWatcher === undefined) {
      processWatcher = new ContentWatcher(path.resolve(root, contentDir), TRIGGER_FILE);
      processWatcher.start();
    }
    processWatcher.buildStarted();
  });
  // Eleventy emits this when it takes a rebuild from its watch queue, before it resets its
  // configuration and data. It is the earliest sign that the trigger reached Eleventy.
  eleventyConfig.on('eleventy.beforeWatch', () => processWatcher?.buildStarted());
}
