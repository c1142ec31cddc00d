// Keeps the build's output folder free of pages that no longer exist: a full build overwrites
// the files in place and then deletes the files it did not write, and a rebuild under --serve or
// --watch removes the pages that it no longer writes.
import { existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, realpathSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { workerBundle } from '../worker/workerBundle.ts';
import type { EleventyConfig } from './eleventyConfig.ts';
import { listOldOutput, type OldOutput } from './oldOutputListing.ts';
import { isDryRun } from './commandLine.ts';

export type { OldOutput };

/** Thrown instead of deleting files in a folder that is not a safe output folder. */
export class UnsafeOutputFolderError extends Error {
  /** Tells Eleventy's error printer to show the message without a stack trace. */
  readonly skipOriginalStack = true;

  constructor(folder: string, reason: string) {
    super(`will not delete files in ${folder}, because ${reason}. Fix: set the output folder (--output or SITE_OUTPUT_DIR) to a new or empty folder of its own, such as _site`);
    this.name = 'UnsafeOutputFolderError';
  }
}

export interface OutputGuard {
  /** The project root. */
  root: string;
  /** The output folder that the build is configured to write to. */
  configuredOutput: string;
  /** Folders that must survive: the content folder and the templates' input folder. */
  protectedFolders: readonly string[];
}

/**
 * Throws an UnsafeOutputFolderError unless `folder` is the configured output folder and is none
 * of: the file system root, the home folder, the project root or a folder above it, a protected
 * folder (content, input) or a folder inside or above one, a folder with a package.json or .git.
 * Paths are resolved against `guard.root`.
 */
export function assertSafeOutputFolder(folder: string, guard: OutputGuard): void {
  const target = path.resolve(guard.root, folder);
  if (target !== path.resolve(guard.root, guard.configuredOutput)) throw new UnsafeOutputFolderError(target, `it is not the configured output folder ${path.resolve(guard.root, guard.configuredOutput)}`);

  // Checked as written and with links resolved, because a link named `_site` that points at
  // src/ or content/ would otherwise pass, and the prune would delete what it points at.
  const inside = (child: string, parent: string) => child === parent || child.startsWith(parent.endsWith(path.sep) ? parent : parent + path.sep);
  const checks: [string, (name: string) => string][] = [
    [target, (name) => path.resolve(guard.root, name)],
    [resolvedPath(target), (name) => resolvedPath(path.resolve(guard.root, name))],
  ];
  for (const [checked, place] of checks) {
    const root = place('.');
    if (checked === path.parse(checked).root) throw new UnsafeOutputFolderError(target, 'it is the root of the file system');
    if (checked === os.homedir()) throw new UnsafeOutputFolderError(target, 'it is the home folder');
    if (inside(root, checked)) throw new UnsafeOutputFolderError(target, 'it is the project root or contains it');
    for (const folderToKeep of guard.protectedFolders) {
      const protectedPath = place(folderToKeep);
      if (inside(checked, protectedPath) || inside(protectedPath, checked)) throw new UnsafeOutputFolderError(target, `it is, contains or is inside ${path.relative(root, protectedPath) || protectedPath}`);
    }
  }
  if (existsSync(path.join(target, 'package.json')) || existsSync(path.join(target, '.git'))) {
    throw new UnsafeOutputFolderError(target, 'it contains a package.json or .git, so it looks like a project');
  }
}

/** Returns `file` with every link in it resolved, for the part of it that exists. */
function resolvedPath(file: string): string {
  let existing = file;
  while (!existsSync(existing) && path.dirname(existing) !== existing) existing = path.dirname(existing);
  return path.join(realpathSync(existing), path.relative(existing, file));
}

/**
 * The file that marks a folder as this site's output. A build deletes the files of its output
 * folder that it did not write, so it writes only into a folder that is new, empty or has this
 * file. Otherwise `--output=notes` would delete a folder of notes.
 */
export const OUTPUT_MARKER = '.reading-lists-output';

const OUTPUT_MARKER_TEXT = 'This folder is the output of a reading-lists site build (npm run build). Each build deletes the files in it that the build did not write.\n';

/**
 * The search manifest that builds wrote before OUTPUT_MARKER existed, so that their output
 * folders are still taken as this site's.
 */
const EARLIER_BUILD_SIGN = path.join('assets', 'search', 'index-2.json');

/**
 * Throws an UnsafeOutputFolderError when the folder `target` has files and is not the output of
 * an earlier build: it has neither OUTPUT_MARKER nor EARLIER_BUILD_SIGN.
 */
export function assertOwnOutputFolder(target: string): void {
  let names: string[];
  try {
    names = readdirSync(target);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw error;
  }
  if (names.length === 0 || names.includes(OUTPUT_MARKER) || existsSync(path.join(target, EARLIER_BUILD_SIGN))) return;
  throw new UnsafeOutputFolderError(target, `it has files that no build of this site wrote (it has no ${OUTPUT_MARKER} file)`);
}

/**
 * The file that a build process keeps in its output folder while it runs, with its process id.
 * Two builds into one folder would each delete the files of the other as files they did not
 * write, and a breaker saw one end with a search manifest that named a deleted shard.
 */
export const OUTPUT_LOCK = '.reading-lists-build.lock';

/**
 * Takes the lock of the output folder `target` for this process until it exits. Throws an
 * UnsafeOutputFolderError when another running process has it. A lock left by a process that
 * no longer runs is taken over. NOTE: a process id is only unique within one machine and PID
 * namespace, so two containers that share the folder are not kept apart.
 */
function lockOutputFolder(target: string): void {
  const lock = path.join(target, OUTPUT_LOCK);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(lock, String(process.pid), { flag: 'wx' });
      process.once('exit', () => rmSync(lock, { force: true }));
      return;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const holder = Number.parseInt(readFileSafely(lock), 10);
    if (holder === process.pid) return;
    if (Number.isInteger(holder) && isRunning(holder)) {
      throw new UnsafeOutputFolderError(target, `another build (process ${holder}) is writing to it. Wait for that build to end, or delete ${OUTPUT_LOCK} if no build is running`);
    }
    rmSync(lock, { force: true });
  }
  throw new UnsafeOutputFolderError(target, `another build took its lock ${OUTPUT_LOCK} at the same time`);
}

