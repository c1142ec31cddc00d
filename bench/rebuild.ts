// Measures how long an edited entry takes to reach the built site while the build watches the
// content, as under `npm start` (which adds only the local server).
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { ProjectCommand } from './projectCommands.ts';
import { median, type Measured, type RebuildFigures } from './results.ts';

const EDITS = 3;
const STARTUP_TIMEOUT_MS = 20 * 60_000;
const REBUILD_TIMEOUT_MS = 5 * 60_000;
const POLL_MS = 25;

/**
 * Deletes `pageFile` and starts `build` with `--watch` and without `--quiet`, so that Eleventy
 * prints "Watching…" after each rebuild too. Once the first build has written the page and
 * Eleventy watches, appends a marker to the title in `entryFile` `EDITS` times. After each edit it
 * waits until `pageFile` contains the marker, then for that rebuild to finish.
 * Returns the median time from the write to the page, or the reason it could not be measured.
 * The watcher's process group is always stopped, and `entryFile` is restored.
 */
export async function measureRebuild(build: ProjectCommand, entryFile: string, pageFile: string): Promise<Measured<RebuildFigures>> {
  const original = await readFile(entryFile, 'utf8');
  if (!/^title: [^"'\n]+$/m.test(original)) return { ok: false, reason: `${entryFile} has no unquoted one-line title to edit` };

  // The page left by an earlier build would look like the watching build's first page.
  await rm(pageFile, { force: true });
  const script = (build.args.at(-1) ?? '').replace(/ --quiet\b/, '');
  const child = spawn(build.command, [...build.args.slice(0, -1), `${script} --watch`], {
    cwd: build.cwd,
    env: build.env,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let errors = '';
  // Eleventy prints "Watching…" once its watcher has started and again after each rebuild.
  let watchingLines = 0;
  child.stderr.on('data', (chunk: Buffer) => {
    errors = (errors + chunk.toString('utf8')).slice(-2000);
  });
  for (const stream of [child.stdout, child.stderr]) {
    let partial = '';
    stream.on('data', (chunk: Buffer) => {
      const lines = (partial + chunk.toString('utf8')).split('\n');
      partial = lines.pop() ?? '';
      watchingLines += lines.filter((line) => line.includes('Watching')).length;
    });
  }
  const stopped = () => child.exitCode !== null || child.signalCode !== null;

  try {
    const started = await waitFor(() => watchingLines > 0 && existsSync(pageFile), STARTUP_TIMEOUT_MS, stopped);
    if (!started) return { ok: false, reason: `the watching build wrote no ${path.basename(pageFile)} or never started watching (${errors.trim().split('\n')[0] ?? 'no error output'})` };

    const times: number[] = [];
    for (let edit = 1; edit <= EDITS; edit++) {
      const marker = `Rebuild marker ${edit}`;
      const edited = original.replace(/^title: (.+)$/m, (_line, title: string) => `title: ${title} ${marker}`);
      const watchingBefore = watchingLines;
      const written = performance.now();
      await writeFile(entryFile, edited);

      const seen = await waitFor(async () => (await readFile(pageFile, 'utf8').catch(() => '')).includes(marker), REBUILD_TIMEOUT_MS, stopped);
      if (!seen) return { ok: false, reason: `the page did not show edit ${edit} within ${REBUILD_TIMEOUT_MS / 1000} s` };
      times.push(performance.now() - written);

      // The rest of the rebuild (other pages, search files, exports) would delay the next edit's rebuild.
      const finished = await waitFor(() => watchingLines > watchingBefore, REBUILD_TIMEOUT_MS, stopped);
      if (!finished) return { ok: false, reason: `the rebuild after edit ${edit} did not finish within ${REBUILD_TIMEOUT_MS / 1000} s` };
    }
    return { ok: true, value: { milliseconds: median(times), allMilliseconds: times } };
  } finally {
    await stopGroup(child);
    await writeFile(entryFile, original);
  }
}

/** Stops the watcher's process group: SIGTERM, then SIGKILL if it is still running after 5 s. */
async function stopGroup(child: ReturnType<typeof spawn>): Promise<void> {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  const closed = new Promise<void>((resolve) => child.once('close', () => resolve()));
  process.kill(-child.pid, 'SIGTERM');
  const timer = setTimeout(() => {
    if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
  }, 5000);
  await closed;
  clearTimeout(timer);
}

async function waitFor(condition: () => boolean | Promise<boolean>, timeoutMs: number, failed: () => boolean): Promise<boolean> {
  const deadline = performance.now() + timeoutMs;
  while (performance.now() < deadline) {
    if (await condition()) return true;
    if (failed()) return false;
    await delay(POLL_MS);
  }
  return false;
}

function delay(milliseconds: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, milliseconds));
}
