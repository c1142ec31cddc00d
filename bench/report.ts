// Turns benchmark results into the Markdown table printed by the runner and kept in
// docs/BENCHMARKS.md, merging with the sizes an earlier run recorded there.
import type { CommandFigures, Measured, SearchFigures, SizeResult } from './results.ts';

const START = '<!-- bench:results:start -->';
const END = '<!-- bench:results:end -->';
const DATA_PREFIX = '<!-- bench:data ';

const MIB = 1024 * 1024;

/** Formats a byte count in decimal units: `812 B`, `80.1 KB` (1,000 bytes) or `14.8 MB`. */
export function formatBytes(bytes: number): string {
  if (bytes < 1000) return `${bytes} B`;
  if (bytes < 1_000_000) return `${(bytes / 1000).toFixed(1)} KB`;
  return `${(bytes / 1_000_000).toFixed(1)} MB`;
}

/** Formats a peak RSS in MiB or GiB, the units the memory targets use. */
export function formatMemory(bytes: number | undefined): string {
  if (bytes === undefined) return 'peak unknown';
  if (bytes < 1024 * MIB) return `${Math.round(bytes / MIB)} MiB`;
  return `${(bytes / (1024 * MIB)).toFixed(2)} GiB`;
}

function formatSeconds(seconds: number): string {
  return seconds < 10 ? `${seconds.toFixed(2)} s` : `${seconds.toFixed(1)} s`;
}

function formatMilliseconds(milliseconds: number): string {
  if (milliseconds >= 1000) return formatSeconds(milliseconds / 1000);
  return milliseconds < 10 ? `${milliseconds.toFixed(2)} ms` : `${Math.round(milliseconds)} ms`;
}

/** Returns the label of a generated size: `1k` for 1,000 entries, `2500` for 2,500. */
export function sizeLabel(entries: number): string {
  return entries % 1000 === 0 ? `${entries / 1000}k` : String(entries);
}

function columnLabel(result: SizeResult): string {
  return result.label === 'shipped' ? `shipped content (${result.entries} entries)` : `${result.label} entries`;
}

function sortResults(results: readonly SizeResult[]): SizeResult[] {
  const rank = (result: SizeResult) => (result.label === 'shipped' ? -1 : result.entries);
  return [...results].sort((a, b) => rank(a) - rank(b));
}

function commandCell(figures: Measured<CommandFigures>): string {
  if (!figures.ok) return 'not available';
  const cpu = figures.value.cpuSeconds === undefined ? 'CPU unknown' : `${formatSeconds(figures.value.cpuSeconds)} CPU`;
  return `${formatSeconds(figures.value.wallSeconds)}, ${cpu}, ${formatMemory(figures.value.peakRssBytes)}`;
}

function measuredCell<T>(figure: Measured<T> | undefined, show: (value: T) => string): string {
  return figure?.ok ? show(figure.value) : 'not available';
}

function searchCell(search: Measured<SearchFigures>, show: (value: SearchFigures) => string): string {
  return measuredCell(search, show);
}

function ratioCell(result: SizeResult): string {
  if (!result.build.ok || !result.baseline.ok) return 'not available';
  const wall = (result.build.value.wallSeconds / result.baseline.value.wallSeconds).toFixed(2);
  const buildCpu = result.build.value.cpuSeconds;
  const baselineCpu = result.baseline.value.cpuSeconds;
  return buildCpu === undefined || baselineCpu === undefined ? `${wall}, CPU unknown` : `${wall}, ${(buildCpu / baselineCpu).toFixed(2)}`;
}

/**
 * Shows the wall times of the first build and baseline runs of a size, which write into new
 * output folders, and their ratio. The table's medians are of the later runs too, which write
 * over the output of the run before, as a user's next build does.
 */
function firstRunCell(result: SizeResult): string {
  const build = result.build.ok ? result.build.value.firstRun : undefined;
  const baseline = result.baseline.ok ? result.baseline.value.firstRun : undefined;
  if (build === undefined || baseline === undefined) return 'not available';
  return `${formatSeconds(build.wallSeconds)}, ${formatSeconds(baseline.wallSeconds)}, ${(build.wallSeconds / baseline.wallSeconds).toFixed(2)}`;
}

