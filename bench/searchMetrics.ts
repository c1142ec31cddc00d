// Measures the search files a build wrote: their size raw and compressed, what a reader downloads
// before the first result, and index load and query times in Node with the browser's own code.
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { loadSettings } from '../src/settings/loadSettings.ts';
import type { Measured, SearchFigures } from './results.ts';
import { median, percentile } from './results.ts';

/**
 * The fixed query set: topic words, a phrase, hyphenated terms, a partial word as typed, a
 * misspelling, lunr syntax, text lunr cannot parse, and a word no entry has. An arXiv id of the
 * generated content is added by the caller.
 */
export const QUERIES: readonly string[] = [
  'dropout', 'batch normalization', 'adam', 'ResNet-50', 't-SNE', 'transfor', 'normalizaton',
  'imagenet', 'learning rate warmup', 'graph neural network', 'google brain', 'iclr 2019',
  'mixup cutmix', 'self-supervised', 'quant', 'title:dropout', '+distillation -bert', 'C++',
  'knowledge distillation for object detection', 'xyzzy',
];

/** How often each query runs after the warm-up pass; the figures are over every run. */
const QUERY_REPEATS = 5;
const LOAD_REPEATS = 5;

interface SearchModule {
  loadSearchFile(file: never): unknown;
  loadSearchManifest?(manifest: never): unknown;
  addSearchShard?(search: never, shard: never): void;
  runSearch(search: never, text: string): { hits: unknown[] };
}

/** The part of a search manifest (src/search/searchStore.ts) that names its shards. */
interface ManifestShards {
  shards: { file: string; list: number }[];
}

/**
 * Measures the search output under `outputDir`. Returns the reason instead when the build wrote no
 * search file or the search code cannot be imported. `extraQueries` are appended to QUERIES.
 */
export async function measureSearch(root: string, outputDir: string, extraQueries: readonly string[] = []): Promise<Measured<SearchFigures>> {
  let search: SearchModule;
  try {
    search = (await import(path.join(root, 'src', 'search', 'searchQuery.ts'))) as SearchModule;
  } catch (error) {
    return { ok: false, reason: `src/search/searchQuery.ts cannot be imported: ${(error as Error).message}` };
  }

  const all = await listFiles(outputDir);
  const indexFiles = all.filter((file) => /\.json$/.test(file) && /(^|\/)search/.test(file));
  if (indexFiles.length === 0) return { ok: false, reason: `the build wrote no search/*.json file under ${outputDir}` };

  const scripts = await reachableScripts(outputDir, await searchPageScripts(root, outputDir));
  const sizes = await Promise.all(indexFiles.map((file) => compressedSizes(path.join(outputDir, file))));

  // The index files the scripts name literally are the ones fetched when the search starts. A
  // manifest (a file with `shards`) names the shards: from the home page the browser fetches the
  // first before the first result, and the others after it.
  const referenced = await referencedJson(outputDir, scripts);
  const firstQueryFiles = referenced.filter((file) => indexFiles.includes(file));
  if (firstQueryFiles.length === 0) firstQueryFiles.push(...indexFiles);
  const manifestFile = firstQueryFiles[0] ?? '';
  const manifestText = await readFile(path.join(outputDir, manifestFile), 'utf8');
  const manifest = JSON.parse(manifestText) as Partial<ManifestShards>;
  const sharded = Array.isArray(manifest.shards) && search.loadSearchManifest !== undefined && search.addSearchShard !== undefined;
  const shardFiles = sharded ? (manifest.shards ?? []).map((shard) => path.posix.join(path.posix.dirname(manifestFile), shard.file)) : [];
  const firstShards = shardFiles.slice(0, 1);
  firstQueryFiles.push(...firstShards.filter((file) => !firstQueryFiles.includes(file)));

  const firstResultFiles = [...scripts, ...firstQueryFiles];
  const firstResultGzip = await Promise.all(firstResultFiles.map(async (file) => (await compressedSizes(path.join(outputDir, file))).gzip));

  const shardTexts = await Promise.all(shardFiles.map((file) => readFile(path.join(outputDir, file), 'utf8')));
  const loadFirst = (): unknown => {
    if (!sharded) return search.loadSearchFile(JSON.parse(manifestText) as never);
    const loading = search.loadSearchManifest?.(JSON.parse(manifestText) as never);
    for (const text of shardTexts.slice(0, firstShards.length)) search.addSearchShard?.(loading as never, JSON.parse(text) as never);
    return loading;
  };
  const loadTimes: number[] = [];
  let loaded: unknown;
  for (let run = 0; run < LOAD_REPEATS; run++) {
    const started = performance.now();
    loaded = loadFirst();
    loadTimes.push(performance.now() - started);
  }
  // Queries run over every shard, as they do once the browser has fetched them all.
  for (const text of shardTexts.slice(firstShards.length)) search.addSearchShard?.(loaded as never, JSON.parse(text) as never);

  const queries = [...QUERIES, ...extraQueries];
  // The warm-up pass is each query's first run, before the query code has cached its term
  // expansions: closer to a reader's first search than the repeats, so it is reported too.
  const firstRunTimes: number[] = [];
  for (const query of queries) {
    const started = performance.now();
    search.runSearch(loaded as never, query);
    firstRunTimes.push(performance.now() - started);
  }

  const queryTimes: number[] = [];
  const timesByQuery = new Map<string, number[]>(queries.map((query) => [query, []]));
  for (let run = 0; run < QUERY_REPEATS; run++) {
    for (const query of queries) {
      const started = performance.now();
      search.runSearch(loaded as never, query);
      const elapsed = performance.now() - started;
      queryTimes.push(elapsed);
      timesByQuery.get(query)?.push(elapsed);
    }
  }
  const slowestQueries = [...timesByQuery]
    .map(([query, times]): [string, number] => [query, median(times)])
    .sort((a, b) => b[1] - a[1])
    .slice(0, 3);

  return {
    ok: true,
    value: {
      files: indexFiles,
      rawBytes: sum(sizes.map((size) => size.raw)),
      gzipBytes: sum(sizes.map((size) => size.gzip)),
      brotliBytes: sum(sizes.map((size) => size.brotli)),
      firstResultFiles,
      firstResultGzipBytes: sum(firstResultGzip),
      loadMilliseconds: median(loadTimes),
      queryCount: queries.length,
      queryMedianMilliseconds: median(queryTimes),
      queryP95Milliseconds: percentile(queryTimes, 95),
      firstRunMedianMilliseconds: median(firstRunTimes),
      slowestQueries,
      loadsWholeIndex: firstQueryFiles.length === indexFiles.length,
    },
  };
}