function readFileSafely(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}

/** Returns whether a process with id `pid` runs, including one of another user. */
function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Returns the time of the file system's clock now, in nanoseconds: the change time (ctime) of a
 * file created in `folder` (created too if missing) and deleted at once. Every file written,
 * copied or touched afterwards has a ctime at or after it. Then writes OUTPUT_MARKER, which the
 * prune keeps because it is newer. Throws an UnsafeOutputFolderError, before creating anything,
 * when assertSafeOutputFolder or assertOwnOutputFolder rejects the folder.
 */
export function markBuildStart(folder: string, guard: OutputGuard): bigint {
  assertSafeOutputFolder(folder, guard);
  const target = path.resolve(guard.root, folder);
  assertOwnOutputFolder(target);
  mkdirSync(target, { recursive: true });
  lockOutputFolder(target);
  const marker = path.join(target, `.build-start-${process.pid}`);
  writeFileSync(marker, '');
  try {
    return statSync(marker, { bigint: true }).ctimeNs;
  } finally {
    rmSync(marker, { force: true });
    writeFileSync(path.join(target, OUTPUT_MARKER), OUTPUT_MARKER_TEXT);
  }
}

/**
 * Deletes what a build must not write through in the output folder that an earlier build left,
 * and lists the rest for pruneOutputFolder. It deletes links, because a write would follow them
 * out of the folder. It deletes files with other hard links, because a write would change the
 * other copies too, such as a backup made with `cp -al`. It deletes files without their owner's
 * write permission, because a write would fail. The build then writes new files in their place.
 * Throws an UnsafeOutputFolderError, before deleting anything, when assertSafeOutputFolder
 * rejects the folder.
 */
export function prepareOldOutput(folder: string, guard: OutputGuard): OldOutput {
  assertSafeOutputFolder(folder, guard);
  return listOldOutput(path.resolve(guard.root, folder));
}

/**
 * Does what prepareOldOutput does on a worker thread, so that the calling thread can load the
 * content meanwhile: on the 10k bench site (about 11,000 output files) the walk took about 0.2 s
 * of CPU. The safety check runs on the calling thread and rejects before the worker starts. When
 * the worker fails to start or fails, the folder is listed on the calling thread instead, which
 * rejects with the walk's own error. NOTE: files that a failed worker deleted before it stopped
 * are then missing from `removed`.
 */
