// Worker thread that validates batches of entry files for validateEntries.
import { parentPort, workerData } from 'node:worker_threads';
import type { ContentFile } from '../read/discoverContent.ts';
import type { ListSectionPaths } from './checkPlacements.ts';
import { validateEntryFile, type EntryFileResult } from './validateEntryFile.ts';

/** Message from the worker: ready for batches, or the results of one batch. */
export type EntryWorkerMessage = { ready: true } | { batch: number; results: EntryFileResult[] };

const sectionsByList = workerData.sectionsByList as Map<string, ListSectionPaths>;

parentPort?.on('message', (message: { batch: number; files: ContentFile[] }) => {
  const results = message.files.map((file) => validateEntryFile(file, sectionsByList));
  parentPort?.postMessage({ batch: message.batch, results } satisfies EntryWorkerMessage);
});
parentPort?.postMessage({ ready: true } satisfies EntryWorkerMessage);
