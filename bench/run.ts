// `npm run bench -- [--sizes 1k,10k,100k] [--repeat N] [--skip LIST] [--timeout MIN] [--keep] [--no-write]`:
// generates synthetic content of each size, measures the build, `check`, the plain Eleventy
// baseline and the search files, prints a table and records it in docs/BENCHMARKS.md.
import { rmSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os, { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { prepareBaseline } from './baseline.ts';
import { generateContent, parseSize, writeContent, type GeneratedFile } from './generate.ts';
import { describeMachine, formatMachine } from './machine.ts';
import { errorSummary, measureCommand, type CommandRun } from './measure.ts';
import { buildCommand, checkCommand, type ProjectCommand } from './projectCommands.ts';
import { renderTable, sizeLabel, updateBenchmarksPage } from './report.ts';
import { median, type CommandFigures, type Measured, type SizeResult } from './results.ts';
import { measureSearch } from './searchMetrics.ts';
import { measureBrowserSearch } from './browserSearch.ts';
import { measureRebuild } from './rebuild.ts';
import { entryPath } from '../src/site/urls.ts';
import { loadSettings } from '../src/settings/loadSettings.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const PAGE = path.join(ROOT, 'docs', 'BENCHMARKS.md');

const USAGE = `Usage: npm run bench -- [--sizes 1k,10k,100k] [--repeat N] [--seed N] [--keep] [--no-write]

Generates synthetic reading lists of each size and measures the full build, check alone, plain
Eleventy on the same entries, and the search files; prints a table and records it in
docs/BENCHMARKS.md.

  --sizes LIST   comma-separated entry counts such as 1k,10k,100k, or "shipped" for the
                 project's own content/ folder (default: 1k)
  --repeat N     runs of each command per size; figures are medians
                 (default: 5 up to 1k entries, 3 up to 10k, 1 above)
  --seed N       seed of the content generator (default: 1)
  --skip LIST    measurements to leave out: build, check, baseline, search, browser,
                 rebuild
  --timeout MIN  minutes after which one command is stopped and reported as timed out
                 (default: 20)
  --keep         keep the generated folders and print where they are
  --no-write     print the table without updating docs/BENCHMARKS.md`;

/** The default time limit of one command, in minutes; the 100k baseline took about 270 s on a 2-core machine. */
const DEFAULT_TIMEOUT_MINUTES = 20;

/** The query typed in Chromium: a word every generated size and the shipped list contain. */
const BROWSER_QUERY = 'dropout';

type Step = 'build' | 'check' | 'baseline' | 'search' | 'browser' | 'rebuild';

/** A generated size (a number of entries) or the project's own content folder. */
type Workload = number | 'shipped';

interface RunOptions {
  sizes: Workload[];
  repeat: number | undefined;
  seed: number;
  skip: Set<Step>;
  timeoutMs: number;
  keep: boolean;
  write: boolean;
  command: string;
}

async function main(argv: readonly string[]): Promise<number> {
  let options: RunOptions;
  try {
    options = readOptions(argv);
  } catch (error) {
    process.stderr.write(`bench: ${(error as Error).message}\n\n${USAGE}\n`);
    return 2;
  }

  const machine = formatMachine(describeMachine());
  process.stdout.write(`bench: ${machine}\n`);

  const results: SizeResult[] = [];
  for (const size of options.sizes) results.push(await benchSize(size, options, machine));

  process.stdout.write(`\n${renderTable(results)}\n`);
  if (options.write) {
    const page = await readFile(PAGE, 'utf8').catch(() => '# Benchmarks\n');
    await writeFile(PAGE, updateBenchmarksPage(page, results));
    process.stdout.write(`\nbench: recorded in ${path.relative(process.cwd(), PAGE)}\n`);
  }
  return results.some((result) => [result.build, result.check, result.baseline].some((figure) => !figure.ok && figure.reason.startsWith('failed'))) ? 1 : 0;
}

function readOptions(argv: readonly string[]): RunOptions {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      sizes: { type: 'string', default: '1k' },
      repeat: { type: 'string' },
      seed: { type: 'string', default: '1' },
      skip: { type: 'string', default: '' },
      timeout: { type: 'string', default: String(DEFAULT_TIMEOUT_MINUTES) },
      keep: { type: 'boolean', default: false },
      'no-write': { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    process.exit(0);
  }

  const repeat = values.repeat === undefined ? undefined : Number(values.repeat);
  if (repeat !== undefined && (!Number.isInteger(repeat) || repeat < 1)) throw new Error(`invalid --repeat "${values.repeat}": expected a whole number of at least 1`);
  const seed = Number(values.seed);
  if (!Number.isInteger(seed)) throw new Error(`invalid --seed "${values.seed}": expected a whole number`);

  const timeoutMinutes = Number(values.timeout);
  if (!(timeoutMinutes > 0)) throw new Error(`invalid --timeout "${values.timeout}": expected a number of minutes above 0`);

  const steps: Step[] = ['build', 'check', 'baseline', 'search', 'browser', 'rebuild'];
  const skip = new Set(values.skip.split(',').filter((step) => step !== ''));
  for (const step of skip) if (!steps.includes(step as Step)) throw new Error(`invalid --skip "${step}": expected any of ${steps.join(', ')}`);

  return {
    sizes: values.sizes.split(',').map((size): Workload => (size.trim() === 'shipped' ? 'shipped' : parseSize(size))),
    repeat,
    seed,
    skip: skip as Set<Step>,
    timeoutMs: timeoutMinutes * 60_000,
    keep: values.keep,
    write: !values['no-write'],
    command: ['npm run bench --', ...argv].join(' '),
  };
}

function repeatsFor(size: Workload, options: RunOptions): number {
  if (options.repeat !== undefined) return options.repeat;
  if (size === 'shipped' || size <= 1000) return 5;
  return size <= 10_000 ? 3 : 1;
}

/** Reads the project's own content folder in the generator's file form, for the baseline. */
async function shippedFiles(contentDir: string): Promise<GeneratedFile[]> {
  const names = (await readdir(contentDir, { recursive: true }).catch(() => [] as string[])).filter((name) => name.endsWith('.md'));
  const files = await Promise.all(names.sort().map(async (name) => ({ path: name.split(path.sep).join('/'), text: await readFile(path.join(contentDir, name), 'utf8') })));
  return files;
}

async function benchSize(size: Workload, options: RunOptions, machine: string): Promise<SizeResult> {
  const label = size === 'shipped' ? 'shipped' : sizeLabel(size);
  const loadAverage = os.loadavg()[0] ?? 0;
  const folder = await mkdtemp(path.join(tmpdir(), `bench-${label}-`));
  // An interrupted run (SIGINT, SIGTERM) exits without reaching `finally`: remove the folder on exit.
  const removeOnExit = () => rmSync(folder, { recursive: true, force: true });
  if (!options.keep) process.on('exit', removeOnExit);
  const log = (message: string) => process.stdout.write(`bench ${label}: ${message}\n`);

  try {
    const contentDir = size === 'shipped' ? path.join(ROOT, 'content') : path.join(folder, 'content');
    const files = size === 'shipped' ? await shippedFiles(contentDir) : generateContent({ entries: size, seed: options.seed });
    if (size !== 'shipped') await writeContent(files, contentDir);

    const lists = files.filter((file) => file.path.endsWith('/_list.md')).length;
    const entries = files.length - lists;
    const outputDir = path.join(folder, '_site');
    const baseline = await prepareBaseline(files, path.join(folder, 'baseline'));
    const firstArxiv = /^arxiv: "?([^"\s]+)"?$/m.exec(files.find((file) => file.text.includes('\narxiv: '))?.text ?? '')?.[1];
    log(`${entries} entries in ${lists} list(s), work folder ${folder}`);

    const build = buildCommand(ROOT, contentDir, outputDir);
    const check = checkCommand(ROOT, contentDir);
    const baselineCommand: ProjectCommand = { ...baseline, env: process.env, cwd: path.join(folder, 'baseline') };

    const repeats = repeatsFor(size, options);
    const runs: Record<'build' | 'check' | 'baseline', CommandRun[]> = { build: [], check: [], baseline: [] };
    const failures: Partial<Record<'build' | 'check' | 'baseline', string>> = {};

    // Interleaved, so that a slow spell of the machine touches every command alike.
    for (let run = 1; run <= repeats; run++) {
      for (const [name, command] of [['check', check], ['build', build], ['baseline', baselineCommand]] as const) {
        if (options.skip.has(name) || typeof command === 'string' || failures[name]) continue;

        const outcome = await measureCommand(command.command, command.args, { cwd: command.cwd, env: command.env, timeoutMs: options.timeoutMs });
        if (outcome.exitCode !== 0) {
          failures[name] = `failed (${outcome.timedOut ? `timed out after ${options.timeoutMs / 1000} s` : `exit ${outcome.exitCode ?? outcome.signal}`}): ${errorSummary(outcome)}`;
          log(`${name} ${failures[name]}`);
          continue;
        }
        runs[name].push(outcome);
        log(`${name} run ${run}/${repeats}: ${outcome.wallSeconds.toFixed(2)} s wall, ${(outcome.cpuSeconds ?? Number.NaN).toFixed(2)} s CPU, ${Math.round((outcome.peakRssBytes ?? 0) / 2 ** 20)} MiB`);
      }
    }

    const figures = (name: 'build' | 'check' | 'baseline', command: ProjectCommand | string): Measured<CommandFigures> => {
      if (options.skip.has(name)) return { ok: false, reason: 'skipped with --skip' };
      if (typeof command === 'string') return { ok: false, reason: command };
      if (failures[name]) return { ok: false, reason: failures[name] };
      return { ok: true, value: summarise(runs[name]) };
    };

    let search: SizeResult['search'] = { ok: false, reason: 'skipped with --skip' };
    if (!options.skip.has('search')) {
      // A build that failed after writing the search files (as the 100k build did, out of heap)
      // still shows their size and speed.
      const attempted = runs.build.length > 0 || failures.build !== undefined;
      search = attempted ? await measureSearch(ROOT, outputDir, firstArxiv ? [firstArxiv] : []) : { ok: false, reason: 'no build to measure' };
      if (search.ok) log(`slowest queries: ${(search.value.slowestQueries ?? []).map(([query, milliseconds]) => `"${query}" ${milliseconds.toFixed(1)} ms`).join(', ')}`);
    }

    let browser: SizeResult['browser'] = { ok: false, reason: 'skipped with --skip' };
    if (!options.skip.has('browser')) {
      browser = runs.build.length > 0 ? await measureBrowserSearch(outputDir, loadSettings(ROOT).pathPrefix, BROWSER_QUERY) : { ok: false, reason: 'no successful build to measure' };
      if (browser.ok) log(`first result in Chromium after ${Math.round(browser.value.firstResultMilliseconds)} ms`);
    }

    let rebuild: SizeResult['rebuild'] = { ok: false, reason: 'skipped with --skip' };
    if (!options.skip.has('rebuild')) rebuild = await measureWatchedRebuild(build, files, contentDir, outputDir);
    if (rebuild.ok) log(`edited entry shown after ${Math.round(rebuild.value.milliseconds)} ms`);

    return {
      label,
      entries,
      lists,
      date: new Date().toISOString(),
      command: options.command,
      machine,
      loadAverage,
      repeats,
      build: figures('build', build),
      check: figures('check', check),
      baseline: figures('baseline', baselineCommand),
      search,
      browser,
      rebuild,
    };
  } finally {
    process.off('exit', removeOnExit);
    if (options.keep) log(`kept ${folder}`);
    else await rm(folder, { recursive: true, force: true });
  }
}

