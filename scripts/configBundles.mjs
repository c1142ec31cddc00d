// The esbuild bundles that `npm run build` runs (scripts/eleventy.mjs): the Eleventy configuration
// with the project modules it imports, and the worker that loads the catalog. They are kept in a
// cache folder with a manifest of the SHA-256 of every file they were made from, and reused while
// every one of those files is unchanged, so that most builds start without esbuild.
//
// This file is JavaScript because it runs before anything can load TypeScript.
import { createHash, randomBytes } from 'node:crypto';
import { lstatSync, mkdirSync, readFileSync, utimesSync } from 'node:fs';
import { mkdir, open, readdir, readFile, rename, rm, stat } from 'node:fs/promises';
import { isBuiltin } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** The Eleventy configuration, the entry point of the `config` bundle. */
export const CONFIG_SOURCE = path.join(ROOT, '.eleventy.ts');

/** The folder of the bundles, each named after a hash of its text. */
export const BUNDLE_FOLDER = path.join(ROOT, 'node_modules', '.cache', 'reading-lists');

/**
 * The folder used instead when BUNDLE_FOLDER cannot be written, as when another user ran `npm ci`.
 * Its name can be guessed, so it is used only when this user owns it and no one else can write
 * to it (see isPrivateFolder).
 */
export const FALLBACK_BUNDLE_FOLDER = path.join(os.tmpdir(), `reading-lists-config-${os.userInfo().uid}`);

const BUNDLE_PREFIX = 'eleventy.config-';

/** Bundles not used for this long are deleted when a new bundle is written. */
const MAX_BUNDLE_AGE_MS = 24 * 60 * 60 * 1000;

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

/** Files besides the bundles' sources that change what esbuild makes of them. */
const SETTINGS_FILES = [path.join(ROOT, 'tsconfig.json'), path.join(ROOT, 'package.json')];

/** Defines `require` in an ES module bundle, for the CommonJS packages bundled into it. */
const REQUIRE_BANNER = "import { createRequire as createRequireForBundle } from 'node:module'; const require = createRequireForBundle(import.meta.url);";

/**
 * Returns a hash of what decides a bundle besides its inputs: this module, which contains the
 * esbuild options and plugins, and the project's folder, whose paths the bundles contain.
 */
export function bundleKey() {
  return sha256(`${readFileSync(fileURLToPath(import.meta.url), 'utf8')}\n${ROOT}`);
}

/**
 * Returns the paths of the bundles made from the current sources, by name ({ config,
 * catalogWorker }), when an earlier build made them, and undefined otherwise. Reusing them keeps
 * esbuild off the start of the build: bundling took about 0.4 s of wall time there, because its
 * plugins run on the main thread while Node loads Eleventy. The check reads and hashes about 320
 * files in under 10 ms, synchronously, so that the catalog worker starts at once.
 */
export function reusableBundles(key) {
  for (const folder of [BUNDLE_FOLDER, FALLBACK_BUNDLE_FOLDER]) {
    if (folder === FALLBACK_BUNDLE_FOLDER && !isPrivateFolder(folder)) continue;
    const files = recordedBundles(folder, key);
    if (files) return files;
  }
  return undefined;
}

/**
 * Makes the bundles and returns their paths by name. They are written into BUNDLE_FOLDER, or into
 * FALLBACK_BUNDLE_FOLDER when that fails for any reason. Rejects with esbuild's error (with
 * `errors`) when a source does not compile, and with an error that names both folders when
 * neither can be written.
 */
export async function makeBundles(key) {
  const built = await buildBundles();
  try {
    return await storeBundles(BUNDLE_FOLDER, key, built);
  } catch (error) {
    try {
      return await storeBundles(FALLBACK_BUNDLE_FOLDER, key, built);
    } catch (fallbackError) {
      throw new Error(`failed to write to ${BUNDLE_FOLDER} (${error?.message ?? error}) and to ${FALLBACK_BUNDLE_FOLDER} (${fallbackError?.message ?? fallbackError})`, { cause: error });
    }
  }
}

