// Worker thread that runs listOldOutput for prepareOldOutputInWorker and posts the OldOutput.
import { parentPort, workerData } from 'node:worker_threads';
import { listOldOutput } from './oldOutputListing.ts';

parentPort?.postMessage(listOldOutput(workerData.target as string));
