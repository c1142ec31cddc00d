// Search files with their gzip and brotli copies: written, and kept when an earlier build wrote
// the same three files.
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, readFile, rm, stat, truncate, utimes, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { writeWithCompressedCopies } from '../../src/search/shardFiles.ts';

const folders: string[] = [];
after(async () => {
  for (const folder of folders) await rm(folder, { recursive: true, force: true });
});

async function newFolder(): Promise<string> {
  const folder = await mkdtemp(path.join(os.tmpdir(), 'shard-files-'));
  folders.push(folder);
  return folder;
}

/** Returns each file's modification time in milliseconds, which a rewrite or a kept file sets anew. */
async function times(files: string[]): Promise<number[]> {
  return Promise.all(files.map(async (file) => (await stat(file)).mtimeMs));
}

const BYTES = Buffer.from(JSON.stringify({ entries: Array.from({ length: 200 }, (_, index) => `entry ${index}`) }));

describe('writeWithCompressedCopies', () => {
  it('writes the file and copies that decompress to it', async () => {
    const file = path.join(await newFolder(), 'shard.json');

    const written = await writeWithCompressedCopies(file, BYTES);

    assert.deepEqual(written, [file, `${file}.gz`, `${file}.br`]);
    assert.deepEqual(await readFile(file), BYTES);
    assert.deepEqual(gunzipSync(await readFile(`${file}.gz`)), BYTES);
    assert.deepEqual(brotliDecompressSync(await readFile(`${file}.br`)), BYTES);
  });

  it('keeps identical copies and sets their times', async () => {
    const file = path.join(await newFolder(), 'shard.json');
    const files = await writeWithCompressedCopies(file, BYTES);
    const past = new Date(Date.now() - 60_000);
    for (const written of files) await utimes(written, past, past);
    // A gzip copy of other bytes than the writer makes, but of the same content: kept.
    const gzipCopy = gzipSync(BYTES, { level: 1 });
    await writeFile(`${file}.gz`, gzipCopy);
    assert.notDeepEqual(gzipCopy, gzipSync(BYTES, { level: 9 }));
    for (const written of files) await utimes(written, past, past);

    await writeWithCompressedCopies(file, BYTES);

    for (const time of await times(files)) assert.ok(time > past.getTime());
    assert.deepEqual(await readFile(`${file}.gz`), gzipCopy);
  });

  it('writes again over a cut copy, a folder or other bytes', async () => {
    const file = path.join(await newFolder(), 'shard.json');
    await writeWithCompressedCopies(file, BYTES);
    await truncate(`${file}.br`, 10);

    await writeWithCompressedCopies(file, BYTES);
    assert.deepEqual(brotliDecompressSync(await readFile(`${file}.br`)), BYTES);

    await writeFile(`${file}.gz`, 'not gzip');
    await writeWithCompressedCopies(file, BYTES);
    assert.deepEqual(gunzipSync(await readFile(`${file}.gz`)), BYTES);

    await rm(`${file}.br`);
    await mkdir(`${file}.br`);
    await writeWithCompressedCopies(file, BYTES);
    assert.deepEqual(brotliDecompressSync(await readFile(`${file}.br`)), BYTES);

    const other = Buffer.from('{"entries":[]}');
    await writeWithCompressedCopies(file, other);
    assert.deepEqual(await readFile(file), other);
    assert.deepEqual(gunzipSync(await readFile(`${file}.gz`)), other);
    assert.deepEqual(brotliDecompressSync(await readFile(`${file}.br`)), other);
  });
});
