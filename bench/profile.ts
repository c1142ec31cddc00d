// `npx tsx bench/profile.ts [--size 10k] [--seed N] [--top N]`: builds generated content of one
// size under V8's CPU profiler and prints where the build spends its time, by package or
// project file and by function.
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { generateContent, parseSize, writeContent } from './generate.ts';
import { measureCommand } from './measure.ts';
import { buildCommand } from './projectCommands.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** Sums the self time of each sample of one V8 `.cpuprofile` by `keyOf`, in milliseconds. */
export function selfTimes(profile: CpuProfile, keyOf: (node: ProfileNode) => string): Map<string, number> {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const totals = new Map<string, number>();
  profile.samples.forEach((id, index) => {
    const node = byId.get(id);
    if (!node) return;
    const key = keyOf(node);
    totals.set(key, (totals.get(key) ?? 0) + (profile.timeDeltas[index] ?? 0) / 1000);
  });
  return totals;
}

/** Groups a frame by npm package (`@11ty/eleventy`), project file (`src/site/html.ts`), Node internals, or V8's own entries such as `(garbage collector)`. */
export function packageOf(node: ProfileNode): string {
  const url = node.callFrame.url;
  if (url === '') return node.callFrame.functionName || '(native)';
  if (url.startsWith('node:')) return 'node internals';

  const modules = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (modules) return modules[1] ?? url;
  const local = url.replace(/^file:\/\//, '');
  return local.startsWith(ROOT) ? path.relative(ROOT, local) : local;
}

/**
 * Sums self time in milliseconds by the innermost project function on each sample's stack
 * (`renderEntryPage src/site/pages/entryPage.ts`), so that time spent in Node or a package on
 * the project's behalf counts toward the stage that asked for it. Samples with no project frame
 * are keyed by package.
 */
export function projectTimes(profile: CpuProfile): Map<string, number> {
  const parentOf = new Map<number, ProfileNode>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parentOf.set(child, node);
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));

  const keyCache = new Map<number, string>();
  const keyOf = (start: ProfileNode): string => {
    const cached = keyCache.get(start.id);
    if (cached) return cached;
    let key: string | undefined;
    let firstPackage: string | undefined;
    for (let node: ProfileNode | undefined = start; node; node = parentOf.get(node.id)) {
      const owner = packageOf(node);
      if (/^(src|schemas|\.eleventy)/.test(owner)) {
        key = functionOf(node);
        break;
      }
      const isPackage = node.callFrame.url !== '' && !node.callFrame.url.startsWith('node:');
      if (isPackage && firstPackage === undefined) firstPackage = `${owner} (no project frame)`;
    }
    key ??= firstPackage ?? packageOf(start);
    keyCache.set(start.id, key);
    return key;
  };
  return selfTimes(profile, (node) => keyOf(byId.get(node.id) ?? node));
}

/** Sums `byFunction` (keys `name file`) by the file's stage folder: `src/site`, `src/search`, ... */
export function groupByStage(byFunction: Map<string, number>): Map<string, number> {
  const totals = new Map<string, number>();
  for (const [key, milliseconds] of byFunction) {
    const file = /\s((?:src\/[^/]+|schemas|\.eleventy)[^\s]*)$/.exec(key)?.[1];
    const stage = file === undefined ? key.replace(/ \(no project frame\)$/, '') : (/^(src\/[^/]+|schemas|\.eleventy)/.exec(file)?.[1] ?? file);
    totals.set(stage, (totals.get(stage) ?? 0) + milliseconds);
  }
  return totals;
}

// Line numbers are left out because, for files tsx compiled, they point into the compiled code (every project frame showed line 1).
function functionOf(node: ProfileNode): string {
  return `${node.callFrame.functionName || '(anonymous)'} ${packageOf(node).replace(/\?.*$/, '')}`;
}

function printTop(title: string, totals: Map<string, number>, top: number): void {
  const all = [...totals.values()].reduce((sum, value) => sum + value, 0);
  process.stdout.write(`\n${title} (total ${(all / 1000).toFixed(2)} s)\n`);
  for (const [key, milliseconds] of [...totals].sort((a, b) => b[1] - a[1]).slice(0, top)) {
    process.stdout.write(`${(milliseconds / 1000).toFixed(2).padStart(8)} s ${((100 * milliseconds) / all).toFixed(1).padStart(5)}%  ${key}\n`);
  }
}

async function main(argv: readonly string[]): Promise<number> {
  const { values } = parseArgs({
    args: [...argv],
    options: { size: { type: 'string', default: '10k' }, seed: { type: 'string', default: '1' }, top: { type: 'string', default: '25' }, keep: { type: 'boolean', default: false } },
  });
  const entries = parseSize(values.size);
  const folder = await mkdtemp(path.join(tmpdir(), `bench-profile-${entries}-`));

  try {
    await writeContent(generateContent({ entries, seed: Number(values.seed) }), path.join(folder, 'content'));
    const build = buildCommand(ROOT, path.join(folder, 'content'), path.join(folder, '_site'));
    if (typeof build === 'string') {
      process.stderr.write(`profile: ${build}\n`);
      return 1;
    }

    // --cpu-prof is not allowed in NODE_OPTIONS, so the build runs as `node --import tsx` with
    // Eleventy's command line. The build script runs a bundle of the configuration instead
    // (scripts/eleventy.mjs), and a profile of it would place every function in the bundle
    // rather than in its source file. Through tsx the start-up differs, and the catalog is loaded
    // on the main thread, as under `npm start`, instead of on the build script's worker.
    const profiles = path.join(folder, 'profiles');
    const eleventy = path.join(ROOT, 'node_modules', '@11ty', 'eleventy', 'cmd.cjs');
    const args = ['--cpu-prof', `--cpu-prof-dir=${profiles}`, '--import', 'tsx', eleventy, '--config=.eleventy.ts', `--output=${path.join(folder, '_site')}`, '--quiet'];
    const run = await measureCommand(process.execPath, args, { cwd: build.cwd, env: build.env });
    process.stdout.write(`profile: build of ${entries} entries took ${run.wallSeconds.toFixed(2)} s, exit ${run.exitCode}\n`);
    if (run.exitCode !== 0) process.stderr.write(run.outputTail);

    // The loader-hooks thread of tsx writes a profile of its own, mostly idle; the one with the
    // most busy time is the build itself.
    const names = (await readdir(profiles)).filter((name) => name.endsWith('.cpuprofile'));
    let largest: CpuProfile | undefined;
    let largestBusy = -1;
    for (const name of names) {
      const profile = JSON.parse(await readFile(path.join(profiles, name), 'utf8')) as CpuProfile;
      const busy = [...selfTimes(profile, packageOf)].filter(([key]) => key !== '(idle)').reduce((sum, [, value]) => sum + value, 0);
      if (busy > largestBusy) [largest, largestBusy] = [profile, busy];
    }
    if (!largest) {
      process.stderr.write('profile: no .cpuprofile was written\n');
      return 1;
    }

    const top = Number(values.top);
    printTop('Self time by package or project file', selfTimes(largest, packageOf), top);
    printTop('Self time by function', selfTimes(largest, functionOf), top);
    const byFunction = projectTimes(largest);
    printTop('Time by the innermost project function on the stack', byFunction, top);
    printTop('Time by stage (the folder of that function)', groupByStage(byFunction), top);
    return 0;
  } finally {
    if (values.keep) process.stdout.write(`profile: kept ${folder}\n`);
    else await rm(folder, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) process.exitCode = await main(process.argv.slice(2));
