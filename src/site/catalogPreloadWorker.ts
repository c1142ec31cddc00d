// Worker thread that loads the catalog while the main thread loads Eleventy. The build script
// (scripts/eleventy.mjs) starts it before anything else, and the configuration takes its message
// through catalogPreload.ts instead of loading the catalog itself.
import { parentPort, workerData } from 'node:worker_threads';
import { loadPreloadMessage } from './catalogPreload.ts';
import { contentFolder } from './contentFolder.ts';

parentPort?.postMessage(await loadPreloadMessage((workerData as { root: string }).root, contentFolder()));
