// Worker thread that builds and writes search shards for writeSearchIndex, one message a shard.
import { parentPort } from 'node:worker_threads';
import type { PreparedShard } from './buildSearchFile.ts';
import { writeShardFile } from './shardFiles.ts';

/** A shard to build: the folder to write it to, its number and its entries. */
export interface ShardRequest {
  id: number;
  assetDir: string;
  number: number;
  prepared: PreparedShard;
}

/** The file name of the shard written, or the error that stopped it. */
export type ShardResponse = { id: number; name: string } | { id: number; error: string };

parentPort?.on('message', (request: ShardRequest) => {
  writeShardFile(request.assetDir, request.prepared, request.number).then(
    (name) => parentPort?.postMessage({ id: request.id, name } satisfies ShardResponse),
    (error: unknown) => parentPort?.postMessage({ id: request.id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) } satisfies ShardResponse),
  );
});
