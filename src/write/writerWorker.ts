// Worker thread that creates folders and writes files for fileWriter.ts, one message a batch of
// files. Each batch's bytes arrive in one transferred ArrayBuffer.
import { parentPort } from 'node:worker_threads';
import { writeBatch, type WriteBatch, type WriteBatchResult } from './writeBatch.ts';

/** Folders created or found by this worker, so that each is created once. */
const folders = new Set<string>();

parentPort?.on('message', (batch: WriteBatch) => {
  parentPort?.postMessage(writeBatch(batch, folders) satisfies WriteBatchResult);
});
