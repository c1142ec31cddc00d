// Writes search files with a gzip and a brotli copy beside each, for hosts that serve
// precompressed files, and names shards by content hash. Loaded by the search worker too, so it
// imports no more than building a shard needs.
import { createHash } from 'node:crypto';
import { lstat, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, brotliDecompress, constants, gunzip, gzip } from 'node:zlib';
import { buildShardBytes, type PreparedShard } from './buildSearchFile.ts';

const gzipAsync = promisify(gzip);
const brotliAsync = promisify(brotliCompress);
const gunzipAsync = promisify(gunzip);
const brotliDecompressAsync = promisify(brotliDecompress);

/**
 * Files up to this size get the best compression (gzip level 9, brotli quality 11). Larger files
 * (the shards) get gzip level 6 and brotli quality 5. On a 1.3 MB shard of generated content
 * (Node 20, one core), brotli 11 took 1.4 s and 5 took 30 ms for a file 21% larger. gzip 9 took
 * 96 ms and 6 took 25 ms for a file 3% larger.
 */
const BEST_COMPRESSION_MAX_BYTES = 256_000;

/**
 * Builds shard `number` from `prepared` and writes it to `<assetDir>/shard-<number>-<hash>.json`
 * with its compressed copies. Returns the file name. Rejects when a write fails.
 */
export async function writeShardFile(assetDir: string, prepared: PreparedShard, number: number): Promise<string> {
  const bytes = buildShardBytes(prepared);
  const name = `shard-${number}-${contentHash(bytes)}.json`;
  await writeWithCompressedCopies(path.join(assetDir, name), bytes);
  return name;
}

/**
 * Writes `bytes` to `file`, and `<file>.gz` and `<file>.br` beside it, compressing on libuv's
 * thread pool. Returns the three paths. When an earlier build into the same folder wrote the same
 * three files, they are kept and only their times are set to now, so that the prune after the
 * build keeps them too (src/site/outputFolder.ts). On the 10k bench content that saves about
 * 0.85 s of CPU for the compression, and checking the copies by decompressing them takes about
 * a tenth of that.
 */
export async function writeWithCompressedCopies(file: string, bytes: Buffer): Promise<string[]> {
  const paths = [file, `${file}.gz`, `${file}.br`];
  if (await hasCompressedCopies(file, bytes)) {
    const now = new Date();
    await Promise.all(paths.map((written) => utimes(written, now, now)));
    return paths;
  }

  // A folder in the place of a file, left by something other than a build, would fail the write.
  await Promise.all(paths.map((place) => removeFolder(place)));
  const best = bytes.length <= BEST_COMPRESSION_MAX_BYTES;
  const [gzipped, brotli] = await Promise.all([
    gzipAsync(bytes, { level: best ? 9 : 6 }),
    brotliAsync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: best ? 11 : 5, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length } }),
    writeFile(file, bytes),
  ]);
  await Promise.all([writeFile(`${file}.gz`, gzipped), writeFile(`${file}.br`, brotli)]);
  return paths;
}

/** Deletes `place` when it is a folder. */
async function removeFolder(place: string): Promise<void> {
  const info = await lstat(place).catch(() => undefined);
  if (info?.isDirectory()) await rm(place, { recursive: true, force: true });
}

/**
 * Returns whether `file` contains `bytes` and its `.gz` and `.br` copies decompress to them. A build
 * that stopped while writing them leaves a cut file, which this finds.
 */
async function hasCompressedCopies(file: string, bytes: Buffer): Promise<boolean> {
  try {
    const written = await readFile(file);
    if (!written.equals(bytes)) return false;
    const [gunzipped, unbrotlied] = await Promise.all([readFile(`${file}.gz`).then((data) => gunzipAsync(data)), readFile(`${file}.br`).then((data) => brotliDecompressAsync(data))]);
    return gunzipped.equals(bytes) && unbrotlied.equals(bytes);
  } catch {
    return false;
  }
}

/** Returns the first 10 hex digits of the SHA-256 of `content` (of its UTF-8 bytes when a string). */
export function contentHash(content: string | Uint8Array): string {
  return createHash('sha256').update(content).digest('hex').slice(0, 10);
}
