// Runs Eleventy's command line on this project's TypeScript configuration without a TypeScript
// loader. esbuild bundles .eleventy.ts and the project modules it imports into one JavaScript
// file (scripts/configBundles.mjs), and Eleventy loads that file as its configuration. Through
// tsx, every module that Node loaded went through tsx's module hooks first, Eleventy's own
// included. A build of the 10k bench content took about 0.5 s more wall time and 0.6 s more CPU
// that way (Node 20, 2 cores).
//
// Usage: node scripts/eleventy.mjs [Eleventy's options, such as --output=DIR or --serve]
// This file is JavaScript because it runs before anything can load TypeScript.
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { BUNDLE_FOLDER, bundleKey, CONFIG_SOURCE, FALLBACK_BUNDLE_FOLDER, makeBundles, reusableBundles } from './configBundles.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const ELEVENTY_CLI = path.join(ROOT, 'node_modules', '@11ty', 'eleventy', 'cmd.cjs');

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
    process.stderr.write(`[11ty] failed to write the bundle of the site configuration ${source}: ${error?.message ?? error}\nFix: make ${BUNDLE_FOLDER} writable for this user, or delete ${FALLBACK_BUNDLE_FOLDER} so that the build creates it for this user alone.\n`);
  }
  process.exit(1);
}

/** Exits with `message` when the command line has the option `name`, as `--name` or `--name=value`. */
function rejectOption(name, message) {
  if (!process.argv.some((argument) => argument === name || argument.startsWith(`${name}=`))) return;
  process.stderr.write(`[11ty] ${name} is not accepted: ${message}\n`);
  process.exit(1);
}

/**
 * Starts the worker of src/site/catalogPreloadWorker.ts, which reads, validates and assembles
 * the catalog while Node loads Eleventy on this thread. It leaves the worker and the promise of
 * its message where src/site/catalogPreload.ts takes them (the key must match
 * CATALOG_PRELOAD_KEY there). The promise resolves to undefined if the worker fails, and the
 * configuration then loads the catalog itself. Builds under --watch or --serve load it
 * themselves, because they keep each file's result for the next rebuild.
 */
function preloadCatalog(workerFile) {
  if (process.argv.some((argument) => /^--(watch|serve)(=|$)/.test(argument))) return;
  const worker = new Worker(workerFile, { workerData: { root: ROOT } });
  const message = new Promise((resolve) => {
    worker.once('message', resolve);
    worker.once('error', () => resolve(undefined));
    worker.once('exit', () => resolve(undefined));
  });
  // A worker that the configuration does not take, as when the configuration fails, must not
  // keep the process alive. On Node 20 a new `message` listener refs the worker again, so this
  // comes after the listeners. The configuration refs it while it waits for the message.
  worker.unref();
  globalThis[Symbol.for('reading-lists.catalogPreload')] = { worker, message };
}

rejectOption('--config', 'this script always builds with .eleventy.ts. Fix: remove --config, or run Eleventy through tsx with your own configuration.');
const outputFormats = process.argv.flatMap((argument, index) => (argument === '--to' ? [process.argv[index + 1]] : argument.startsWith('--to=') ? [argument.slice('--to='.length)] : []));
if (outputFormats.some((format) => format !== 'fs')) {
  process.stderr.write('[11ty] --to is not accepted: Eleventy\'s JSON output would leave out the entry, section and keyword pages, which the site writes itself. Fix: build to files (leave out --to), or read the JSON export entries.json of a build.\n');
  process.exit(1);
}
rejectOption('--input', 'the site is built from the content folder. Fix: set SITE_CONTENT_DIR to the content folder to build, and leave out --input.');
rejectOption('--formats', 'the site\'s pages are its own TypeScript templates, and other formats would be read from the templates\' folder. Fix: leave out --formats.');
if (path.resolve(process.cwd()) !== path.resolve(ROOT)) {
  process.stderr.write(`[11ty] the build must run in the project folder ${path.resolve(ROOT)}, because Eleventy reads its templates relative to the working folder. Fix: cd ${path.resolve(ROOT)} and run npm run build.\n`);
  process.exit(1);
}
rejectOption('--pathprefix', 'the pages take the path prefix from the settings. Fix: set SITE_PATH_PREFIX (such as SITE_PATH_PREFIX=/reading-lists/ npm run build) or pathPrefix in site.config.json.');

process.setSourceMapsEnabled(true);
// Eleventy's module hook, which Node 20 runs on a thread of its own for every import, serves
// --watch when a configuration's own modules change. The bundle never changes under a running
// build, so the hook only cost time: about 0.1 s of wall and CPU time of a build.
process.env.ELEVENTY_SKIP_ESM_RESOLVER ??= '1';

const key = bundleKey();
let bundles = reusableBundles(key);
if (bundles) preloadCatalog(bundles.catalogWorker);
// Node loads Eleventy's modules while esbuild makes the bundles, if they must be made. The
// command line below then finds them loaded.
const loadingEleventy = import('@11ty/eleventy');
if (!bundles) {
  bundles = await makeBundles(key).catch(failBundle);
  preloadCatalog(bundles.catalogWorker);
}
await loadingEleventy;
process.argv.push(`--config=${bundles.config}`);
await import(pathToFileURL(ELEVENTY_CLI).href);
