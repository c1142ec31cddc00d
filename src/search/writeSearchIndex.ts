// Writes the search manifest and its shards, building the shards on a worker thread when the
// catalog is large enough to repay starting one, so that the main thread renders pages meanwhile.
import { access } from 'node:fs/promises';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { workerBundle } from '../worker/workerBundle.ts';
import type { Catalog } from '../catalog/types.ts';
import { planSearchShards, type PreparedShard } from './buildSearchFile.ts';
import { contentHash, writeShardFile, writeWithCompressedCopies } from './shardFiles.ts';
import type { ShardRequest, ShardResponse } from './shardWorker.ts';
import { SEARCH_MANIFEST_FILE, type SearchManifest } from './searchStore.ts';

/**
 * From this many entries to build, the shards are built on a worker thread. Below it, bundling
 * and starting the worker costs about as much CPU as building the shards on the main thread: at
 * 1,000 generated entries the worker added 0.6 s of CPU to a whole build, and building the
 * shards on the main thread took 0.6 s (medians of 3, Node 20, a loaded 2-core machine).
 */
export const SEARCH_WORKER_THRESHOLD = 2000;

/** Shards handed to the worker before the first is written: enough to keep it busy, few enough to bound memory. */
const SHARDS_IN_FLIGHT = 2;

export interface SearchIndexOptions {
  /** Build the shards on a worker thread; default: from SEARCH_WORKER_THRESHOLD entries to build. */
  worker?: boolean | undefined;
  /**
   * Shard file names by a hash of the shard's number and entries, from earlier calls; updated by
   * this call. Under --watch or --serve it lets a rebuild build only the shards of the lists
   * whose entries changed.
   */
  reuse?: Map<string, string> | undefined;
}

/** The files writeSearchIndex wrote, named relative to the asset folder. */
export interface WrittenSearchIndex {
  /** The manifest: always SEARCH_MANIFEST_FILE. */
  manifest: string;
  /** The shard files, in the manifest's order. */
  shards: string[];
  /** Every file written, compressed copies included. */
  files: string[];
}

/** Builds and writes one shard; returns its file name. */
type ShardWriter = (prepared: PreparedShard, number: number) => Promise<string>;

/**
 * Builds the shards of `catalog` and writes them and the manifest into `assetDir` (which must
 * exist), each with a gzip and a brotli copy. With `options.reuse`, a shard whose entries are
 * those of a shard written before is not built again. Rejects with an Error that names the
 * worker when the worker fails or stops, and with the file system's error when a write fails.
 */
export async function writeSearchIndex(assetDir: string, catalog: Catalog, options: SearchIndexOptions = {}): Promise<WrittenSearchIndex> {
  const plan = planSearchShards(catalog);
  const count = plan.manifest.shards.length;
  const names: string[] = new Array(count);
  const keys: string[] = [];
  let toBuild = plan.manifest.shards.map((_, number) => number);
  let prepare = plan.prepare;

  if (options.reuse) {
    const reuse = options.reuse;
    const prepared = toBuild.map((number) => plan.prepare(number));
    prepared.forEach((shard, number) => keys.push(contentHash(`${number}\n${JSON.stringify(shard)}`)));
    const reused = await Promise.all(keys.map((key) => reusableShard(assetDir, reuse.get(key))));
    reused.forEach((name, number) => {
      if (name !== undefined) names[number] = name;
    });
    toBuild = toBuild.filter((number) => names[number] === undefined);
    prepare = (number) => prepared[number]!;
  }

  const entriesToBuild = toBuild.reduce((sum, number) => sum + plan.manifest.shards[number]!.entries, 0);
  const useWorker = options.worker ?? entriesToBuild >= SEARCH_WORKER_THRESHOLD;
  const worker = useWorker && toBuild.length > 0 ? startShardWorker(await bundleWorker(), assetDir) : undefined;
  const write: ShardWriter = worker?.write ?? ((prepared, number) => writeShardFile(assetDir, prepared, number));

  try {
    let next = 0;
    const writeNext = async (): Promise<void> => {
      for (let number = toBuild[next++]; number !== undefined; number = toBuild[next++]) {
        names[number] = await write(prepare(number), number);
      }
    };
    await Promise.all(Array.from({ length: Math.min(worker ? SHARDS_IN_FLIGHT : 1, toBuild.length) }, writeNext));
  } finally {
    await worker?.stop();
  }

  if (options.reuse) {
    options.reuse.clear();
    keys.forEach((key, number) => options.reuse!.set(key, names[number]!));
  }

  const manifest: SearchManifest = { ...plan.manifest, shards: plan.manifest.shards.map((shard, number) => ({ ...shard, file: names[number]! })) };
  await writeWithCompressedCopies(path.join(assetDir, SEARCH_MANIFEST_FILE), Buffer.from(JSON.stringify(manifest)));

  const files = [SEARCH_MANIFEST_FILE, ...names].flatMap((name) => [name, `${name}.gz`, `${name}.br`]);
  return { manifest: SEARCH_MANIFEST_FILE, shards: names, files };
}

/** Returns `name` when the shard file and both its compressed copies are in `assetDir`. */
async function reusableShard(assetDir: string, name: string | undefined): Promise<string | undefined> {
  if (name === undefined) return undefined;
  const present = await Promise.all([name, `${name}.gz`, `${name}.br`].map((file) => access(path.join(assetDir, file)).then(() => true, () => false)));
  return present.every(Boolean) ? name : undefined;
}

/**
 * Starts a worker thread that runs `code` (bundleWorker's shardWorker.ts). `write` posts one shard and resolves with its
 * file name; every pending and later `write` rejects once the worker fails or stops. `stop`
 * ends the worker.
 */
function startShardWorker(code: string, assetDir: string): { write: ShardWriter; stop: () => Promise<void> } {
  const worker = new Worker(code, { eval: true });
  const pending = new Map<number, { resolve: (name: string) => void; reject: (error: Error) => void }>();
  let failure: Error | undefined;
  let nextId = 0;

  const fail = (error: Error) => {
    failure ??= error;
    for (const request of pending.values()) request.reject(failure);
    pending.clear();
  };
  worker.on('message', (response: ShardResponse) => {
    const request = pending.get(response.id);
    pending.delete(response.id);
    if ('error' in response) request?.reject(new Error(`the search index worker failed: ${response.error}`));
    else request?.resolve(response.name);
  });
  worker.on('error', (error) => fail(new Error(`the search index worker failed: ${error.message}`, { cause: error })));
  worker.on('exit', (code) => fail(new Error(`the search index worker stopped with exit code ${code}`)));

  return {
    write: (prepared, number) =>
      new Promise((resolve, reject) => {
        if (failure) return reject(failure);
        const id = nextId++;
        pending.set(id, { resolve, reject });
        worker.postMessage({ id, assetDir, number, prepared } satisfies ShardRequest);
      }),
    stop: async () => {
      failure ??= new Error('the search index worker was stopped');
      await worker.terminate();
    },
  };
}

/**
 * shardWorker.ts and the modules it imports as one script. With tsx registered in the worker
 * instead, the worker took about 0.8 s of CPU to start, against 0.15 s for the bundle (Node 20,
 * shipped content, on a loaded 2-core machine).
 */
const bundleWorker = workerBundle(new URL('./shardWorker.ts', import.meta.url));
