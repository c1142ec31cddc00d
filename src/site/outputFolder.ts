// Keeps the build's output folder free of pages that no longer exist: empties it before a full
// build, and removes the pages that a rebuild under --serve or --watch no longer writes.
import { existsSync, rmSync, watch, writeFileSync, type FSWatcher } from 'node:fs';
import { readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { EleventyConfig } from './eleventyConfig.ts';

/** Thrown instead of emptying a folder that is not a safe output folder. */
export class UnsafeOutputFolderError extends Error {
  /** Tells Eleventy's error printer to show the message without a stack trace. */
  readonly skipOriginalStack = true;

  constructor(folder: string, reason: string) {
    super(`will not empty ${folder}, because ${reason}. Fix: set the output folder (--output or SITE_OUTPUT_DIR) to a folder of its own, such as _site`);
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
  const root = path.resolve(guard.root);
  const inside = (child: string, parent: string) => child === parent || child.startsWith(parent.endsWith(path.sep) ? parent : parent + path.sep);

  if (target !== path.resolve(guard.root, guard.configuredOutput)) throw new UnsafeOutputFolderError(target, `it is not the configured output folder ${path.resolve(guard.root, guard.configuredOutput)}`);
  if (target === path.parse(target).root) throw new UnsafeOutputFolderError(target, 'it is the root of the file system');
  if (target === os.homedir()) throw new UnsafeOutputFolderError(target, 'it is the home folder');
  if (inside(root, target)) throw new UnsafeOutputFolderError(target, 'it is the project root or contains it');
  for (const folderToKeep of guard.protectedFolders) {
    const kept = path.resolve(guard.root, folderToKeep);
    if (inside(target, kept) || inside(kept, target)) throw new UnsafeOutputFolderError(target, `it is, contains or is inside ${path.relative(root, kept) || kept}`);
  }
  if (existsSync(path.join(target, 'package.json')) || existsSync(path.join(target, '.git'))) {
    throw new UnsafeOutputFolderError(target, 'it contains a package.json or .git, so it looks like a project');
  }
}

/**
 * Deletes everything inside `folder`, keeping the folder itself so that a server watching it
 * keeps working. Does nothing when the folder does not exist. Throws an UnsafeOutputFolderError
 * (before deleting anything) when assertSafeOutputFolder rejects the folder.
 */
export async function emptyOutputFolder(folder: string, guard: OutputGuard): Promise<void> {
  assertSafeOutputFolder(folder, guard);
  const target = path.resolve(guard.root, folder);
  if (!existsSync(target)) return;
  for (const name of await readdir(target)) await rm(path.join(target, name), { recursive: true, force: true });
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

/**
 * A file outside the project that Eleventy watches, written to start a rebuild. Eleventy 3.1
 * logs a deleted file under --serve or --watch but does not rebuild, so the deletion of a content
 * file is turned into a change of this file.
 */
const REBUILD_TRIGGER = path.join(os.tmpdir(), `reading-lists-rebuild-${process.pid}.txt`);

/** The watcher of the content folder, one per process even when Eleventy reloads the config. */
let contentWatcher: FSWatcher | undefined;

/** Starts a rebuild whenever a Markdown file of `contentFolder` is deleted. */
function rebuildOnDeletion(contentFolder: string): void {
  if (contentWatcher !== undefined) return;
  let pending: NodeJS.Timeout | undefined;
  contentWatcher = watch(contentFolder, { recursive: true }, (_eventType, fileName) => {
    if (fileName === null || !fileName.endsWith('.md') || existsSync(path.join(contentFolder, fileName))) return;
    // A burst of deletions (a removed list folder) gives one rebuild.
    clearTimeout(pending);
    pending = setTimeout(() => writeFileSync(REBUILD_TRIGGER, `${new Date().toISOString()} ${fileName}\n`), 100);
  });
  contentWatcher.unref();
  process.once('exit', () => rmSync(REBUILD_TRIGGER, { force: true }));
}

/**
 * Registers the output cleaning with Eleventy: the first build of the process (`npm run build`,
 * or the first build of `npm start`) empties the output folder; a later rebuild under --serve or
 * --watch keeps it and removes afterwards the pages that the previous build wrote and this one
 * did not, such as the page of a deleted entry; deleting a Markdown file of `contentDir` starts
 * such a rebuild. An `--incremental` build, which writes only the changed templates, is left
 * alone. `contentDir` and `protectedFolders` are relative to `root` or absolute.
 */
export function cleanOutputFolder(eleventyConfig: EleventyConfig, root: string, contentDir: string, protectedFolders: readonly string[]): void {
  let firstBuild = true;
  eleventyConfig.addWatchTarget(REBUILD_TRIGGER);
  let previousPages: Set<string> | undefined;

  const guardFor = (event: BuildEvent) => {
    const output = event.directories?.output ?? eleventyConfig.directories.output;
    return { output, guard: { root, configuredOutput: output, protectedFolders } };
  };

  eleventyConfig.on('eleventy.before', async (event: BuildEvent) => {
    if (event.outputMode !== undefined && event.outputMode !== 'fs') return;
    if (!firstBuild || event.incremental) return;
    firstBuild = false;
    const { output, guard } = guardFor(event);
    await emptyOutputFolder(output, guard);
  });

  eleventyConfig.on('eleventy.after', async (event: BuildEvent) => {
    if (event.outputMode !== undefined && event.outputMode !== 'fs') return;
    const pages = new Set((event.results ?? []).flatMap((result) => (typeof result.outputPath === 'string' ? [result.outputPath] : [])));
    if (previousPages !== undefined && !event.incremental) {
      const { output, guard } = guardFor(event);
      await removeStaleFiles(previousPages, pages, output, guard);
    }
    previousPages = pages;
    if (event.runMode === 'serve' || event.runMode === 'watch') rebuildOnDeletion(path.resolve(root, contentDir));
  });
}
