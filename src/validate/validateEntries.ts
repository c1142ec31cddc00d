// Validates every entry file, on worker threads when there are enough files to repay starting them.
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { ContentFile } from '../read/discoverContent.ts';
import type { ListSectionPaths } from './checkPlacements.ts';
import { validateEntryFile, type EntryFileResult } from './validateEntryFile.ts';

/** Below this many files the entries are validated on the calling thread. */
export const PARALLEL_THRESHOLD = 4000;

const BATCH_SIZE = 500;
const MAX_WORKERS = 4;

export interface ValidateEntriesOptions {
  /** Worker threads to use; default: one per core up to 4, or none below PARALLEL_THRESHOLD files. */
  workers?: number | undefined;
}

/**
 * Validates each of `files` with validateEntryFile and returns the results in the order of
 * `files`. YAML parsing takes most of the time, so the files are split into batches that
 * worker threads take in turn. If a worker cannot start or fails, the remaining batches are
 * validated on the calling thread; the results are the same either way.
 */
export async function validateEntries(
  files: readonly ContentFile[],
  sectionsByList: ReadonlyMap<string, ListSectionPaths>,
  options: ValidateEntriesOptions = {},
): Promise<EntryFileResult[]> {
  const cores = availableParallelism();
  const workerCount = options.workers ?? (files.length >= PARALLEL_THRESHOLD && cores > 1 ? Math.min(cores, MAX_WORKERS) : 0);
  if (workerCount <= 0) return files.map((file) => validateEntryFile(file, sectionsByList));

  const batches: ContentFile[][] = [];
  for (let start = 0; start < files.length; start += BATCH_SIZE) batches.push(files.slice(start, start + BATCH_SIZE));
  const results: (EntryFileResult[] | undefined)[] = new Array(batches.length);
  let next = 0;

  const runWorker = () =>
    new Promise<void>((resolve) => {
      let worker: Worker;
      try {
        worker = new Worker(new URL('./entryWorker.ts', import.meta.url), { workerData: { sectionsByList } });
      } catch {
        resolve();
        return;
      }

      const send = () => {
        if (next >= batches.length) {
          void worker.terminate();
          resolve();
          return;
        }
        const batch = next++;
        worker.postMessage({ batch, files: batches[batch] });
      };
      worker.on('message', (message: { batch: number; results: EntryFileResult[] }) => {
        results[message.batch] = message.results;
        send();
      });
      // A failed worker leaves its batch unfinished; the calling thread validates it below.
      worker.on('error', () => resolve());
      worker.on('exit', () => resolve());
      send();
    });

  await Promise.all(Array.from({ length: Math.min(workerCount, batches.length) }, runWorker));

  return batches.flatMap((batch, index) => results[index] ?? batch.map((file) => validateEntryFile(file, sectionsByList)));
}
