// Writing over an earlier build: what an old output folder may hold where a page must go.
import assert from 'node:assert/strict';
import { lstatSync } from 'node:fs';
import { chmod, link, mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { writeFileCreatingFolder } from '../../src/write/writeBatch.ts';

const folders: string[] = [];
after(() => Promise.all(folders.map((folder) => rm(folder, { recursive: true, force: true }))));

async function temporaryFolder(): Promise<string> {
  const folder = await mkdtemp(path.join(tmpdir(), 'write-batch-'));
  folders.push(folder);
  return folder;
}

describe('writeFileCreatingFolder', () => {
  it('replaces a file where a folder goes', async () => {
    const root = await temporaryFolder();
    await writeFile(path.join(root, 'entry'), 'old');

    writeFileCreatingFolder(path.join(root, 'entry', 'index.html'), 'new', new Set());

    assert.equal(await readFile(path.join(root, 'entry', 'index.html'), 'utf8'), 'new');
  });

  it('replaces a folder where a file goes', async () => {
    const root = await temporaryFolder();
    await mkdir(path.join(root, 'entry', 'index.html', 'inner'), { recursive: true });

    writeFileCreatingFolder(path.join(root, 'entry', 'index.html'), 'new', new Set());

    assert.equal(await readFile(path.join(root, 'entry', 'index.html'), 'utf8'), 'new');
  });

  it('replaces a link without writing through it', async () => {
    const root = await temporaryFolder();
    const outside = path.join(await temporaryFolder(), 'victim.txt');
    await writeFile(outside, 'keep');
    await symlink(outside, path.join(root, 'index.html'));

    writeFileCreatingFolder(path.join(root, 'index.html'), 'new', new Set());

    assert.equal(await readFile(outside, 'utf8'), 'keep');
    assert.ok(!lstatSync(path.join(root, 'index.html')).isSymbolicLink());
    assert.equal(await readFile(path.join(root, 'index.html'), 'utf8'), 'new');
  });

  it('leaves other hard links unchanged', async () => {
    const root = await temporaryFolder();
    await writeFile(path.join(root, 'index.html'), 'old page');
    await link(path.join(root, 'index.html'), path.join(root, 'backup.html'));

    writeFileCreatingFolder(path.join(root, 'index.html'), 'new', new Set());

    assert.equal(await readFile(path.join(root, 'backup.html'), 'utf8'), 'old page');
    assert.equal(await readFile(path.join(root, 'index.html'), 'utf8'), 'new');
  });

  it('replaces a read-only file', async () => {
    const root = await temporaryFolder();
    await writeFile(path.join(root, 'index.html'), 'old page');
    await chmod(path.join(root, 'index.html'), 0o444);

    writeFileCreatingFolder(path.join(root, 'index.html'), 'new', new Set());

    assert.equal(await readFile(path.join(root, 'index.html'), 'utf8'), 'new');
  });
});