export async function prepareOldOutputInWorker(folder: string, guard: OutputGuard): Promise<OldOutput> {
  assertSafeOutputFolder(folder, guard);
  const target = path.resolve(guard.root, folder);
  try {
    const code = await bundleListingWorker();
    return await new Promise<OldOutput>((resolve, reject) => {
      const worker = new Worker(code, { eval: true, workerData: { target } });
      worker.once('message', resolve);
      worker.once('error', reject);
      worker.once('exit', (exitCode) => reject(new Error(`old-output worker stopped with exit code ${exitCode}`)));
    });
  } catch {
    return listOldOutput(target);
  }
}

/** Does prepareOldOutput now and returns a promise of its result or error, like prepareOldOutputInWorker. */
function listNow(folder: string, guard: OutputGuard): Promise<OldOutput> {
  try {
    return Promise.resolve(prepareOldOutput(folder, guard));
  } catch (error) {
    return Promise.reject(error);
  }
}

/** oldOutputWorker.ts and the module it imports as one script, so that the worker starts without tsx. */
const bundleListingWorker = workerBundle(new URL('./oldOutputWorker.ts', import.meta.url));

/**
 * Deletes each file of `old` (from prepareOldOutput) whose change time is before `since` (from
 * markBuildStart), and every folder that this or the earlier build left empty. `folder` itself
 * stays, so that a server watching it keeps working. Only `old` is checked, so a build into an
 * empty folder walks nothing: walking a 100k-entry site took about 2 s. Returns the deleted
 * files' paths. Throws an UnsafeOutputFolderError, before deleting anything, when
 * assertSafeOutputFolder rejects the folder.
 *
 * A full build overwrites the previous build's files and prunes afterwards. Emptying the folder
 * first cost 6-9 s of CPU at 10k entries, through fs.promises.rm on 11,000 files and folders.
 * The change time shows what the build wrote, not the modification time, because Eleventy's
 * passthrough copy sets a copied file's modification time to its source's. No program can set a
 * change time.
 */
export function pruneOutputFolder(folder: string, since: bigint, guard: OutputGuard, old: OldOutput): string[] {
  assertSafeOutputFolder(folder, guard);
  const target = path.resolve(guard.root, folder);
  const removed: string[] = [];
  const emptied = new Set(old.emptyFolders);
  for (const file of old.files) {
    const info = lstatSync(file, { bigint: true, throwIfNoEntry: false });
    if (info === undefined || info.ctimeNs >= since) continue;
    deleteStale(file);
    removed.push(file);
    emptied.add(path.dirname(file));
  }
  // Deepest first, so that a folder whose subfolders were all removed is found empty too.
  for (const folder of [...emptied].sort((a, b) => b.length - a.length)) {
    for (let current = folder; current.startsWith(target + path.sep); current = path.dirname(current)) {
      // A folder already deleted as the parent of an emptied one needs nothing more.
      if (!existsSync(current) || readdirSync(current).length > 0) break;
      deleteStale(current);
    }
  }
  return removed;
}

/** Deletes a file or empty folder that an earlier build left, or throws an error that names it and the fix. */
function deleteStale(file: string): void {
  try {
    rmSync(file, { recursive: true, force: true });
  } catch (error) {
    throw new Error(`failed to delete ${file}, which an earlier build wrote and this one did not: ${(error as Error).message}. Fix: allow writing to its folder, or delete the output folder and build again`, { cause: error });
  }
}

/**
 * Deletes the files of `previous` that are not in `current`, both paths of written output files,
 * and returns the deleted paths. Only files inside `folder` are deleted, after
 * assertSafeOutputFolder accepts it.
 */
export async function removeStaleFiles(previous: ReadonlySet<string>, current: ReadonlySet<string>, folder: string, guard: OutputGuard): Promise<string[]> {
  assertSafeOutputFolder(folder, guard);
  const target = path.resolve(guard.root, folder);
  const removed: string[] = [];
  for (const file of previous) {
    const absolute = path.resolve(guard.root, file);
    if (current.has(file) || !absolute.startsWith(target + path.sep)) continue;
    await rm(absolute, { force: true });
    removed.push(absolute);
  }
  return removed;
}

