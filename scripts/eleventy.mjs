// Runs Eleventy's command line on this project's TypeScript configuration without a TypeScript
// loader. esbuild bundles .eleventy.ts and the project modules it imports into one JavaScript
// file, and Eleventy loads that file as its configuration. Through tsx, every module that Node
// loaded went through tsx's module hooks first, Eleventy's own included. A build of the 10k
// bench content took about 0.5 s more wall time and 0.6 s more CPU that way (Node 20, 2 cores).
//
// Usage: node scripts/eleventy.mjs [Eleventy's options, such as --output=DIR or --serve]
// This file is JavaScript because it runs before anything can load TypeScript.
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { isBuiltin } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';

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
 * An esbuild plugin that leaves npm packages out of the bundle and imports them by their
 * resolved file URL, so that the bundle works from any folder.
 */
const absolutePackages = {
  name: 'absolute-packages',
  setup(build) {
    build.onResolve({ filter: /^[^./]/ }, ({ path: specifier }) => {
      if (isBuiltin(specifier)) return { path: specifier, external: true };
      return { path: import.meta.resolve(specifier), external: true };
    });
  },
};

/**
 * Bundles the configuration and returns the bundle's path. The bundle is written under a name
 * made from its hash, so that builds running at the same time never read a file that another
 * is writing.
 */
async function bundleConfiguration() {
  const result = await esbuild.build({
    entryPoints: [CONFIG_SOURCE],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    // Stack traces name the TypeScript files and lines, through the inline source map.
    sourcemap: 'inline',
    sourcesContent: false,
    outfile: path.join(BUNDLE_FOLDER, `${BUNDLE_PREFIX}bundle.mjs`),
    write: false,
    logLevel: 'silent',
    plugins: [sourceLocations, absolutePackages],
  });
  const text = result.outputFiles[0].text;
  const name = `${BUNDLE_PREFIX}${createHash('sha256').update(text).digest('hex').slice(0, 16)}.mjs`;
  try {
    return await storeBundle(BUNDLE_FOLDER, name, text);
  } catch (error) {
    if (!['EACCES', 'EPERM', 'EROFS'].includes(error?.code)) throw error;
    return storeBundle(FALLBACK_BUNDLE_FOLDER, name, text);
  }
}

/** Writes the bundle `text` as `folder/name` unless it is there already, and returns its path. */
async function storeBundle(folder, name, text) {
  const file = path.join(folder, name);
  if (existsSync(file)) {
    // Marks the bundle as used, so that another build does not delete it as old. A bundle that
    // another user wrote keeps its time, which at worst costs a new bundle a day later.
    const now = new Date();
    await utimes(file, now, now).catch(() => undefined);
    return file;
  }
  await mkdir(folder, { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  await writeFile(temporary, text);
  await rename(temporary, file);
  await deleteOldBundles(folder, file);
  return file;
}

/** Deletes the bundles in `folder` other than `current` that no build has used for MAX_BUNDLE_AGE_MS. */
async function deleteOldBundles(folder, current) {
  for (const name of await readdir(folder)) {
    const file = path.join(folder, name);
    if (!name.startsWith(BUNDLE_PREFIX) || file === current) continue;
    const info = await stat(file).catch(() => undefined);
    if (info && Date.now() - info.mtimeMs > MAX_BUNDLE_AGE_MS) await rm(file, { force: true });
  }
}

/**
 * Reports an error that stopped the bundle and exits: a TypeScript syntax error with its file
 * and line, or the file system's error when no folder for the bundle could be written.
 */
function failBundle(error) {
  const source = path.relative(process.cwd(), CONFIG_SOURCE);
  if (error?.errors?.length) {
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

process.setSourceMapsEnabled(true);
// Node loads Eleventy's modules while esbuild bundles in its own process; the command line
// below then finds them loaded.
const [configFile] = await Promise.all([bundleConfiguration().catch(failBundle), import('@11ty/eleventy')]);
process.argv.push(`--config=${configFile}`);
await import(pathToFileURL(ELEVENTY_CLI).href);
