// Runs Eleventy's command line on this project's TypeScript configuration without a TypeScript
// loader. esbuild bundles .eleventy.ts and the project modules it imports into one JavaScript
// file, and Eleventy loads that file as its configuration. Through tsx, every module that Node
// loaded went through tsx's module hooks first, Eleventy's own included. A build of the 10k
// bench content took about 0.5 s more wall time and 0.6 s more CPU that way (Node 20, 2 cores).
//
// Usage: node scripts/eleventy.mjs [Eleventy's options, such as --output=DIR or --serve]
// This file is JavaScript because it runs before anything can load TypeScript.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, utimesSync } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { isBuiltin } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const CONFIG_SOURCE = path.join(ROOT, '.eleventy.ts');
const ELEVENTY_CLI = path.join(ROOT, 'node_modules', '@11ty', 'eleventy', 'cmd.cjs');

/** The folder of the bundles, each named after a hash of its text. */
const BUNDLE_FOLDER = path.join(ROOT, 'node_modules', '.cache', 'reading-lists');
/** The folder used instead when BUNDLE_FOLDER cannot be written, as when another user ran `npm ci`. */
const FALLBACK_BUNDLE_FOLDER = path.join(os.tmpdir(), `reading-lists-config-${os.userInfo().uid}`);
const BUNDLE_PREFIX = 'eleventy.config-';

/** Bundles not used for this long are deleted when a new bundle is written. */
const MAX_BUNDLE_AGE_MS = 24 * 60 * 60 * 1000;

/**
 * An esbuild plugin that gives each project module its own `import.meta.url`, `dirname` and
 * `filename` instead of the bundle's. The project finds files next to its modules through
 * them: worker entry points, the browser scripts, the content folder.
 */
const sourceLocations = {
  name: 'source-locations',
  setup(build) {
    build.onLoad({ filter: /\.ts$/ }, async ({ path: file }) => {
      const text = await readFile(file, 'utf8');
      const contents = text
        .replaceAll('import.meta.url', JSON.stringify(pathToFileURL(file).href))
        .replaceAll('import.meta.dirname', JSON.stringify(path.dirname(file)))
        .replaceAll('import.meta.filename', JSON.stringify(file));
      return { contents, loader: 'ts' };
    });
  },
};

/**
 * An esbuild plugin that leaves the npm packages for which `outside(name)` holds out of the
 * bundle and imports them by their resolved file URL, so that the bundle works from any folder.
 * Adds each such resolved file to `files`, so that a package update makes a new bundle. The
 * other packages are bundled, and esbuild's metafile lists their files.
 */
function absolutePackages(files, outside) {
  return {
    name: 'absolute-packages',
    setup(build) {
      build.onResolve({ filter: /^[^./]/ }, ({ path: specifier }) => {
        if (isBuiltin(specifier)) return { path: specifier, external: true };
        if (!outside(specifier)) return undefined;
        const url = import.meta.resolve(specifier);
        files.add(fileURLToPath(url));
        return { path: url, external: true };
      });
    },
  };
}

/**
 * The bundles: the configuration that Eleventy loads, and the worker that loads the catalog while
 * Node loads Eleventy. The configuration imports its packages, which Eleventy may share. The
 * worker's packages are bundled with it, except esbuild, which runs a program of its own. The
 * worker then loads one file instead of about 200, and its module loading took 0.16 s of CPU
 * instead of 0.28 s (Node 20).
 */
const BUNDLES = [
  { name: 'config', source: CONFIG_SOURCE, packageOutside: () => true },
  { name: 'catalogWorker', source: path.join(ROOT, 'src', 'site', 'catalogPreloadWorker.ts'), packageOutside: (name) => name === 'esbuild' },
];

/** Defines `require` in an ES module bundle, for the CommonJS packages bundled into it. */
const REQUIRE_BANNER = "import { createRequire as createRequireForBundle } from 'node:module'; const require = createRequireForBundle(import.meta.url);";

/**
 * Returns the file name of the manifest of one launcher key (see launcherKey), which records what
 * the bundles were made from and their file names. Clones of the project that share a bundle
 * folder each keep their own manifest.
 */
function manifestName(key) {
  return `${BUNDLE_PREFIX}manifest-${key.slice(0, 16)}.json`;
}

/**
 * Returns the paths of the bundles made from the current sources, by name ({ config,
 * catalogWorker }), when an earlier build made them, and undefined otherwise. Reusing them keeps
 * esbuild off the start of the build: bundling took about 0.4 s of wall time there, because its
 * plugins run on the main thread while Node loads Eleventy. The check reads and hashes about
 * 320 files in under 10 ms, synchronously, so that the catalog worker starts at once.
 */
