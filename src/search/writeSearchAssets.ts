// Writes the search manifest, its shards and the browser bundle into the site's output. Content
// hashes in their names let a host cache them for ever, and a gzip and a brotli copy lie beside
// each for hosts that serve precompressed files.
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import * as esbuild from 'esbuild';
import type { Catalog } from '../catalog/types.ts';
import { forEachSearchShard } from './buildSearchFile.ts';
import type { SearchManifest } from './searchStore.ts';

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

/**
 * Builds the search shards and manifest for `catalog` and bundles src/browser with esbuild into
 * `<outputDir>/assets/search/`, after removing what an earlier build left there. Every `.json`
 * and `.js` file gets a `.gz` and a `.br` copy. Throws esbuild's error when the browser code
 * does not compile.
 */
export async function writeSearchAssets(outputDir: string, catalog: Catalog): Promise<SearchAssets> {
  const assetDir = path.join(outputDir, SEARCH_ASSET_DIR);
  await rm(assetDir, { recursive: true, force: true });
  await mkdir(assetDir, { recursive: true });

  // Each shard is written as soon as it is built, so that only one is in memory at a time.
  const shardNames: string[] = [];
  const built = forEachSearchShard(catalog, (shard, number) => {
    const json = JSON.stringify(shard);
    const name = `shard-${number}-${contentHash(json)}.json`;
    shardNames.push(name);
    writeFileSync(path.join(assetDir, name), json);
  });

  const manifest: SearchManifest = {
    ...built,
    shards: built.shards.map((shard, number) => ({ ...shard, file: shardNames[number] ?? '' })),
  };
  const manifestJson = JSON.stringify(manifest);
  const indexName = `index-${contentHash(manifestJson)}.json`;
  await writeFile(path.join(assetDir, indexName), manifestJson);

  const result = await esbuild.build({
    entryPoints: [BROWSER_ENTRY],
    bundle: true,
    splitting: true,
    format: 'esm',
    target: ['es2020'],
    minify: true,
    outdir: assetDir,
    entryNames: '[name]-[hash]',
    chunkNames: '[name]-[hash]',
    // The bundle names the manifest it belongs to, so a new index gives a new script name.
    define: { __SEARCH_INDEX_FILE__: JSON.stringify(indexName) },
    metafile: true,
    logLevel: 'silent',
    legalComments: 'none',
  });

  const bundled = Object.keys(result.metafile.outputs).map((file) => path.relative(outputDir, path.resolve(file)));
  const entry = Object.entries(result.metafile.outputs).find(([, output]) => output.entryPoint !== undefined);
  if (!entry) throw new Error(`esbuild wrote no entry script for ${BROWSER_ENTRY}`);

  const written = [indexName, ...shardNames].map((name) => path.posix.join(SEARCH_ASSET_DIR, name));
  written.push(...bundled.map((file) => file.split(path.sep).join('/')));
  const compressed = await writePrecompressed(outputDir, written);

  return {
    script: `/${path.relative(outputDir, path.resolve(entry[0])).split(path.sep).join('/')}`,
    index: `/${SEARCH_ASSET_DIR}/${indexName}`,
    shards: shardNames.map((name) => `/${SEARCH_ASSET_DIR}/${name}`),
    files: [...written, ...compressed],
  };
}

const gzipAsync = promisify(gzip);
const brotliAsync = promisify(brotliCompress);

/**
 * Files up to this size get the best compression (gzip level 9, brotli quality 11). Larger files
 * (the shards) get gzip level 6 and brotli quality 5. On a 1.3 MB shard of generated content
 * (Node 20, one core), brotli 11 took 1.4 s and 5 took 30 ms for a file 21% larger. gzip 9 took
 * 96 ms and 6 took 25 ms for a file 3% larger.
 */
const BEST_COMPRESSION_MAX_BYTES = 256_000;

/**
 * Writes `<file>.gz` and `<file>.br` beside each of `files`, relative to `outputDir`, on libuv's
 * thread pool. Returns the files written.
 */
async function writePrecompressed(outputDir: string, files: readonly string[]): Promise<string[]> {
  const written: string[] = [];
  // A few files at a time, so that a hundred shards are not all in memory at once.
  for (let at = 0; at < files.length; at += COMPRESSION_BATCH) {
    written.push(...(await Promise.all(files.slice(at, at + COMPRESSION_BATCH).map((file) => writeCompressedCopies(outputDir, file)))).flat());
  }
  return written;
}

/** Files compressed at the same time: libuv's thread pool has 4 threads by default. */
const COMPRESSION_BATCH = 4;

/** Writes `<file>.gz` and `<file>.br` beside `file`, relative to `outputDir`. Returns their paths. */
async function writeCompressedCopies(outputDir: string, file: string): Promise<string[]> {
  const absolute = path.join(outputDir, file);
  const bytes = await readFile(absolute);
  const best = bytes.length <= BEST_COMPRESSION_MAX_BYTES;
  const [gzipped, brotli] = await Promise.all([
    gzipAsync(bytes, { level: best ? 9 : 6 }),
    brotliAsync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: best ? 11 : 5, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length } }),
  ]);
  await Promise.all([writeFile(`${absolute}.gz`, gzipped), writeFile(`${absolute}.br`, brotli)]);
  return [`${file}.gz`, `${file}.br`];
}

/** Returns the first 10 hex digits of the SHA-256 of `text`. */
export function contentHash(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 10);
}

/** Lists the files under the search asset folder of `outputDir`, for tests and the benchmark. */
export async function listSearchAssets(outputDir: string): Promise<string[]> {
  const entries = await readdir(path.join(outputDir, SEARCH_ASSET_DIR), { recursive: true });
  return entries.map((entry) => path.posix.join(SEARCH_ASSET_DIR, entry.split(path.sep).join('/')));
}
