// Builds the site into a temporary folder for tests, through the same command as `npm run build`,
// and caches each build across test files and processes by a hash of everything it depends on.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { loadSettings } from '../../src/settings/loadSettings.ts';

export const PROJECT_ROOT = path.resolve(import.meta.dirname, '../..');

/** Where the builds are cached, one folder per hash. */
export const CACHE_ROOT = path.join(os.tmpdir(), 'reading-lists-site-builds');

/** Files and folders of the project whose contents decide what a build writes. */
const INPUTS = ['src', 'schemas', 'scripts', '.eleventy.ts', 'site.config.json', 'package.json', 'package-lock.json'];

/** A lock older than this is taken to belong to a process that died while building. */
const STALE_LOCK_MS = 10 * 60 * 1000;

/** Cached builds older than this are deleted when a new build is written. */
const MAX_CACHE_AGE_MS = 24 * 60 * 60 * 1000;

export interface BuildOptions {
  /** The path prefix (`/` or `/<repo>/`); default: the one in site.config.json. */
  pathPrefix?: string | undefined;
  /** The content folder, relative to the project root or absolute; default `content`. */
  contentDir?: string | undefined;
  /** The base URL; default: the one in site.config.json. */
  baseUrl?: string | undefined;
}

/**
 * Builds the site with the requested options and returns the absolute path of the output folder.
 * A build whose inputs (content folder, src/, schemas/, the Eleventy config, settings, packages
 * and options) hash the same as an earlier one returns that build's folder without building.
 * Two processes asking for the same build at once build it once: the second waits on a lock.
 * Throws an Error with Eleventy's output when the build fails. Callers must not modify the folder.
 */
export async function buildSite(requested: BuildOptions = {}): Promise<string> {
  // Defaults are written out, so that the same build asked for with or without them is cached once.
  const settings = loadSettings(PROJECT_ROOT);
  const contentDir = requested.contentDir ?? 'content';
  const options = { contentDir, pathPrefix: requested.pathPrefix ?? settings.pathPrefix, baseUrl: requested.baseUrl ?? settings.baseUrl };
  const key = await hashInputs(contentDir, options);
  const folder = path.join(CACHE_ROOT, key);
  const marker = path.join(folder, '.complete');
  if (existsSync(marker)) return path.join(folder, 'site');

  await mkdir(CACHE_ROOT, { recursive: true });
  const lock = `${folder}.lock`;
  await acquireLock(lock, marker);
  try {
    if (existsSync(marker)) return path.join(folder, 'site');

    const staging = `${folder}.tmp-${process.pid}`;
    await rm(staging, { recursive: true, force: true });
    await runBuild(path.join(staging, 'site'), contentDir, options);
    await writeFile(path.join(staging, '.complete'), new Date().toISOString());
    await rm(folder, { recursive: true, force: true });
    await rename(staging, folder);
    await pruneCache(key);
    return path.join(folder, 'site');
  } finally {
    await rm(lock, { recursive: true, force: true });
  }
}

/** Runs the build command of package.json's `build` script with the output folder and options set. */
function runBuild(output: string, contentDir: string, options: BuildOptions): Promise<void> {
  const environment: NodeJS.ProcessEnv = { ...process.env, SITE_CONTENT_DIR: contentDir };
  delete environment.SITE_OUTPUT_DIR;
  if (options.pathPrefix !== undefined) environment.SITE_PATH_PREFIX = options.pathPrefix;
  if (options.baseUrl !== undefined) environment.SITE_BASE_URL = options.baseUrl;

  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const child = spawn(npm, ['run', 'build', '--silent', '--', `--output=${output}`, '--quiet'], {
    cwd: PROJECT_ROOT,
    env: environment,
    stdio: ['ignore', 'pipe', 'pipe'],
  });

  let log = '';
  child.stdout.on('data', (chunk: Buffer) => (log += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (log += chunk.toString()));

  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => {
      if (code === 0) resolve();
      else reject(new Error(`npm run build failed with exit code ${code} (content ${contentDir}):\n${log}`));
    });
  });
}

/** Takes the lock by creating its folder; waits while another process holds it and the build is not done. */
async function acquireLock(lock: string, marker: string): Promise<void> {
  for (;;) {
    try {
      await mkdir(lock);
      return;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }

    if (existsSync(marker)) return;
    const age = await stat(lock).then((info) => Date.now() - info.mtimeMs, () => 0);
    if (age > STALE_LOCK_MS) await rm(lock, { recursive: true, force: true });
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

async function hashInputs(contentDir: string, options: BuildOptions): Promise<string> {
  const hash = createHash('sha256');
  hash.update(JSON.stringify({ contentDir, pathPrefix: options.pathPrefix, baseUrl: options.baseUrl }));

  const roots = [...INPUTS.map((input) => path.join(PROJECT_ROOT, input)), path.resolve(PROJECT_ROOT, contentDir)];
  for (const root of roots) {
    for (const file of await listFiles(root)) {
      hash.update(`\0${path.relative(PROJECT_ROOT, file)}\0`);
      hash.update(await readFile(file));
    }
  }
  return hash.digest('hex').slice(0, 16);
}

/** Lists the files under `target` (or `target` itself) in a stable order; nothing when it does not exist. */
async function listFiles(target: string): Promise<string[]> {
  const info = await stat(target).catch(() => undefined);
  if (!info) return [];
  if (info.isFile()) return [target];

  const names = (await readdir(target, { recursive: true, withFileTypes: true }))
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name));
  return names.sort();
}

/** Deletes cached builds, and staging folders and locks left by crashed runs, older than MAX_CACHE_AGE_MS, except `keep`. */
async function pruneCache(keep: string): Promise<void> {
  for (const name of await readdir(CACHE_ROOT)) {
    if (name === keep) continue;
    const folder = path.join(CACHE_ROOT, name);
    const info = await stat(folder).catch(() => undefined);
    if (info && Date.now() - info.mtimeMs > MAX_CACHE_AGE_MS) await rm(folder, { recursive: true, force: true });
  }
}
