// Search figures for the shipped content: index size, the bytes a reader downloads before the
// first result, index load time and query time over the quality queries. Prints a table; with
// --write, also records it in docs/BENCHMARKS.md. Not a timed test: nothing here fails on a figure.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { loadCatalogOrThrow } from '../src/catalog/loadCatalog.ts';
import { addSearchShard, loadSearchManifest, runSearch, type LoadedSearch } from '../src/search/searchQuery.ts';
import type { SearchManifest } from '../src/search/searchStore.ts';
import { writeSearchAssets } from '../src/search/writeSearchAssets.ts';
import { QUALITY_QUERIES } from '../tests/search/qualityQueries.ts';
import { describeMachine, formatMachine } from './machine.ts';
import { median, percentile } from './results.ts';
import { compressedSizes } from './searchMetrics.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BENCHMARKS_PAGE = path.join(ROOT, 'docs', 'BENCHMARKS.md');
const START_MARKER = '<!-- search:results:start -->';
const END_MARKER = '<!-- search:results:end -->';

/** Runs of every query after one warm-up pass; load runs likewise. */
const QUERY_REPEATS = 20;
const LOAD_REPEATS = 10;

const { values: options } = parseArgs({
  options: {
    write: { type: 'boolean', default: false },
    content: { type: 'string', default: 'content' },
  },
});

const catalog = await loadCatalogOrThrow(ROOT, { contentDir: options.content });
const output = await mkdtemp(path.join(os.tmpdir(), 'search-bench-'));

try {
  const assets = await writeSearchAssets(output, catalog);
  const scripts = assets.files.filter((file) => file.endsWith('.js'));
  const manifestText = await readFile(path.join(output, assets.index), 'utf8');
  const shardTexts = await Promise.all(assets.shards.map((file) => readFile(path.join(output, file), 'utf8')));
  // From the home page the browser fetches the manifest and the first shard before the first result.
  const firstShards = assets.shards.slice(0, 1);

  const indexSizes = await Promise.all([assets.index, ...assets.shards].map((file) => compressedSizes(path.join(output, file))));
  const index = {
    raw: indexSizes.reduce((sum, size) => sum + size.raw, 0),
    gzip: indexSizes.reduce((sum, size) => sum + size.gzip, 0),
    brotli: indexSizes.reduce((sum, size) => sum + size.brotli, 0),
  };
  const firstSizes = await Promise.all([...scripts, assets.index, ...firstShards].map((file) => compressedSizes(path.join(output, file))));
  const entryScript = await compressedSizes(path.join(output, assets.script));
  // The entry script loads on every page; the search chunk, the manifest and the shards load on first focus.
  const firstResultGzip = firstSizes.reduce((sum, size) => sum + size.gzip, 0);

  const loadShards = (): LoadedSearch => {
    const loaded = loadSearchManifest(JSON.parse(manifestText) as SearchManifest);
    for (const text of shardTexts) addSearchShard(loaded, JSON.parse(text));
    return loaded;
  };
  const loadTimes: number[] = [];
  for (let run = 0; run <= LOAD_REPEATS; run += 1) {
    const start = performance.now();
    loadShards();
    if (run > 0) loadTimes.push(performance.now() - start);
  }

  const search = loadShards();
  const queries = QUALITY_QUERIES.map((query) => query.query);
  for (const query of queries) runSearch(search, query);
  const queryTimes: number[] = [];
  for (let run = 0; run < QUERY_REPEATS; run += 1) {
    for (const query of queries) {
      const start = performance.now();
      runSearch(search, query);
      queryTimes.push(performance.now() - start);
    }
  }

  const command = `npx tsx bench/search.ts${options.content === 'content' ? '' : ` --content ${options.content}`}`;
  const rows: [string, string][] = [
    ['entries', String(catalog.entries.length)],
    [`search files (manifest and ${assets.shards.length} ${assets.shards.length === 1 ? 'shard' : 'shards'}): raw, gzip, brotli`, `${kb(index.raw)}, ${kb(index.gzip)}, ${kb(index.brotli)}`],
    ['entry script on every page: raw, gzip', `${kb(entryScript.raw)}, ${kb(entryScript.gzip)}`],
    ['download before the first result (scripts, manifest and first shard, gzip)', kb(firstResultGzip)],
    [`index load in Node, every shard (median of ${LOAD_REPEATS})`, `${median(loadTimes).toFixed(1)} ms`],
    [`query median, p95 (${queries.length} quality queries × ${QUERY_REPEATS})`, `${median(queryTimes).toFixed(2)} ms, ${percentile(queryTimes, 95).toFixed(2)} ms`],
  ];
  const table = ['| search, shipped content | |', '|---|---|', ...rows.map(([label, value]) => `| ${label} | ${value} |`)].join('\n');
  const load = os.loadavg()[0]?.toFixed(1) ?? 'unknown';
  const note = `Measured ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC with \`${command}\` on ${formatMachine(describeMachine())}, load average ${load} (times grow with the load).`;

  console.log(`${table}\n\n${note}`);
  if (options.write) {
    await recordOnPage(`${table}\n\n${note}`);
    console.log(`\nrecorded in ${path.relative(ROOT, BENCHMARKS_PAGE)}`);
  }
} finally {
  await rm(output, { recursive: true, force: true });
}

function kb(bytes: number): string {
  return `${(bytes / 1000).toFixed(1)} KB`;
}

/** Replaces the text between the search markers of the benchmarks page, adding a section with them when missing. */
async function recordOnPage(block: string): Promise<void> {
  const page = await readFile(BENCHMARKS_PAGE, 'utf8').catch(() => '# Benchmarks\n');
  const marked = `${START_MARKER}\n${block}\n${END_MARKER}`;
  const start = page.indexOf(START_MARKER);
  const end = page.indexOf(END_MARKER);

  const updated =
    start >= 0 && end > start
      ? page.slice(0, start) + marked + page.slice(end + END_MARKER.length)
      : `${page.trimEnd()}\n\n## Search on the shipped list\n\n\`npx tsx bench/search.ts --write\` measures the search files that the build writes for\n\`content/\`, and the query code the browser runs, in Node. It writes the table below.\n\n${marked}\n`;
  await writeFile(BENCHMARKS_PAGE, updated);
}
