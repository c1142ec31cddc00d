// Validates every entry file, on worker threads when there are enough files to repay starting them.
import { statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { ContentFile } from '../read/discoverContent.ts';
import type { ListSectionPaths } from './checkPlacements.ts';
import { validateEntryFile, type EntryFileResult } from './validateEntryFile.ts';

/**
 * Below this many files the entries are validated on the calling thread, because starting
 * workers (each loads tsx, js-yaml, yaml and zod) costs more than it saves. It was measured on 2
 * cores with Node 20 and generated entries, when every file built a `yaml` Document. Then 10,000
 * took 1.3 s on one thread and 1.7 s with 2 workers, and 100,000 took 13 to 14 s on one thread
 * and 9 s with 2 workers. NOTE: since the fast parse, a file costs about half as much, which moves the break-even
 * point up. At 100,000 on 2 cores shared with other work (load average 10), 2 workers took 30 to
 * 33 s of CPU against 22 to 25 s on one thread, and the wall times overlapped (42 to 69 s against
 * 58 to 62 s), so the threshold was left unchanged.
 */
export const PARALLEL_THRESHOLD = 20000;

const BATCH_SIZE = 1000;
const MAX_WORKERS = 4;

export interface ValidateEntriesOptions {
  /** Worker threads to use; default one per core up to 4 for PARALLEL_THRESHOLD files or more, otherwise none. */
  workers?: number | undefined;
  /** Called when a worker fails to start or stops; its batches are then validated on the calling thread. */
  onWorkerFailure?: ((error: Error) => void) | undefined;
  /**
   * Results kept from earlier calls, by file; updated by this call. A file whose size,
   * modification time and list sections are unchanged is not read again, so that a rebuild under
   * `npm start` after one edit re-reads one file.
   */
  cache?: EntryResultCache | undefined;
}

/** The results that validateEntries keeps between calls, by file (see ValidateEntriesOptions.cache). */
export type EntryResultCache = Map<string, { size: number; mtimeMs: number; sections: string; result: EntryFileResult }>;

/**
 * Validates each of `files` with validateEntryFile and returns the results in the order of
 * `files`. Reading, parsing and validating each file take most of the time, so large content is
 * split into batches that worker threads take in turn. The results are the same with or without workers.
 */
export async function validateEntries(
  files: readonly ContentFile[],
  sectionsByList: ReadonlyMap<string, ListSectionPaths>,
  options: ValidateEntriesOptions = {},
): Promise<EntryFileResult[]> {
  if (options.cache) return validateWithCache(files, sectionsByList, options.cache, options);
  const cores = availableParallelism();
  const workerCount = options.workers ?? (files.length >= PARALLEL_THRESHOLD && cores > 1 ? Math.min(cores, MAX_WORKERS) : 0);
  const code = workerCount > 0 ? workerBootstrap() : undefined;
  if (code === undefined) return files.map((file) => validateEntryFile(file, sectionsByList));

  const batches: ContentFile[][] = [];
  for (let start = 0; start < files.length; start += BATCH_SIZE) batches.push(files.slice(start, start + BATCH_SIZE));
  const results: (EntryFileResult[] | undefined)[] = new Array(batches.length);
  let next = 0;

  const runWorker = () =>
    new Promise<void>((resolve) => {
      const worker = new Worker(code, { eval: true, workerData: { sectionsByList } });
      let finished = false;
      const finish = (error?: Error) => {
        if (finished) return;
        finished = true;
        if (error) options.onWorkerFailure?.(error);
        void worker.terminate();
        resolve();
      };

      const send = () => {
        if (next >= batches.length) {
          finish();
          return;
        }
        const batch = next++;
        worker.postMessage({ batch, files: batches[batch] });
      };
      worker.on('message', (message: { batch: number; results: EntryFileResult[] }) => {
        results[message.batch] = message.results;
        send();
      });
      worker.on('error', (error) => finish(error));
      worker.on('exit', (exitCode) => finish(finished ? undefined : new Error(`entry worker stopped with exit code ${exitCode}`)));
      send();
    });

  await Promise.all(Array.from({ length: Math.min(workerCount, batches.length) }, runWorker));

  // A batch that a failed worker left unfinished is validated here.
  return batches.flatMap((batch, index) => results[index] ?? batch.map((file) => validateEntryFile(file, sectionsByList)));
}

/**
 * Returns the code of a worker that registers tsx and loads entryWorker.ts, or undefined when
 * tsx cannot be found. With tsx 4 on Node 20, the loader that `--import tsx` or the tsx command
 * registers does not reach worker threads (a .ts worker fails with ERR_UNKNOWN_FILE_EXTENSION),
 * so each worker registers it itself.
 */
function workerBootstrap(): string | undefined {
  let api: string;
  try {
    api = import.meta.resolve('tsx/esm/api');
  } catch {
    return undefined;
  }
  const worker = new URL('./entryWorker.ts', import.meta.url).href;
  return `import(${JSON.stringify(api)}).then(({ register }) => { register(); return import(${JSON.stringify(worker)}); });`;
}

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
