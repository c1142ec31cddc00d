// The figures one benchmark run records for one size, and the statistics that summarise repeats.

/** A figure that was measured, or the reason it could not be. */
export type Measured<T> = { ok: true; value: T } | { ok: false; reason: string };

/** Wall time and peak memory of one command, as the median over repeats. */
export interface CommandFigures {
  /** Median wall time in seconds. */
  wallSeconds: number;
  /** Median user plus system CPU seconds; undefined when no run could report it. */
  cpuSeconds?: number | undefined;
  /** Median of each run's peak RSS in bytes; undefined when no run could report it. */
  peakRssBytes: number | undefined;
  /** Every run's wall time, in run order, so that spread can be judged. */
  allWallSeconds: number[];
  /**
   * The first run's wall and CPU seconds. It writes into a new output folder, and the later runs
   * write over its output, as a user's next build does. Absent in results recorded before it.
   */
  firstRun?: { wallSeconds: number; cpuSeconds?: number | undefined } | undefined;
}

/** Sizes and times of the built search files, measured in Node. */
export interface SearchFigures {
  /** Every file the search feature writes, relative to the output folder. */
  files: string[];
  rawBytes: number;
  gzipBytes: number;
  brotliBytes: number;
  /** The files a reader downloads before the first result shows: script, lunr and the index parts the first query loads. */
  firstResultFiles: string[];
  /** The gzip size (level 9) of `firstResultFiles` added up. */
  firstResultGzipBytes: number;
  /** Median milliseconds to parse and load the index files the first query needs, in Node. */
  loadMilliseconds: number;
  queryCount: number;
  queryMedianMilliseconds: number;
  queryP95Milliseconds: number;
  /** Median of each query's first run (the warm-up pass), before the query code's caches hold its terms; absent in older records. */
  firstRunMedianMilliseconds?: number;
  /** The three queries with the highest median time, with that median in milliseconds. */
  slowestQueries?: [query: string, milliseconds: number][];
  /** Whether the first query loads every index file: the reader downloads the whole index. */
  loadsWholeIndex: boolean;
}

export interface BrowserFigures {
  query: string;
  runs: number;
  /** Median milliseconds from the first keydown in the home page's search box to the first `.search-result`. */
  firstResultMilliseconds: number;
  /** Every run's figure, in run order. */
  allFirstResultMilliseconds: number[];
  /** Scripts and data files (not the page, stylesheets, images or fonts) fetched before the first result, relative to the site. */
  files: string[];
  /** Their size gzipped at level 9, as a static host would precompress them. */
  downloadGzipBytes: number;
}

/** The time from saving an edited entry to its page showing the edit, with the build watching. */
export interface RebuildFigures {
  /** Median milliseconds over the edits. */
  milliseconds: number;
  allMilliseconds: number[];
}

export interface SizeResult {
  /** The column heading: `1k`, `10k`, `100k`, or `shipped` for the project's own content folder. */
  label: string;
  entries: number;
  lists: number;
  /** ISO date and time the size was measured. */
  date: string;
  command: string;
  machine: string;
  /** The 1-minute load average when the size started: other work on the machine inflates every figure. */
  loadAverage: number;
  repeats: number;
  build: Measured<CommandFigures>;
  check: Measured<CommandFigures>;
  baseline: Measured<CommandFigures>;
  search: Measured<SearchFigures>;
  browser: Measured<BrowserFigures>;
  /** Absent in results recorded before the rebuild measurement existed. */
  rebuild?: Measured<RebuildFigures>;
}

/** Returns the median of `values`; NaN for an empty list. */
export function median(values: readonly number[]): number {
  return percentile(values, 50);
}

/** Returns the `p`-th percentile (0-100) of `values` by the nearest-rank method; NaN for an empty list. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))] as number;
}