function reusableBundles(key) {
  for (const folder of [BUNDLE_FOLDER, FALLBACK_BUNDLE_FOLDER]) {
    const files = recordedBundles(folder, key);
    if (files) return files;
  }
  return undefined;
}

/**
 * Makes the bundles, writes them into the bundle folder (or the fallback folder when it cannot
 * be written) and returns their paths by name.
 */
async function makeBundles(key) {
  const { inputs, bundles } = await buildBundles();
  try {
    return await storeBundles(BUNDLE_FOLDER, key, inputs, bundles);
  } catch (error) {
    if (!['EACCES', 'EPERM', 'EROFS'].includes(error?.code)) throw error;
    return storeBundles(FALLBACK_BUNDLE_FOLDER, key, inputs, bundles);
  }
}

/**
 * Returns a hash of what decides a bundle besides its inputs: this script, which contains the
 * esbuild options and plugins, and the project's folder, whose paths the bundles contain.
 */
function launcherKey() {
  return sha256(`${readFileSync(fileURLToPath(import.meta.url), 'utf8')}\n${ROOT}`);
}

/**
 * Returns the bundles recorded in `folder`'s manifest under `key` when each of their input files
 * still has the recorded hash, and undefined otherwise. Marks them as used.
 */
function recordedBundles(folder, key) {
  const manifestFile = path.join(folder, manifestName(key));
  let manifest;
  try {
    manifest = JSON.parse(readFileSync(manifestFile, 'utf8'));
  } catch {
    return undefined;
  }
  if (manifest?.key !== key || typeof manifest.inputs !== 'object' || typeof manifest.bundles !== 'object') return undefined;

  const files = Object.fromEntries(Object.entries(manifest.bundles).map(([name, file]) => [name, path.join(folder, file)]));
  if (BUNDLES.some(({ name }) => typeof files[name] !== 'string' || !existsSync(files[name]))) return undefined;
  if (Object.entries(manifest.inputs).some(([file, hash]) => hashFile(file) !== hash)) return undefined;

  for (const file of [...Object.values(files), manifestFile]) touch(file);
  return files;
}

/**
 * Makes every bundle of BUNDLES and returns the files they were made from (`inputs`) and the
 * text of each bundle by name (`bundles`).
 */
async function buildBundles() {
  const esbuild = await import('esbuild');
  const inputs = new Set();
  const bundles = {};
  await Promise.all(
    BUNDLES.map(async ({ name, source, packageOutside }) => {
      const result = await esbuild.build({
        entryPoints: [source],
        bundle: true,
        platform: 'node',
        format: 'esm',
        target: 'node20',
        // Stack traces name the TypeScript files and lines, through the inline source map.
        sourcemap: 'inline',
        sourcesContent: false,
        banner: { js: REQUIRE_BANNER },
        outfile: path.join(BUNDLE_FOLDER, `${name}.mjs`),
        write: false,
        metafile: true,
        logLevel: 'silent',
        plugins: [sourceLocations, absolutePackages(inputs, packageOutside)],
      });
      bundles[name] = result.outputFiles[0].text;
      for (const file of Object.keys(result.metafile.inputs)) inputs.add(path.resolve(ROOT, file));
    }),
  );
  return { inputs: [...inputs], bundles };
}

/**
 * Writes each bundle of `bundles` into `folder` under a name made from its hash, unless it is
 * there already, then the manifest that records them with the hashes of the `inputs` files.
 * Returns the bundles' paths by entry name. Builds that run at the same time never read a
 * bundle that another is writing, and the manifest is replaced in one rename.
 */
async function storeBundles(folder, key, inputs, bundles) {
  await mkdir(folder, { recursive: true });
  const files = {};
  const names = {};
  for (const [name, text] of Object.entries(bundles)) {
    names[name] = `${BUNDLE_PREFIX}${name}-${sha256(text).slice(0, 16)}.mjs`;
    files[name] = path.join(folder, names[name]);
    if (existsSync(files[name])) touch(files[name]);
    else await writeAtomically(files[name], text);
  }
  const hashes = Object.fromEntries(inputs.map((file) => [file, hashFile(file)]));
  const manifest = path.join(folder, manifestName(key));
  await writeAtomically(manifest, JSON.stringify({ key, inputs: hashes, bundles: names }));
  await deleteOldBundles(folder, new Set([...Object.values(files), manifest]));
  return files;
}

/** Writes `text` to a temporary file beside `file` and renames it to `file`. */
async function writeAtomically(file, text) {
  const temporary = `${file}.${process.pid}.tmp`;
  await writeFile(temporary, text);
  await rename(temporary, file);
}

/**
 * Marks a bundle as used, so that another build does not delete it as old. A bundle that
 * another user wrote keeps its time, which at worst costs a new bundle a day later.
 */
