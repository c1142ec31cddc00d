// Validates every entry file, sharing the work with worker threads when there are enough files to repay starting them.
import { statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { workerBundle } from '../worker/workerBundle.ts';
import type { ContentFile } from '../read/discoverContent.ts';
import type { ListSectionPaths } from './checkPlacements.ts';
import type { EntryWorkerMessage } from './entryWorker.ts';
import { validateEntryFile, type EntryFileResult } from './validateEntryFile.ts';

/**
 * Below this many files the entries are validated on the calling thread alone, because bundling
 * entryWorker.ts and starting a worker costs more CPU than the second core saves. Measured with
 * loadCatalog on generated content, Node 20, 2 cores that another build kept busy (load 3 to 5),
 * medians of 3, one thread against one worker with the calling thread:
 * - 1,000 files: 0.39 s wall, 0.54 s CPU against 0.78 s, 0.77 s. The worker was not ready before
 *   the calling thread had taken the last batch, so it was stopped without work.
 * - 10,000 files: 3.2 s wall, 3.1 s CPU against 4.2 s, 4.1 s. The one run that found the second
 *   core free took 2.7 s wall, 3.9 s CPU.
 * - 100,000 files (validateEntries alone, 2 runs): 14.7 and 32.8 s wall, 14.4 and 18.2 s CPU
 *   against 13.9 and 14.5 s, 15.8 and 15.7 s.
 * NOTE: the worker costs about 1 s of CPU at 10,000 files and pays only when the second core is
 * free, which these runs rarely had. On an otherwise idle machine the break-even is probably
 * lower than this threshold, but that was not measured.
 */
export const PARALLEL_THRESHOLD = 20000;

/**
 * The largest batch. Smaller content is cut into about BATCHES_PER_THREAD batches a thread, so
 * that the threads finish at about the same time.
 */
const MAX_BATCH_SIZE = 250;
const MIN_BATCH_SIZE = 50;
const BATCHES_PER_THREAD = 8;
const MAX_WORKERS = 3;
/** Batches posted to a worker before it returns results, so that it has work while the calling thread validates a batch of its own. */
const BATCHES_IN_FLIGHT = 2;

export interface ValidateEntriesOptions {
  /**
   * Worker threads that validate batches besides the calling thread. The default is one fewer
   * than the cores, up to 3, for PARALLEL_THRESHOLD files or more, otherwise none.
   */
  workers?: number | undefined;
  /** Called when a worker fails to start or stops; its batches are then validated on the calling thread. */
  onWorkerFailure?: ((error: Error) => void) | undefined;
  /**
   * Results kept from earlier calls, by file; updated by this call. A file whose size,
   * modification time and list sections are unchanged is not read again, so that a rebuild under
   * `npm start` after one edit re-reads one file.
   */
  cache?: EntryResultCache | undefined;
  /**
   * Whether the calling thread validates batches too, rather than only wait for the workers;
   * default true. Tests set it to false to check the workers' results.
   */
  callingThread?: boolean | undefined;
  /** The code that workers run, instead of the bundle of entryWorker.ts; tests use it to make a worker fail. */
  workerCode?: string | undefined;
}

/** The results that validateEntries keeps between calls, by file (see ValidateEntriesOptions.cache). */
export type EntryResultCache = Map<string, { size: number; mtimeMs: number; sections: string; result: EntryFileResult }>;

/**
 * Validates each of `files` with validateEntryFile and returns the results in the order of
 * `files`. Reading, parsing and validating each file take most of the time, so large content is
 * split into batches that the calling thread and worker threads take in turn. The results are
 * the same with or without workers.
 */
export async function validateEntries(
  files: readonly ContentFile[],
  sectionsByList: ReadonlyMap<string, ListSectionPaths>,
  options: ValidateEntriesOptions = {},
): Promise<EntryFileResult[]> {
  if (options.cache) return validateWithCache(files, sectionsByList, options.cache, options);
  const cores = availableParallelism();
  const workerCount = options.workers ?? (files.length >= PARALLEL_THRESHOLD && cores > 1 ? Math.min(cores - 1, MAX_WORKERS) : 0);
  if (workerCount <= 0 || files.length === 0) return files.map((file) => validateEntryFile(file, sectionsByList));

  const batchSize = Math.min(MAX_BATCH_SIZE, Math.max(MIN_BATCH_SIZE, Math.ceil(files.length / ((workerCount + 1) * BATCHES_PER_THREAD))));
  const batches: ContentFile[][] = [];
  for (let start = 0; start < files.length; start += batchSize) batches.push(files.slice(start, start + batchSize));
  const results: (EntryFileResult[] | undefined)[] = new Array(batches.length);
  let next = 0;

  // The calling thread validates batches while the bundle is built and the workers start, and
  // then alongside them. It yields after each batch, so that the workers' messages are received.
  const validateOnCallingThread = async () => {
    while (options.callingThread !== false && next < batches.length) {
      const batch = next++;
      results[batch] = batches[batch]!.map((file) => validateEntryFile(file, sectionsByList));
      await new Promise((resolve) => setImmediate(resolve));
    }
  };

  // A worker gets batches only after its ready message, so that no batch waits for a worker that
  // is still starting. A worker that is not ready when the last batch is taken is stopped.
  const stopIdle: (() => void)[] = [];
  const runWorker = (code: string) =>
    new Promise<void>((resolve) => {
      if (next >= batches.length) return resolve();
      const worker = new Worker(code, { eval: true, workerData: { sectionsByList } });
      let finished = false;
      let inFlight = 0;
      const finish = (error?: Error) => {
        if (finished) return;
        finished = true;
        if (error) options.onWorkerFailure?.(error);
        void worker.terminate();
        resolve();
      };
      stopIdle.push(() => {
        if (inFlight === 0) finish();
      });

      const send = () => {
        while (inFlight < BATCHES_IN_FLIGHT && next < batches.length) {
          const batch = next++;
          inFlight++;
          worker.postMessage({ batch, files: batches[batch] });
        }
        if (inFlight === 0) finish();
      };
      worker.on('message', (message: EntryWorkerMessage) => {
        if ('batch' in message) {
          results[message.batch] = message.results;
          inFlight--;
        }
        send();
      });
      worker.on('error', (error) => finish(error));
      worker.on('exit', (exitCode) => finish(finished ? undefined : new Error(`entry worker stopped with exit code ${exitCode}`)));
    });

  const code = options.workerCode !== undefined ? Promise.resolve(options.workerCode) : bundleWorker();
  const workers = Array.from({ length: workerCount }, () =>
    code.then(runWorker, (error: unknown) => options.onWorkerFailure?.(error instanceof Error ? error : new Error(String(error)))),
  );
  const callingThreadDone = validateOnCallingThread().then(() => {
    if (options.callingThread !== false) for (const stop of stopIdle) stop();
  });
  await Promise.all([callingThreadDone, ...workers]);

  // A batch that a failed worker left unfinished is validated here.
  return batches.flatMap((batch, index) => results[index] ?? batch.map((file) => validateEntryFile(file, sectionsByList)));
}

/**
 * entryWorker.ts and the project modules it imports as one script. Registering tsx in each worker
 * instead took about 0.8 s of CPU. Packages (js-yaml, yaml, zod) stay outside the bundle: with
 * them, the 1.3 MB bundle took esbuild about 0.45 s and the worker 0.2 s to start. Without them,
 * esbuild took 0.06 s and the worker 0.4 s (Node 20, 2 loaded cores).
 */
const bundleWorker = workerBundle(new URL('./entryWorker.ts', import.meta.url), { externalPackages: true });

/** Validates the files that changed since the cache was filled, takes the rest from `cache`, and drops files that are gone. */
async function validateWithCache(
  files: readonly ContentFile[],
  sectionsByList: ReadonlyMap<string, ListSectionPaths>,
  cache: EntryResultCache,
  options: ValidateEntriesOptions,
): Promise<EntryFileResult[]> {
  const sectionKeys = new Map([...sectionsByList].map(([listId, sections]) => [listId, sections.paths.join('\n')]));
  const keys = files.map((file) => {
    const info = statSync(file.absolute, { throwIfNoEntry: false });
    return info ? { size: info.size, mtimeMs: info.mtimeMs, sections: sectionKeys.get(file.listId) ?? '' } : undefined;
  });

  const results: (EntryFileResult | undefined)[] = files.map((file, index) => {
    const key = keys[index];
    const cached = cache.get(file.file);
    const fresh = key && cached && cached.size === key.size && cached.mtimeMs === key.mtimeMs && cached.sections === key.sections;
    return fresh ? cached.result : undefined;
  });

  const changed = files.filter((_file, index) => results[index] === undefined);
  const validated = await validateEntries(changed, sectionsByList, { ...options, cache: undefined });
  let next = 0;
  files.forEach((file, index) => {
    if (results[index] !== undefined) return;
    const result = validated[next++]!;
    results[index] = result;
    const key = keys[index];
    if (key) cache.set(file.file, { ...key, result });
  });

  const present = new Set(files.map((file) => file.file));
  for (const file of cache.keys()) if (!present.has(file)) cache.delete(file);
  return results as EntryFileResult[];
}