/**
 * Returns the file name of the manifest of one bundle key (see bundleKey), which records what
 * the bundles were made from and their file names. Clones of the project that share a bundle
 * folder each keep their own manifest.
 */
function manifestName(key) {
  return `${BUNDLE_PREFIX}manifest-${key.slice(0, 16)}.json`;
}

/**
 * Returns the bundles recorded in `folder`'s manifest under `key` when every input file still has
 * the recorded hash and every bundle file has its own, and undefined otherwise, also for a
 * manifest of any other shape. Marks them as used.
 */
function recordedBundles(folder, key) {
  const manifestFile = path.join(folder, manifestName(key));
  try {
    if (!isOwnFile(lstatSync(manifestFile))) return undefined;
    const manifest = JSON.parse(readFileSync(manifestFile, 'utf8'));
    if (manifest?.key !== key || !isRecord(manifest.inputs) || !isRecord(manifest.bundles)) return undefined;
    const inputs = Object.entries(manifest.inputs);
    // A manifest whose inputs leave out a bundle's source would never notice an edit of it.
    if (!inputs.every(([, hash]) => typeof hash === 'string' || hash === null)) return undefined;
    if (!BUNDLES.every(({ source }) => typeof manifest.inputs[source] === 'string')) return undefined;

    const files = {};
    for (const { name } of BUNDLES) {
      const recorded = manifest.bundles[name];
      if (!isRecord(recorded) || typeof recorded.file !== 'string' || path.basename(recorded.file) !== recorded.file) return undefined;
      files[name] = path.join(folder, recorded.file);
      // An empty or cut bundle would make Eleventy build with no configuration at all.
      if (!isOwnFile(lstatSync(files[name])) || hashFile(files[name]) !== recorded.sha256) return undefined;
    }
    if (inputs.some(([file, hash]) => (hashFile(file) ?? null) !== hash)) return undefined;

    for (const file of [...Object.values(files), manifestFile]) touch(file);
    return files;
  } catch {
    return undefined;
  }
}

/**
 * Makes every bundle of BUNDLES. Returns the text of each bundle by name (`bundles`) and the hash
 * of each file it was made from, or null for a settings file that does not exist (`inputs`). Also
 * returns whether every source still had the text that esbuild read once the bundles were made
 * (`unchanged`). A source edited during the bundling makes a bundle that the manifest must not
 * record as current.
 */
async function buildBundles() {
  const esbuild = await import('esbuild');
  const read = new Map();
  const outside = new Set();
  const bundles = {};
  const bundled = new Set();
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
        plugins: [sourceLocations(read), absolutePackages(outside, packageOutside)],
      });
      bundles[name] = result.outputFiles[0].text;
      for (const file of Object.keys(result.metafile.inputs)) bundled.add(path.resolve(ROOT, file));
    }),
  );

  const inputs = {};
  for (const file of [...bundled, ...outside]) inputs[file] = read.get(file) ?? hashFile(file) ?? null;
  for (const file of [...SETTINGS_FILES, ...packageManifests([...bundled, ...outside])]) inputs[file] = hashFile(file) ?? null;
  const unchanged = [...read].every(([file, hash]) => hashFile(file) === hash);
  return { bundles, inputs, unchanged };
}

/**
 * Returns an esbuild plugin that gives each project module its own `import.meta.url`, `dirname`
 * and `filename` instead of the bundle's. The project finds files next to its modules through
 * them: worker entry points, the browser scripts, the content folder. Records the hash of the
 * text read of each module in `read`.
 */
function sourceLocations(read) {
  return {
    name: 'source-locations',
    setup(build) {
      build.onLoad({ filter: /\.ts$/ }, async ({ path: file }) => {
        const bytes = await readFile(file);
        read.set(file, sha256(bytes));
        const text = bytes.toString('utf8');
        const contents = text
          .replaceAll('import.meta.url', JSON.stringify(pathToFileURL(file).href))
          .replaceAll('import.meta.dirname', JSON.stringify(path.dirname(file)))
          .replaceAll('import.meta.filename', JSON.stringify(file));
        return { contents, loader: 'ts' };
      });
    },
  };
}