interface BuildEvent {
  directories?: { input?: string; output?: string };
  runMode?: string;
  outputMode?: string;
  incremental?: boolean;
  results?: readonly { outputPath?: string | false }[];
}

/** The handle that cleanOutputFolder returns. */
export interface OutputCleaning {
  /**
   * Registers the `eleventy.after` handler that prunes the output folder, and an `eleventy.before`
   * handler that waits for the listing of the old output, so that nothing is written before the
   * listing has deleted the links in the folder. Call it after every plugin that writes output
   * has registered its own handlers, with Eleventy's handlers in sequential mode. Then the prune
   * runs once all of them have finished writing, and the other `eleventy.before` handlers, which
   * start loading the catalog, run while the old output is listed.
   */
  registerPrune(): void;
}

export interface OutputCleaningOptions {
  /**
   * Lists the old output on a worker thread while the calling thread loads the catalog (the
   * default). False lists it on the calling thread, for a build whose catalog is loaded on a
   * worker already (src/site/catalogPreload.ts): the calling thread would only wait meanwhile,
   * and a third busy thread on two cores slowed the catalog's worker.
   */
  listInWorker?: boolean | undefined;
}

/**
 * Registers the output cleaning with Eleventy. The first build of the process (`npm run build`,
 * or the first build of `npm start`) overwrites the files of the previous build in place, and
 * its prune handler then deletes every file that it did not write (pruneOutputFolder). A later
 * rebuild under --serve or --watch removes the pages that the previous build wrote and this one
 * did not, such as the page of a deleted entry (the content watcher, src/site/contentWatcher.ts,
 * starts such a rebuild). Nothing is deleted for `--dryrun`, for JSON output or for
 * an `--incremental` build, which writes only the changed templates. `protectedFolders` are
 * relative to `root` or absolute.
 */
export function cleanOutputFolder(eleventyConfig: EleventyConfig, root: string, protectedFolders: readonly string[], options: OutputCleaningOptions = {}): OutputCleaning {
  const listInWorker = options.listInWorker ?? true;
  let firstBuild = true;
  let previousPages: Set<string> | undefined;
  // Set by the first build's eleventy.before and taken by its prune. The listing, on a worker
  // thread by default, is awaited by the eleventy.before handler of registerPrune.
  let pending: { old: Promise<OldOutput>; since: bigint } | undefined;

  const guardFor = (event: BuildEvent) => {
    const output = event.directories?.output ?? eleventyConfig.directories.output;
    return { output, guard: { root, configuredOutput: output, protectedFolders } };
  };
  const writesFiles = (event: BuildEvent) => (event.outputMode === undefined || event.outputMode === 'fs') && !isDryRun();

  // The listing worker's script is bundled now, while Eleventy starts up. Bundled in
  // eleventy.before instead, the script arrives while the main thread loads the catalog, and the
  // worker starts only after the load, so the listing no longer overlaps it.
  if (listInWorker) bundleListingWorker().catch(() => undefined);

  eleventyConfig.on('eleventy.before', (event: BuildEvent) => {
    if (!writesFiles(event) || !firstBuild || event.incremental) return;
    firstBuild = false;
    const { output, guard } = guardFor(event);
    // The build-start mark comes first, so that the listing does not find its marker file.
    // Nothing writes to the folder before the listing ends, so each listed file predates the mark.
    const since = markBuildStart(output, guard);
    const old = listInWorker ? prepareOldOutputInWorker(output, guard) : listNow(output, guard);
    // A failed listing is reported by the handler that awaits it, not as an unhandled rejection.
    old.catch(() => undefined);
    pending = { old, since };
  });

  return {
    registerPrune() {
      eleventyConfig.on('eleventy.before', async () => {
        await pending?.old;
      });

      eleventyConfig.on('eleventy.after', async (event: BuildEvent) => {
        if (!writesFiles(event)) return;
        const { output, guard } = guardFor(event);
        if (pending !== undefined) {
          const { old, since } = pending;
          pending = undefined;
          pruneOutputFolder(output, since, guard, await old);
        }
        const pages = new Set((event.results ?? []).flatMap((result) => (typeof result.outputPath === 'string' ? [result.outputPath] : [])));
        if (previousPages !== undefined && !event.incremental) await removeStaleFiles(previousPages, pages, output, guard);
        previousPages = pages;
      });
    },
  };
}
