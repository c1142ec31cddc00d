// The handover of a catalog loaded before the configuration ran. `npm run build` starts a worker
// (catalogPreloadWorker.ts) that reads, validates and assembles the catalog while the main thread
// loads Eleventy, on a second core that is otherwise idle then. The first build's catalog loader
// takes the worker's result here. On the 10k bench content the catalog was ready about 0.6 s
// sooner (Node 20, 2 cores), and copying it from the worker took about 60 ms of the main thread.
import path from 'node:path';
import type { Worker } from 'node:worker_threads';
import { loadCatalog } from '../catalog/loadCatalog.ts';
import type { Catalog } from '../catalog/types.ts';

/** The global key under which scripts/eleventy.mjs leaves the worker and its message. The script spells the key out too. */
export const CATALOG_PRELOAD_KEY = Symbol.for('reading-lists.catalogPreload');

/** The worker's one message: the catalog, or none when the content has errors or the load failed. */
export interface CatalogPreloadMessage {
  root: string;
  contentDir: string;
  catalog: Catalog | undefined;
}

/** The worker and its message, left by the build script under CATALOG_PRELOAD_KEY. */
export interface CatalogPreload {
  worker: Worker;
  /** The worker's message, or undefined when the worker failed or stopped without one. */
  message: Promise<CatalogPreloadMessage | undefined>;
}

/**
 * Loads the catalog of `<root>/<contentDir>` for the worker's message. Content with errors, or a
 * load that throws, gives no catalog: the configuration then loads the content again, so that
 * the report and the error are exactly those of a build without the worker.
 */
export async function loadPreloadMessage(root: string, contentDir: string): Promise<CatalogPreloadMessage> {
  try {
    const { catalog } = await loadCatalog(root, { contentDir });
    return { root, contentDir, catalog };
  } catch {
    return { root, contentDir, catalog: undefined };
  }
}

/** Returns whether the build script started a worker that loads the catalog and no build has taken it yet. */
export function hasPreloadedCatalog(): boolean {
  return (globalThis as { [CATALOG_PRELOAD_KEY]?: CatalogPreload })[CATALOG_PRELOAD_KEY] !== undefined;
}

/**
 * Takes the catalog that the build script's worker loads, once per process: resolves to it when
 * the worker loaded `<root>/<contentDir>` without errors, and to undefined when the content had
 * errors, the worker failed, or it loaded another folder. Returns undefined when no worker was
 * started or an earlier call took it.
 */
export function takePreloadedCatalog(root: string, contentDir: string): Promise<Catalog | undefined> | undefined {
  const slot = globalThis as { [CATALOG_PRELOAD_KEY]?: CatalogPreload };
  const preload = slot[CATALOG_PRELOAD_KEY];
  if (preload === undefined) return undefined;
  delete slot[CATALOG_PRELOAD_KEY];

  // The script unrefs the worker, so that a configuration that never gets here does not wait for
  // it. While this build waits for the message, the worker must keep the process alive.
  preload.worker.ref();
  return preload.message.then((message) => {
    if (message === undefined) return undefined;
    const sameFolder = path.resolve(message.root, message.contentDir) === path.resolve(root, contentDir);
    const sameRoot = path.resolve(message.root) === path.resolve(root);
    return sameFolder && sameRoot ? message.catalog : undefined;
  });
}