/**
 * Returns an esbuild plugin that leaves the npm packages for which `outside(name)` is true out of
 * the bundle and imports them by their resolved file URL, so that the bundle works from any folder.
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

/** Returns the package.json of each package that one of `files` belongs to, which decides how its files are resolved. */
function packageManifests(files) {
  const manifests = new Set();
  for (const file of files) {
    const match = /^(.*[\\/]node_modules[\\/](?:@[^\\/]+[\\/])?[^\\/]+)[\\/]/.exec(file);
    if (match) manifests.add(path.join(match[1], 'package.json'));
  }
  return manifests;
}

/**
 * Writes each bundle of `built.bundles` into `folder` under a name made from its hash, unless it
 * is there already, then the manifest that records them with `built.inputs`, unless a source
 * changed during the bundling. Returns the bundles' paths by name. Builds that run at the same
 * time never read a bundle that another is writing, and the manifest is replaced in one rename.
 */
async function storeBundles(folder, key, built) {
  await createFolder(folder);
  const files = {};
  const recorded = {};
  for (const [name, text] of Object.entries(built.bundles)) {
    const hash = sha256(text);
    const file = `${BUNDLE_PREFIX}${name}-${hash.slice(0, 16)}.mjs`;
    files[name] = path.join(folder, file);
    recorded[name] = { file, sha256: hash };
    if (hashFile(files[name]) === hash) touch(files[name]);
    else await writeAtomically(files[name], text);
  }

  const manifest = path.join(folder, manifestName(key));
  if (built.unchanged) await writeAtomically(manifest, JSON.stringify({ key, inputs: built.inputs, bundles: recorded }));
  await deleteOldBundles(folder, new Set([...Object.values(files), manifest]));
  return files;
}

/**
 * Creates `folder`. FALLBACK_BUNDLE_FOLDER is created for this user alone, and rejected unless
 * isPrivateFolder returns true.
 */
async function createFolder(folder) {
  if (folder !== FALLBACK_BUNDLE_FOLDER) {
    await mkdir(folder, { recursive: true });
    return;
  }
  try {
    mkdirSync(folder, { mode: 0o700 });
  } catch (error) {
    if (error?.code !== 'EEXIST') throw error;
  }
  if (!isPrivateFolder(folder)) throw new Error(`${folder} is not a folder of this user that only this user can write to`);
}

/**
 * Returns whether `folder` is a folder, not a link, owned by this user, that no other user can
 * write to. Another user could otherwise plant bundles there that this user's build would run.
 */
function isPrivateFolder(folder) {
  try {
    const info = lstatSync(folder);
    return info.isDirectory() && isOwnFile(info) && (info.mode & 0o022) === 0;
  } catch {
    return false;
  }
}

/** Returns whether the file of `info` belongs to this user; always true where user ids do not exist. */
function isOwnFile(info) {
  const uid = process.getuid?.();
  return uid === undefined || info.uid === uid;
}

/**
 * Writes `text` to a temporary file beside `file`, flushes it to disk and renames it to `file`,
 * so that a crash leaves either the whole file or none. The temporary name is random, because
 * two processes in different PID namespaces can have the same process id.
 */
async function writeAtomically(file, text) {
  const temporary = `${file}.${randomBytes(8).toString('hex')}.tmp`;
  const handle = await open(temporary, 'w');
  try {
    await handle.writeFile(text);
    await handle.sync();
  } finally {
    await handle.close();
  }
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

/** Deletes the bundles, manifests and temporary files in `folder`, other than the files of `current`, that no build has used for MAX_BUNDLE_AGE_MS. */
async function deleteOldBundles(folder, current) {
  for (const name of await readdir(folder)) {
    const file = path.join(folder, name);
    if (!name.startsWith(BUNDLE_PREFIX) || current.has(file)) continue;
    const info = await stat(file).catch(() => undefined);
    if (info && Date.now() - info.mtimeMs > MAX_BUNDLE_AGE_MS) await rm(file, { force: true });
  }
}

function isRecord(value) {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
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
