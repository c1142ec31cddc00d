// The file writer, on the calling thread and with a worker: the same bytes in every file, folders
// created or found, files written by the calling thread once the worker is behind, and write
// errors that name the file.
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { FileWriteError, startFileWriter, type FileWriterOptions } from '../../src/write/fileWriter.ts';

const folders: string[] = [];
after(() => Promise.all(folders.map((folder) => rm(folder, { recursive: true, force: true }))));

async function temporaryFolder(): Promise<string> {
  const folder = await mkdtemp(path.join(tmpdir(), 'file-writer-'));
  folders.push(folder);
  return folder;
}

/** Files of several sizes and scripts: empty, multi-byte UTF-8, larger than one batch of the worker, and many that end a batch part-way. */
function sampleFiles(root: string): [string, string][] {
  const files: [string, string][] = [
    [path.join(root, 'index.html'), '<p>home</p>\n'],
    [path.join(root, 'empty.txt'), ''],
    [path.join(root, 'a', 'b', 'c', 'index.html'), 'Réseaux 深度学习 😀 t-SNE\n'],
    [path.join(root, 'large', 'index.html'), 'é'.repeat(600_000)],
    [path.join(root, 'emoji', 'index.html'), `<p>${'😀'.repeat(300_000)}</p>`],
  ];
  for (let index = 0; index < 300; index++) files.push([path.join(root, 'list', `entry-${index}`, 'index.html'), `entry ${index} ${'x'.repeat(index * 37)}\n`]);
  return files;
}

/** A folder name longer than the 255 bytes that Linux file systems take. */
const LONG_NAME = 'x'.repeat(300);

const modes: [string, FileWriterOptions][] = [
  ['calling thread', { worker: false }],
  ['worker', { worker: true }],
  ['worker behind', { worker: true, maxBytesInFlight: 1 }],
];

describe('startFileWriter', () => {
  for (const [name, options] of modes) {
    it(`writes every file's bytes (${name})`, async () => {
      const root = await temporaryFolder();
      const files = sampleFiles(root);
      const writer = await startFileWriter(options);

      for (const [file, content] of files) writer.write(file, content);
      await writer.close();

      for (const [file, content] of files) assert.equal(await readFile(file, 'utf8'), content, file);
    });

    it(`replaces files in existing folders (${name})`, async () => {
      const root = await temporaryFolder();
      const file = path.join(root, 'list', 'entry', 'index.html');
      await mkdir(path.dirname(file), { recursive: true });
      await writeFile(file, 'an older and longer page\n');
      const writer = await startFileWriter(options);

      writer.write(file, 'new\n');
      await writer.close();

      assert.equal(await readFile(file, 'utf8'), 'new\n');
    });

    it(`rejects with the file that failed (${name})`, async () => {
      const root = await temporaryFolder();
      const written = path.join(root, 'written', 'index.html');
      // A folder name over 255 bytes makes mkdir fail with ENAMETOOLONG.
      const failing = path.join(root, LONG_NAME, 'page', 'index.html');
      const writer = await startFileWriter(options);

      const failure = await (async () => {
        writer.write(written, 'kept\n');
        writer.write(failing, 'lost\n');
        await writer.close();
      })().catch((error: unknown) => error);

      assert.ok(failure instanceof FileWriteError, String(failure));
      assert.equal(failure.path, failing);
      assert.equal(failure.code, 'ENAMETOOLONG');
      assert.match(failure.message, /^failed to write .*x\/page\/index\.html: ENAMETOOLONG/);
      assert.equal(await readFile(written, 'utf8'), 'kept\n');
    });
  }

  it('throws on write once the worker has reported a failure', async () => {
    const root = await temporaryFolder();
    const writer = await startFileWriter({ worker: true });

    // A file larger than one batch is sent to the worker at once.
    writer.write(path.join(root, LONG_NAME, 'index.html'), 'x'.repeat(1100 * 1024));
    await assert.rejects(
      (async () => {
        for (let turn = 0; turn < 1000; turn++) {
          writer.write(path.join(root, `page-${turn}.html`), 'page\n');
          await new Promise((resolve) => setTimeout(resolve, 5));
        }
      })(),
      FileWriteError,
    );
    await assert.rejects(writer.close(), FileWriteError);
  });
});
