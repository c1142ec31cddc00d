// Writes the search manifest, its shards and the browser bundle into the site's output. Content
// hashes in the names of the shards and the scripts let a host cache them for ever, and a gzip
// and a brotli copy lie beside each file for hosts that serve precompressed files.
import { mkdir, readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import type { Catalog } from '../catalog/types.ts';
import { writeWithCompressedCopies } from './shardFiles.ts';
import { SEARCH_MANIFEST_FILE } from './searchStore.ts';
import { writeSearchIndex, type SearchIndexOptions } from './writeSearchIndex.ts';

export { contentHash } from './shardFiles.ts';

/** The folder under the output that contains every search file. Nothing else writes there. */
export const SEARCH_ASSET_DIR = 'assets/search';

/** The browser entry point: wires the search box and loads the rest on first use. */
const BROWSER_ENTRY = fileURLToPath(new URL('../browser/search.ts', import.meta.url));

export interface SearchAssets {
  /** Site path of the browser bundle's entry script, without the path prefix. */
  script: string;
  /** Site path of the search manifest, which names the shards, without the path prefix. */
  index: string;
  /** Site paths of the shards (index and stored entries), in the manifest's order. */
  shards: string[];
  /** Every file written, relative to the output folder. */
  files: string[];
}

/** The two steps of startSearchAssets, which finish at different times. */
export interface SearchAssetsBuild {
  /** Site path of the entry script; resolves once the bundle is written, without waiting for the index. */
  script: Promise<string>;
  /** Every search file; resolves once the index and the bundle are written and older files removed. */
  assets: Promise<SearchAssets>;
}

/**
 * Builds the search shards and manifest for `catalog` and bundles src/browser with esbuild into
 * `<outputDir>/assets/search/`, then removes what an earlier build left there. Every `.json` and
 * `.js` file gets a `.gz` and a `.br` copy. Rejects with esbuild's error when the browser code
 * does not compile, and as writeSearchIndex does when the index cannot be built or written.
 */
export async function writeSearchAssets(outputDir: string, catalog: Catalog, options: SearchIndexOptions = {}): Promise<SearchAssets> {
  return startSearchAssets(outputDir, catalog, options).assets;
}

/**
 * Starts writeSearchAssets's work and returns its two results: the bundle does not depend on the
 * index (it fetches the manifest under the fixed name SEARCH_MANIFEST_FILE), so the script's path
 * is known long before the index is written. `bundling` is bundleSearchScript's result for the
 * same `outputDir`, when the caller started it earlier. Both promises reject as writeSearchAssets
 * does, and are marked handled, so a caller may await only one of them.
 */
export function startSearchAssets(outputDir: string, catalog: Catalog, options: SearchIndexOptions = {}, bundling = bundleSearchScript(outputDir)): SearchAssetsBuild {
  const assetDir = path.join(outputDir, SEARCH_ASSET_DIR);
  const ready = mkdir(assetDir, { recursive: true });
  const bundle = Promise.all([bundling, ready]).then(([result]) => writeSearchScript(outputDir, result));
  const index = ready.then(() => writeSearchIndex(assetDir, catalog, options));

  const assets = Promise.all([bundle, index]).then(async ([bundled, written]): Promise<SearchAssets> => {
    const files = [...written.files.map((name) => path.posix.join(SEARCH_ASSET_DIR, name)), ...bundled.files];
    await removeOtherFiles(outputDir, files);
    return {
      script: bundled.script,
      index: `/${SEARCH_ASSET_DIR}/${written.manifest}`,
      shards: written.shards.map((name) => `/${SEARCH_ASSET_DIR}/${name}`),
      files,
    };
  });
  const script = bundle.then((bundled) => bundled.script);

  script.catch(() => {});
  assets.catch(() => {});
  return { script, assets };
}

/** The browser bundle in memory: esbuild's result with its output files. */
export type SearchScriptBundle = esbuild.BuildResult<{ metafile: true; write: false }>;

/**
 * Bundles src/browser with esbuild, in memory, for the search asset folder of `outputDir`. It
 * depends on neither the catalog nor the old output, so a build may start it first.
 */
export function bundleSearchScript(outputDir: string): Promise<SearchScriptBundle> {
  return esbuild.build({
    entryPoints: [BROWSER_ENTRY],
    bundle: true,
    splitting: true,
    format: 'esm',
    target: ['es2020'],
    minify: true,
    outdir: path.join(outputDir, SEARCH_ASSET_DIR),
    entryNames: '[name]-[hash]',
    chunkNames: '[name]-[hash]',
    // A fixed manifest name keeps the bundle, and so every page's script tag, the same when the content changes.
    define: { __SEARCH_INDEX_FILE__: JSON.stringify(SEARCH_MANIFEST_FILE) },
    metafile: true,
    write: false,
    logLevel: 'silent',
    legalComments: 'none',
  });
}

/**
 * Writes each output of bundleSearchScript's `result` with its compressed copies. Returns the
 * entry script's site path and every file written, relative to `outputDir`.
 */
async function writeSearchScript(outputDir: string, result: SearchScriptBundle): Promise<{ script: string; files: string[] }> {
  const script = searchScriptPath(outputDir, result);
  const written = await Promise.all(result.outputFiles.map((output) => writeWithCompressedCopies(output.path, Buffer.from(output.contents))));
  return { script, files: written.flat().map((file) => relativeTo(outputDir, file)) };
}

/** Returns the site path of the entry script of bundleSearchScript's `result` for `outputDir`, without the path prefix. */
export function searchScriptPath(outputDir: string, result: SearchScriptBundle): string {
  const entry = Object.entries(result.metafile.outputs).find(([, output]) => output.entryPoint !== undefined);
  if (!entry) throw new Error(`esbuild wrote no entry script for ${BROWSER_ENTRY}`);
  return `/${relativeTo(outputDir, entry[0])}`;
}

/** Returns `file` relative to `outputDir`, with forward slashes. */
function relativeTo(outputDir: string, file: string): string {
  return path.relative(outputDir, path.resolve(file)).split(path.sep).join('/');
}

/** Deletes every file under the search asset folder of `outputDir` that is not one of `keep` (relative to `outputDir`). */
async function removeOtherFiles(outputDir: string, keep: readonly string[]): Promise<void> {
  const kept = new Set(keep);
  const present = await listSearchAssets(outputDir);
  await Promise.all(present.filter((file) => !kept.has(file)).map((file) => rm(path.join(outputDir, file), { recursive: true, force: true })));
}

/** Lists the files under the search asset folder of `outputDir`, for tests and the benchmark. */
export async function listSearchAssets(outputDir: string): Promise<string[]> {
  const entries = await readdir(path.join(outputDir, SEARCH_ASSET_DIR), { recursive: true });
  return entries.map((entry) => path.posix.join(SEARCH_ASSET_DIR, entry.split(path.sep).join('/')));
}
