// Writes the search manifest, its shards and the browser bundle into the site's output, with
// content hashes in their names so that a host can cache them for ever, and a gzip and a brotli
// copy beside each, for hosts that serve precompressed files.
import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import * as esbuild from 'esbuild';
import type { Catalog } from '../catalog/types.ts';
import { buildSearchShards } from './buildSearchFile.ts';
import type { SearchManifest } from './searchStore.ts';

/** The folder under the output that holds every search file; nothing else writes there. */
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

  const built = buildSearchShards(catalog);
  const shardNames: string[] = [];
  const jsonFiles = new Map<string, string>();
  built.shards.forEach((shard, number) => {
    const json = JSON.stringify(shard);
    const name = `shard-${number}-${contentHash(json)}.json`;
    shardNames.push(name);
    jsonFiles.set(name, json);
  });

  const manifest: SearchManifest = {
    ...built.manifest,
    shards: built.manifest.shards.map((shard, number) => ({ ...shard, file: shardNames[number] ?? '' })),
  };
  const manifestJson = JSON.stringify(manifest);
  const indexName = `index-${contentHash(manifestJson)}.json`;
  jsonFiles.set(indexName, manifestJson);
  await Promise.all([...jsonFiles].map(([name, json]) => writeFile(path.join(assetDir, name), json)));

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

  const written = [...jsonFiles.keys()].map((name) => path.posix.join(SEARCH_ASSET_DIR, name));
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
 * Brotli quality for files up to BROTLI_BEST_MAX_BYTES: 11 compresses best but runs at about
 * 1 MB/s, so larger files (the shards of a list of thousands of entries) use quality 9.
 */
const BROTLI_BEST_MAX_BYTES = 1_000_000;

/**
 * Writes `<file>.gz` (gzip level 9) and `<file>.br` beside each of `files`, relative to `outputDir`,
 * on libuv's thread pool. Returns the files written.
 */
async function writePrecompressed(outputDir: string, files: readonly string[]): Promise<string[]> {
  const written = await Promise.all(
    files.map(async (file) => {
      const absolute = path.join(outputDir, file);
      const bytes = await readFile(absolute);
      const quality = bytes.length <= BROTLI_BEST_MAX_BYTES ? 11 : 9;
      const [gzipped, brotli] = await Promise.all([
        gzipAsync(bytes, { level: 9 }),
        brotliAsync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: quality, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length } }),
      ]);
      await Promise.all([writeFile(`${absolute}.gz`, gzipped), writeFile(`${absolute}.br`, brotli)]);
      return [`${file}.gz`, `${file}.br`];
    }),
  );
  return written.flat();
}

/** The first 10 hex digits of the SHA-256 of `text`. */
export function contentHash(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 10);
}

/** Lists the files under the search asset folder of `outputDir`, for tests and the benchmark. */
export async function listSearchAssets(outputDir: string): Promise<string[]> {
  const entries = await readdir(path.join(outputDir, SEARCH_ASSET_DIR), { recursive: true });
  return entries.map((entry) => path.posix.join(SEARCH_ASSET_DIR, entry.split(path.sep).join('/')));
}