/** Renders one table with a column per size (shipped content first, then generated sizes, smallest first) and the reasons for every missing figure below it. */
export function renderTable(results: readonly SizeResult[]): string {
  const sorted = sortResults(results);
  const rows: [string, (result: SizeResult) => string][] = [
    ['measured on', (result) => result.date.slice(0, 16).replace('T', ' ') + ' UTC'],
    ['lists', (result) => String(result.lists)],
    ['1-minute load average at start', (result) => (result.loadAverage === undefined ? 'unknown' : result.loadAverage.toFixed(1))],
    ['repeats (figures are medians)', (result) => String(result.repeats)],
    ['full build: wall, CPU, peak memory', (result) => commandCell(result.build)],
    ['`check` alone: wall, CPU, peak memory', (result) => commandCell(result.check)],
    ['plain Eleventy baseline: wall, CPU, peak memory', (result) => commandCell(result.baseline)],
    ['build / baseline: wall, CPU', ratioCell],
    ['first run, into a new output folder: build, baseline, build / baseline (wall)', firstRunCell],
    ['search files: raw, gzip, brotli', (result) => searchCell(result.search, (value) => `${formatBytes(value.rawBytes)}, ${formatBytes(value.gzipBytes)}, ${formatBytes(value.brotliBytes)}`)],
    ['download before the first result, from the files (gzip)', (result) => searchCell(result.search, (value) => `${formatBytes(value.firstResultGzipBytes)}${value.loadsWholeIndex ? ' (whole index)' : ''}`)],
    ['download before the first result, in Chromium (gzip)', (result) => measuredCell(result.browser, (value) => formatBytes(value.downloadGzipBytes))],
    ['first result after the first keystroke, cold page (Chromium)', (result) => measuredCell(result.browser, (value) => formatMilliseconds(value.firstResultMilliseconds))],
    ['edited entry shown after a watched rebuild', (result) => measuredCell(result.rebuild, (value) => formatMilliseconds(value.milliseconds))],
    ['index load (Node)', (result) => searchCell(result.search, (value) => formatMilliseconds(value.loadMilliseconds))],
    ['query median, p95', (result) => searchCell(result.search, (value) => `${formatMilliseconds(value.queryMedianMilliseconds)}, ${formatMilliseconds(value.queryP95Milliseconds)}`)],
    ['query median, first run of each query', (result) => searchCell(result.search, (value) => (value.firstRunMedianMilliseconds === undefined ? 'not measured' : formatMilliseconds(value.firstRunMedianMilliseconds)))],
    ['slowest query (median)', (result) => searchCell(result.search, (value) => (value.slowestQueries?.[0] ? `\`${value.slowestQueries[0][0]}\` ${formatMilliseconds(value.slowestQueries[0][1])}` : 'unknown'))],
  ];

  const header = `| | ${sorted.map(columnLabel).join(' | ')} |`;
  const divider = `|---|${sorted.map(() => '---').join('|')}|`;
  const body = rows.map(([label, cell]) => `| ${label} | ${sorted.map(cell).join(' | ')} |`);

  const reasons: string[] = [];
  for (const result of sorted) {
    const figures = [['build', result.build], ['check', result.check], ['baseline', result.baseline], ['search', result.search], ['browser', result.browser], ['rebuild', result.rebuild]] as const;
    for (const [name, figure] of figures) {
      if (figure && !figure.ok) reasons.push(`- ${result.label}, ${name}: ${figure.reason}`);
    }
  }

  const lines = [header, divider, ...body];
  if (reasons.length > 0) lines.push('', 'Not available:', '', ...reasons);
  return lines.join('\n');
}

/** Renders the machine and command lines, one per distinct pair, for the sizes in `results`. */
export function renderProvenance(results: readonly SizeResult[]): string {
  const lines = new Set<string>();
  for (const result of sortResults(results)) {
    lines.add(`- ${result.label}: \`${result.command}\` on ${result.machine}`);
  }
  return [...lines].join('\n');
}

/** Reads the results an earlier run stored in the benchmarks page; empty when there are none. */
export function readStoredResults(page: string): SizeResult[] {
  const start = page.indexOf(DATA_PREFIX);
  if (start < 0) return [];
  const end = page.indexOf(' -->', start);
  try {
    return JSON.parse(page.slice(start + DATA_PREFIX.length, end)) as SizeResult[];
  } catch {
    return [];
  }
}

/**
 * Returns `page` with its results block replaced by a table of `results` merged with the
 * stored results of other sizes. A page without the block markers gets the block appended.
 */
export function updateBenchmarksPage(page: string, results: readonly SizeResult[]): string {
  const measured = new Set(results.map((result) => result.label));
  const merged = [...readStoredResults(page).filter((result) => !measured.has(result.label)), ...results];

  // `-->` cannot occur in JSON.stringify output except inside strings; escape it there.
  const data = JSON.stringify(merged).replaceAll('-->', '--\\u003e');
  const block = [START, renderTable(merged), '', 'Command and machine of each column:', '', renderProvenance(merged), '', `${DATA_PREFIX}${data} -->`, END].join('\n');

  const start = page.indexOf(START);
  const end = page.indexOf(END);
  if (start < 0 || end < start) return `${page.trimEnd()}\n\n${block}\n`;
  return page.slice(0, start) + block + page.slice(end + END.length);
}