/** Files above this size are compressed with brotli quality 5, because quality 11 took over 10 minutes on a 142 MB index. */
const LARGE_FILE_BYTES = 16 * 1024 * 1024;

/**
 * Returns the raw, gzip (level 9) and brotli sizes of one file, as a static host would serve them
 * precompressed. Brotli uses quality 11, or quality 5 for files over 16 MiB.
 */
export async function compressedSizes(file: string): Promise<{ raw: number; gzip: number; brotli: number }> {
  const bytes = await readFile(file);
  const quality = bytes.length > LARGE_FILE_BYTES ? 5 : 11;
  return {
    raw: bytes.length,
    gzip: gzipSync(bytes, { level: 9 }).length,
    brotli: brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: quality } }).length,
  };
}

/** Returns the scripts the search page loads (`<script src>` and module preloads), relative to the output folder. */
async function searchPageScripts(root: string, outputDir: string): Promise<string[]> {
  const page = await readFile(path.join(outputDir, 'search', 'index.html'), 'utf8').catch(() => '');
  const sources = [...page.matchAll(/<script[^>]*\ssrc="([^"]+)"|<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g)].map((match) => match[1] ?? match[2] ?? '');
  const prefix = loadSettings(root).pathPrefix;
  const local = sources.filter((source) => source.startsWith(prefix)).map((source) => source.slice(prefix.length).replace(/[?#].*$/, ''));

  const existing: string[] = [];
  for (const file of local) {
    if (await stat(path.join(outputDir, file)).then((info) => info.isFile(), () => false)) existing.push(file);
  }
  return existing;
}

/** Returns `scripts` and every script they import, statically or with `import()`, by relative URL. */
async function reachableScripts(outputDir: string, scripts: readonly string[]): Promise<string[]> {
  const seen = new Set<string>();
  const queue = [...scripts];
  while (queue.length > 0) {
    const file = queue.shift() as string;
    if (seen.has(file)) continue;
    seen.add(file);

    const code = await readFile(path.join(outputDir, file), 'utf8').catch(() => '');
    for (const match of code.matchAll(/(?:from\s*|import\s*\(\s*|import\s*)["'](\.{1,2}\/[^"']+\.m?js)["']/g)) {
      queue.push(path.posix.join(path.posix.dirname(file), match[1] ?? ''));
    }
  }
  return [...seen];
}

/** Returns the `.json` files that `scripts` name by a relative URL, resolved against each script's folder. */
async function referencedJson(outputDir: string, scripts: readonly string[]): Promise<string[]> {
  const found = new Set<string>();
  for (const file of scripts) {
    const code = await readFile(path.join(outputDir, file), 'utf8').catch(() => '');
    for (const match of code.matchAll(/["'](\.{0,2}\/?[\w./-]+\.json)["']/g)) {
      const name = match[1] ?? '';
      found.add(name.startsWith('/') ? name.slice(1) : path.posix.join(path.posix.dirname(file), name));
    }
  }
  return [...found];
}

async function listFiles(folder: string): Promise<string[]> {
  const names = await readdir(folder, { recursive: true, withFileTypes: true }).catch(() => []);
  return names.filter((entry) => entry.isFile()).map((entry) => path.relative(folder, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'));
}

function sum(values: readonly number[]): number {
  return values.reduce((total, value) => total + value, 0);
}
