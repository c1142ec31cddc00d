// Runs one command as a child process and measures its wall time, CPU time and peak resident memory.
import { spawn } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

export interface CommandRun {
  /** Seconds from spawn to exit, measured in this process. */
  wallSeconds: number;
  /** The largest resident set of any single process of the run, in bytes; undefined when it could not be read. */
  peakRssBytes: number | undefined;
  /**
   * User plus system CPU seconds of the run and its descendants; undefined when it could not be
   * read. Less disturbed than wall time by other work on a busy machine.
   */
  cpuSeconds: number | undefined;
  exitCode: number | null;
  /** The signal that ended the child, such as `SIGKILL` after a timeout. */
  signal: NodeJS.Signals | null;
  timedOut: boolean;
  /** The first 4,000 characters of standard output and standard error, for error messages. */
  outputHead: string;
  /** The last 4,000 characters of standard output and standard error. */
  outputTail: string;
}

export interface CommandOptions {
  cwd: string;
  env?: NodeJS.ProcessEnv;
  /** The child's process group is killed after this many milliseconds. Defaults to 30 minutes. */
  timeoutMs?: number;
  /** Measures through GNU time; defaults to true where /usr/bin/time exists. */
  useGnuTime?: boolean;
}

const GNU_TIME = '/usr/bin/time';

/** Process groups of the commands running now, ended with this process on SIGINT or SIGTERM. */
const runningGroups = new Set<number>();
let signalHandlersInstalled = false;

function endRunningGroupsOnSignal(): void {
  if (signalHandlersInstalled) return;
  signalHandlersInstalled = true;
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      for (const group of runningGroups) {
        try {
          process.kill(-group, 'SIGKILL');
        } catch {
          // The group has already exited.
        }
      }
      process.exit(130);
    });
  }
}

/**
 * Runs `command` with `args` and returns its wall time and peak RSS. Where /usr/bin/time exists,
 * peak memory is GNU time's `%M`: the largest RSS among the child and the descendants it waited
 * for. Elsewhere every Node process of the run reports its own `process.resourceUsage().maxRSS`
 * through NODE_OPTIONS, and the largest is kept. A failing command does not throw, because the
 * exit code and output are in the result.
 */
/** Returns the first `count` lines of a failed run's output that are not stack frames: the error itself. */
export function errorSummary(run: CommandRun, count = 3): string {
  // V8 prints its last garbage collections first; the cause is on a later line.
  const outOfMemory = `${run.outputHead}\n${run.outputTail}`.split('\n').find((line) => line.includes('JavaScript heap out of memory'));
  if (outOfMemory) return outOfMemory.replace(/^.*?FATAL ERROR: /, '').trim();

  const lines = run.outputHead
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !/^(?:\[11ty\]\s*)?at\s/.test(line));
  return lines.slice(0, count).join(' / ');
}

export async function measureCommand(command: string, args: readonly string[], options: CommandOptions): Promise<CommandRun> {
  const scratch = await mkdtemp(path.join(tmpdir(), 'bench-measure-'));
  // An interrupted run exits without reaching `finally`: remove the folder on exit as well.
  const removeOnExit = () => rmSync(scratch, { recursive: true, force: true });
  process.on('exit', removeOnExit);
  try {
    const useGnuTime = options.useGnuTime ?? existsSync(GNU_TIME);
    return useGnuTime ? await runWithGnuTime(command, args, options, scratch) : await runWithNodeReport(command, args, options, scratch);
  } finally {
    process.off('exit', removeOnExit);
    await rm(scratch, { recursive: true, force: true });
  }
}

async function runWithGnuTime(command: string, args: readonly string[], options: CommandOptions, scratch: string): Promise<CommandRun> {
  const report = path.join(scratch, 'time.txt');
  const run = await spawnTimed(GNU_TIME, ['-f', '%M %U %S', '-o', report, command, ...args], options);
  const text = await readFile(report, 'utf8').catch(() => '');

  // GNU time writes "Command exited with non-zero status N" before the figures when the command fails.
  const [kilobytes, user, system] = (text.trim().split('\n').pop() ?? '').split(' ').map(Number);
  const peakRssBytes = kilobytes !== undefined && Number.isFinite(kilobytes) && kilobytes > 0 ? kilobytes * 1024 : undefined;
  const cpuSeconds = user !== undefined && system !== undefined && Number.isFinite(user + system) ? user + system : undefined;
  return { ...run, peakRssBytes, cpuSeconds };
}

async function runWithNodeReport(command: string, args: readonly string[], options: CommandOptions, scratch: string): Promise<CommandRun> {
  const reportFolder = path.join(scratch, 'rss');
  const hook = path.join(scratch, 'report-rss.mjs');
  await writeFile(
    hook,
    [
      "import { mkdirSync, writeFileSync } from 'node:fs';",
      `const folder = ${JSON.stringify(reportFolder)};`,
      "process.on('exit', () => {",
      '  mkdirSync(folder, { recursive: true });',
      '  const usage = process.resourceUsage();',
      '  writeFileSync(`${folder}/${process.pid}`, `${usage.maxRSS} ${usage.userCPUTime + usage.systemCPUTime}`);',
      '});',
      '',
    ].join('\n'),
  );

  const env = { ...(options.env ?? process.env) };
  env.NODE_OPTIONS = `${env.NODE_OPTIONS ?? ''} --import ${hook}`.trim();
  const run = await spawnTimed(command, args, { ...options, env });

  const reports = await readdir(reportFolder).catch(() => [] as string[]);
  let peakKilobytes = 0;
  let cpuMicroseconds = 0;
  for (const name of reports) {
    const [kilobytes, microseconds] = (await readFile(path.join(reportFolder, name), 'utf8')).split(' ').map(Number);
    peakKilobytes = Math.max(peakKilobytes, kilobytes || 0);
    cpuMicroseconds += microseconds || 0;
  }
  return { ...run, peakRssBytes: peakKilobytes > 0 ? peakKilobytes * 1024 : undefined, cpuSeconds: reports.length > 0 ? cpuMicroseconds / 1e6 : undefined };
}

function spawnTimed(command: string, args: readonly string[], options: CommandOptions): Promise<Omit<CommandRun, 'peakRssBytes' | 'cpuSeconds'>> {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    // A process group of its own, so that a timeout ends the whole tree and nothing else.
    const child = spawn(command, args, { cwd: options.cwd, env: options.env ?? process.env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    endRunningGroupsOnSignal();
    if (child.pid !== undefined) runningGroups.add(child.pid);

    let head = '';
    let tail = '';
    const keepOutput = (chunk: Buffer) => {
      const text = chunk.toString('utf8');
      if (head.length < 4000) head = (head + text).slice(0, 4000);
      tail = (tail + text).slice(-4000);
    };
    child.stdout.on('data', keepOutput);
    child.stderr.on('data', keepOutput);

    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
    }, options.timeoutMs ?? 30 * 60_000);

    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (exitCode, signal) => {
      clearTimeout(timer);
      if (child.pid !== undefined) runningGroups.delete(child.pid);
      const wallSeconds = Number(process.hrtime.bigint() - started) / 1e9;
      resolve({ wallSeconds, exitCode, signal, timedOut, outputHead: head, outputTail: tail });
    });
  });
}
