// Worker thread that validates batches of entry files for validateEntries.
import { parentPort, workerData } from 'node:worker_threads';
import type { ContentFile } from '../read/discoverContent.ts';
import type { ListSectionPaths } from './checkPlacements.ts';
import { validateEntryFile } from './validateEntryFile.ts';

const sectionsByList = workerData.sectionsByList as Map<string, ListSectionPaths>;

parentPort?.on('message', (message: { batch: number; files: ContentFile[] }) => {
  const results = message.files.map((file) => validateEntryFile(file, sectionsByList));
  parentPort?.postMessage({ batch: message.batch, results });
});