function touch(file) {
  const now = new Date();
  try {
    utimesSync(file, now, now);
  } catch {
    // A file of another user keeps its time.
  }
}

function sha256(text) {
  return createHash('sha256').update(text).digest('hex');
}

/** Returns the SHA-256 of a file's bytes, or undefined when it cannot be read (a deleted input). */
function hashFile(file) {
  try {
    return sha256(readFileSync(file));
  } catch {
    return undefined;
  }
}

/** Deletes the bundles and manifests in `folder`, other than the files of `current`, that no build has used for MAX_BUNDLE_AGE_MS. */
async function deleteOldBundles(folder, current) {
  for (const name of await readdir(folder)) {
    const file = path.join(folder, name);
    if (!name.startsWith(BUNDLE_PREFIX) || current.has(file)) continue;
    const info = await stat(file).catch(() => undefined);
    if (info && Date.now() - info.mtimeMs > MAX_BUNDLE_AGE_MS) await rm(file, { force: true });
  }
}

/**
 * Reports an error that stopped the bundle and exits: a TypeScript syntax error with its file
 * and line, or the file system's error when no folder for the bundle could be written.
 */
async function failBundle(error) {
  const source = path.relative(process.cwd(), CONFIG_SOURCE);
  if (error?.errors?.length) {
    const esbuild = await import('esbuild');
    const messages = esbuild.formatMessagesSync(error.errors, { kind: 'error' });
    process.stderr.write(`[11ty] failed to bundle the site configuration ${source}; fix the error below and build again:\n${messages.join('\n')}\n`);
  } else {
    process.stderr.write(`[11ty] failed to write the bundle of the site configuration ${source}: ${error?.message ?? error}\nFix: make ${BUNDLE_FOLDER} or ${FALLBACK_BUNDLE_FOLDER} writable for this user.\n`);
  }
  process.exit(1);
}

if (process.argv.some((argument) => argument === '--config' || argument.startsWith('--config='))) {
  process.stderr.write('[11ty] --config is not accepted: this script always builds with .eleventy.ts. Fix: remove --config, or run Eleventy through tsx with your own configuration.\n');
  process.exit(1);
}

/**
 * Starts the worker of src/site/catalogPreloadWorker.ts, which reads, validates and assembles
 * the catalog while Node loads Eleventy on this thread. It leaves the worker and the promise of
 * its message where src/site/catalogPreload.ts takes them (the key must match
 * CATALOG_PRELOAD_KEY there). The promise resolves to undefined if the worker fails; the
 * configuration then loads the catalog itself. Builds under --watch or --serve load it themselves, because they keep each file's
 * result for the next rebuild.
 */
function preloadCatalog(workerFile) {
  if (process.argv.some((argument) => /^--(watch|serve)(=|$)/.test(argument))) return;
  const worker = new Worker(workerFile, { workerData: { root: ROOT } });
  // A worker that the configuration does not take, as when the configuration fails, must not
  // keep the process alive. The configuration refs it while it waits for the message.
  worker.unref();
  const message = new Promise((resolve) => {
    worker.once('message', resolve);
    worker.once('error', () => resolve(undefined));
    worker.once('exit', () => resolve(undefined));
  });
  globalThis[Symbol.for('reading-lists.catalogPreload')] = { worker, message };
}

if (process.argv.some((argument) => argument === '--pathprefix' || argument.startsWith('--pathprefix='))) {
  process.stderr.write('[11ty] --pathprefix is not accepted: the pages take the path prefix from the settings. Fix: set SITE_PATH_PREFIX (such as SITE_PATH_PREFIX=/reading-lists/ npm run build) or pathPrefix in site.config.json.\n');
  process.exit(1);
}

process.setSourceMapsEnabled(true);
// Eleventy's module hook, which Node 20 runs on a thread of its own for every import, serves
// --watch when a configuration's own modules change. The bundle never changes under a running
// build, so the hook only cost time: about 0.1 s of wall and CPU time of a build.
process.env.ELEVENTY_SKIP_ESM_RESOLVER ??= '1';
const key = launcherKey();
let bundles = reusableBundles(key);
if (bundles) preloadCatalog(bundles.catalogWorker);
// Node loads Eleventy's modules while esbuild makes the bundles, if they must be made; the
// command line below then finds them loaded.
const loadingEleventy = import('@11ty/eleventy');
if (!bundles) {
  bundles = await makeBundles(key).catch(failBundle);
  preloadCatalog(bundles.catalogWorker);
}
await loadingEleventy;
process.argv.push(`--config=${bundles.config}`);
await import(pathToFileURL(ELEVENTY_CLI).href);
