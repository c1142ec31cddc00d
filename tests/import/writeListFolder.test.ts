import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { StaleFilesError, writeListFolder } from '../../src/import/writeListFolder.ts';

const scratch = mkdtempSync(path.join(tmpdir(), 'write-list-'));
after(() => rmSync(scratch, { recursive: true, force: true }));

const files = [
  { name: '_list.md', text: '---\ntitle: A\n---\n' },
  { name: 'entry.md', text: '---\ntitle: B\n---\n' },
];

describe('writeListFolder', () => {
  it('creates a new folder', async () => {
    const folder = path.join(scratch, 'new', 'list');
    const result = await writeListFolder(folder, files);
    assert.deepEqual(result.written, ['_list.md', 'entry.md']);
    assert.deepEqual(readdirSync(folder).sort(), ['_list.md', 'entry.md']);
    assert.deepEqual(readdirSync(path.dirname(folder)), ['list']);
  });

  it('leaves identical files unchanged', async () => {
    const folder = path.join(scratch, 'same');
    await writeListFolder(folder, files);
    const result = await writeListFolder(folder, files);
    assert.deepEqual(result.written, []);
    assert.deepEqual(result.unchanged, ['_list.md', 'entry.md']);
  });

  it('rejects stale files without replace', async () => {
    const folder = path.join(scratch, 'stale');
    await writeListFolder(folder, files);
    writeFileSync(path.join(folder, 'old.md'), 'old');
    const changed = [{ name: '_list.md', text: 'changed' }, files[1]!];
    await assert.rejects(writeListFolder(folder, changed), (error: unknown) => error instanceof StaleFilesError && error.files.join() === 'old.md');
    assert.equal(readFileSync(path.join(folder, '_list.md'), 'utf8'), files[0]!.text);
  });

  it('removes stale files with replace', async () => {
    const folder = path.join(scratch, 'replace');
    await writeListFolder(folder, files);
    writeFileSync(path.join(folder, 'old.md'), 'old');
    writeFileSync(path.join(folder, 'notes.txt'), 'not Markdown');
    const result = await writeListFolder(folder, files, { replace: true });
    assert.deepEqual(result.removed, ['old.md']);
    assert.equal(existsSync(path.join(folder, 'old.md')), false);
    assert.equal(existsSync(path.join(folder, 'notes.txt')), true);
  });
});