/** Runs the watched-rebuild measurement on the first entry whose title can be edited in place. */
async function measureWatchedRebuild(build: ProjectCommand | string, files: readonly GeneratedFile[], contentDir: string, outputDir: string): Promise<NonNullable<SizeResult['rebuild']>> {
  if (typeof build === 'string') return { ok: false, reason: build };

  const target = files.find((file) => !file.path.endsWith('/_list.md') && /^title: [^"'\n]+$/m.test(file.text));
  if (!target) return { ok: false, reason: 'no entry has an unquoted one-line title to edit' };

  const [listId = '', name = ''] = target.path.split('/');
  const pageFile = path.join(outputDir, entryPath({ listId, slug: name.replace(/\.md$/, '') }), 'index.html');
  const result = await measureRebuild(build, path.join(contentDir, target.path), pageFile);
  return result;
}

function summarise(runs: readonly CommandRun[]): CommandFigures {
  const peaks = runs.map((run) => run.peakRssBytes).filter((peak): peak is number => peak !== undefined);
  const cpu = runs.map((run) => run.cpuSeconds).filter((seconds): seconds is number => seconds !== undefined);
  return {
    wallSeconds: median(runs.map((run) => run.wallSeconds)),
    cpuSeconds: cpu.length > 0 ? median(cpu) : undefined,
    peakRssBytes: peaks.length > 0 ? median(peaks) : undefined,
    allWallSeconds: runs.map((run) => run.wallSeconds),
    firstRun: runs[0] === undefined ? undefined : { wallSeconds: runs[0].wallSeconds, cpuSeconds: runs[0].cpuSeconds },
  };
}

process.exitCode = await main(process.argv.slice(2));
