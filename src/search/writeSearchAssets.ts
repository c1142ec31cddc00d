// Writes the search file and the browser bundle into the site's output, with content hashes in
// their names so that a host can cache them for ever.
import { createHash } from 'node:crypto';
import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import type { Catalog } from '../catalog/types.ts';
import { buildSearchFile } from './buildSearchFile.ts';

/** The folder under the output that holds every search file; nothing else writes there. */
export const SEARCH_ASSET_DIR = 'assets/search';

/** The browser entry point: wires the search box and loads the rest on first use. */
const BROWSER_ENTRY = fileURLToPath(new URL('../browser/search.ts', import.meta.url));

export interface SearchAssets {
  /** Site path of the browser bundle's entry script, without the path prefix. */
  script: string;
  /** Site path of the search file (index and document store), without the path prefix. */
  index: string;
  /** Every file written, relative to the output folder. */
  files: string[];
}

/**
 * Builds the search file for `catalog` and bundles src/browser with esbuild into
 * `<outputDir>/assets/search/`, after removing what an earlier build left there.
 * Throws esbuild's error when the browser code does not compile.
 */
export async function writeSearchAssets(outputDir: string, catalog: Catalog): Promise<SearchAssets> {
  const assetDir = path.join(outputDir, SEARCH_ASSET_DIR);
  await rm(assetDir, { recursive: true, force: true });
  await mkdir(assetDir, { recursive: true });

  const searchJson = JSON.stringify(buildSearchFile(catalog));
  const indexName = `index-${contentHash(searchJson)}.json`;
  await writeFile(path.join(assetDir, indexName), searchJson);

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
    // The bundle names the search file it belongs to, so a new index gives a new script name.
    define: { __SEARCH_INDEX_FILE__: JSON.stringify(indexName) },
    metafile: true,
    logLevel: 'silent',
    legalComments: 'none',
  });

  const written = Object.keys(result.metafile.outputs).map((file) => path.relative(outputDir, path.resolve(file)));
  const entry = Object.entries(result.metafile.outputs).find(([, output]) => output.entryPoint !== undefined);
  if (!entry) throw new Error(`esbuild wrote no entry script for ${BROWSER_ENTRY}`);

  const files = [path.posix.join(SEARCH_ASSET_DIR, indexName), ...written.map((file) => file.split(path.sep).join('/'))];
  return {
    script: `/${path.relative(outputDir, path.resolve(entry[0])).split(path.sep).join('/')}`,
    index: `/${SEARCH_ASSET_DIR}/${indexName}`,
    files,
  };
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
