import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { readContent } from '../../src/read/readContent.ts';
import { formatProblem } from '../../src/problems/format.ts';
import { makeContent } from '../support/contentFixture.ts';

async function readWith(files: Record<string, string | Uint8Array>, setUp?: (fixture: Awaited<ReturnType<typeof makeContent>>) => Promise<void>) {
  const fixture = await makeContent(files);
  try {
    if (setUp) await setUp(fixture);
    const result = await readContent(fixture.root);
    return { documents: result.documents, messages: result.problems.map(formatProblem) };
  } finally {
    await fixture.remove();
  }
}

describe('readContent', () => {
  it('reads list and entry files', async () => {
    const { documents, messages } = await readWith({});
    assert.deepEqual(messages, []);
    const files = documents.map((document) => `${document.kind} ${document.file}`).sort();
    assert.deepEqual(files, [
      'entry content/optimization-notes/adam.md',
      'entry content/training-basics/batch-normalization.md',
      'entry content/training-basics/delving-deep-into-rectifiers.md',
      'entry content/training-basics/gradient-noise.md',
      'entry content/training-basics/layer-normalization.md',
      'entry content/training-basics/rectified-linear-units.md',
      'list content/optimization-notes/_list.md',
      'list content/training-basics/_list.md',
    ]);
    const list = documents.find((document) => document.file === 'content/training-basics/_list.md');
    assert.equal(list?.body, 'Notes on training deep neural networks, gathered from papers and blog posts.');
  });

  it('reports a file over 1 MB', async () => {
    const big = `---\ntitle: Big\ncategory: tricks\n---\n${'a'.repeat(5 * 1024 * 1024)}\n`;
    const { documents, messages } = await readWith({ 'training-basics/big.md': big });
    assert.deepEqual(messages, [
      `content/training-basics/big.md:1:1  error  the file is ${Buffer.byteLength(big).toLocaleString('en-US')} bytes (5 MiB), over the limit of 1,048,576 bytes (1 MiB), so it was not read. Fix: keep an entry short: link to long notes instead of pasting them.`,
    ]);
    assert.equal(documents.some((document) => document.slug === 'big'), false);
  });

  it('reads a file of exactly 1 MiB', async () => {
    const head = '---\ntitle: Größe — 大\ncategory: tricks\n---\n';
    const exact = head + 'a'.repeat(1024 * 1024 - Buffer.byteLength(head));
    const { documents, messages } = await readWith({ 'training-basics/exact.md': exact, 'training-basics/over.md': `${exact}b` });

    assert.deepEqual(messages, [
      'content/training-basics/over.md:1:1  error  the file is 1,048,577 bytes, over the limit of 1,048,576 bytes (1 MiB), so it was not read. Fix: keep an entry short: link to long notes instead of pasting them.',
    ]);
    const read = documents.find((document) => document.slug === 'exact');
    assert.equal((read?.frontmatter?.data as { title?: string } | undefined)?.title, 'Größe — 大');
    assert.equal(read?.body.length, 1024 * 1024 - Buffer.byteLength(head));
  });

  it('gives MiB when it differs from the limit', async () => {
    const head = '---\ntitle: Big\ncategory: tricks\n---\n';
    const size = 1024 * 1024 + 200 * 1024;
    const { messages } = await readWith({ 'training-basics/big.md': head + 'a'.repeat(size - head.length) });
    assert.deepEqual(messages, [
      'content/training-basics/big.md:1:1  error  the file is 1,253,376 bytes (1.2 MiB), over the limit of 1,048,576 bytes (1 MiB), so it was not read. Fix: keep an entry short: link to long notes instead of pasting them.',
    ]);
  });

  it('reports a Latin-1 file', async () => {
    const latin1 = Buffer.from('---\ntitle: Caf\u00e9 au lait\ncategory: tricks\n---\nNotes.\n', 'latin1');
    const { documents, messages } = await readWith({ 'training-basics/cafe.md': latin1 });
    assert.deepEqual(messages, [
      'content/training-basics/cafe.md:2:11  error  the file is not valid UTF-8: the byte 0xE9 is not part of a valid UTF-8 character, so it would show as "\uFFFD" (received title: Caf\\xE9). Fix: save the file as UTF-8 in your editor (if it was saved as Latin-1 or Windows-1252, 0xE9 is "é").',
    ]);
    assert.equal(documents.some((document) => document.slug === 'cafe'), false);
  });

  it('reports a UTF-16 file', async () => {
    const utf16 = Buffer.from('\uFEFF---\ntitle: Sixteen\ncategory: tricks\n---\n', 'utf16le');
    const { documents, messages } = await readWith({ 'training-basics/sixteen.md': utf16 });
    assert.deepEqual(messages, [
      'content/training-basics/sixteen.md:1:1  error  the file is saved as UTF-16 (it starts with a UTF-16 byte order mark), but content files must be UTF-8. Fix: save the file as UTF-8 in your editor.',
    ]);
    assert.equal(documents.some((document) => document.slug === 'sixteen'), false);
  });

  it('reads a UTF-8 BOM and CRLF file', async () => {
    const text = '\uFEFF---\r\ntitle: Größe\r\ncategory: tricks\r\n---\r\nNotes.\r\n';
    const { documents, messages } = await readWith({ 'training-basics/grosse.md': text });
    assert.deepEqual(messages, []);
    const read = documents.find((document) => document.slug === 'grosse');
    assert.deepEqual(read?.frontmatter?.data, { title: 'Größe', category: 'tricks' });
    assert.equal(read?.body, 'Notes.');
  });

  it('reports an empty file', async () => {
    const { documents, messages } = await readWith({ 'training-basics/empty.md': '' });
    assert.deepEqual(messages, [
      'content/training-basics/empty.md:1:1  error  the file is empty. Fix: start the file with frontmatter between two "---" lines, such as "---\\ntitle: ...\\n---".',
    ]);
    assert.equal(documents.find((document) => document.slug === 'empty')?.frontmatter, undefined);
  });

  it('reports a NUL character', async () => {
    const { documents, messages } = await readWith({ 'training-basics/nul.md': '---\ntitle: A\u0000B\ncategory: tricks\n---\n' });
    assert.deepEqual(messages, [
      'content/training-basics/nul.md:2:9  error  the file contains U+0000 (NUL), a character that the pages and feeds would drop or replace. Fix: delete the character or replace it with a space, in an editor that shows invisible characters.',
    ]);
    assert.equal(documents.some((document) => document.slug === 'nul'), false);
  });

  it('reports a file outside list folders', async () => {
    const { messages } = await readWith({ 'adam.md': '---\ntitle: Adam\n---\n' });
    assert.deepEqual(messages, [
      'content/adam.md:1:1  error  the file is not inside a list folder. Fix: move it into the folder of its list, such as content/<list-id>/adam.md.',
    ]);
  });

  it('reports a symlink leaving content', async () => {
    const outside = await mkdtemp(path.join(tmpdir(), 'outside-'));
    try {
      const target = path.join(outside, 'secret.md');
      await writeFile(target, '---\ntitle: Secret\ncategory: tricks\n---\n');
      const { documents, messages } = await readWith({}, (fixture) => fixture.link('training-basics/secret.md', target));
      assert.deepEqual(messages, [
        `content/training-basics/secret.md:1:1  error  the symbolic link points outside the content folder, to ${target}. Fix: replace the link with the file itself.`,
      ]);
      assert.equal(documents.some((document) => document.slug === 'secret'), false);
    } finally {
      await rm(outside, { recursive: true, force: true });
    }
  });

  it('reports a linked folder leaving content', async () => {
    const outside = await mkdtemp(path.join(tmpdir(), 'outside-'));
    try {
      const { messages } = await readWith({}, (fixture) => fixture.link('elsewhere', outside));
      assert.deepEqual(messages, [
        `content/elsewhere:1:1  error  the symbolic link points outside the content folder, to ${outside}. Fix: replace the link with the file or folder itself.`,
      ]);
    } finally {
      await rm(outside, { recursive: true, force: true });
    }
  });

  it('follows a symlink inside content', async () => {
    const { documents, messages } = await readWith({}, (fixture) =>
      fixture.link('training-basics/adam-again.md', path.join(fixture.root, 'content/optimization-notes/adam.md')),
    );
    assert.deepEqual(messages, []);
    const linked = documents.find((document) => document.slug === 'adam-again');
    assert.equal(linked?.file, 'content/training-basics/adam-again.md');
    assert.equal(linked?.listId, 'training-basics');
  });

  it('reports a broken symlink', async () => {
    const { messages } = await readWith({}, (fixture) => fixture.link('training-basics/gone.md', path.join(fixture.root, 'nowhere.md')));
    assert.deepEqual(messages, [
      'content/training-basics/gone.md:1:1  error  the symbolic link points to a missing file, nowhere.md. Fix: replace the link with the file itself, or remove it.',
    ]);
  });

  it('warns about non-Markdown files', async () => {
    const { messages } = await readWith({ 'training-basics/adam.markdown': 'x', 'training-basics/.DS_Store': 'x', '.DS_Store': 'x', 'training-basics/Thumbs.db': 'x' });
    assert.deepEqual(messages, [
      'content/training-basics/adam.markdown:1:1  warning  the file is not read: only .md files are content. Fix: rename it to end in .md if it is an entry, or remove it.',
    ]);
  });

  it('reports a folder inside a list folder', async () => {
    const { messages } = await readWith({ 'training-basics/drafts/adam.md': '---\ntitle: Adam\n---\n' });
    assert.deepEqual(messages, [
      'content/training-basics/drafts:1:1  error  a list folder may not contain folders: entry files sit directly in the list folder. Fix: move the files of this folder into training-basics/ and delete the folder.',
    ]);
  });

  it('reports a list folder name that is not an id', async () => {
    const { messages } = await readWith({ 'My List/_list.md': '---\ntitle: Mine\n---\n' });
    assert.deepEqual(messages, [
      'content/My List:1:1  error  the list folder name "My List" is not a list id: lower-case letters and digits joined by hyphens. Fix: rename the folder to "my-list".',
    ]);
  });

  it('reports a top-level broken symlink', async () => {
    const { messages } = await readWith({}, (fixture) => fixture.link('old-list', path.join(fixture.root, 'content/removed-list')));
    assert.deepEqual(messages, [
      'content/old-list:1:1  error  the symbolic link points to a missing file, content/removed-list. Fix: replace the link with the file or folder itself, or remove it.',
    ]);
  });

  for (const listId of ['keywords', 'search', 'assets']) {
    it(`rejects the reserved list id ${listId}`, async () => {
      const list = '---\ntitle: Mine\ndescription: A list.\nsections:\n  - id: basics\n    title: Basics\n---\n';
      const { documents, messages } = await readWith({ [`${listId}/_list.md`]: list });
      assert.deepEqual(messages, [
        `content/${listId}:1:1  error  the list folder name "${listId}" is reserved: the site uses /${listId}/ for its own pages. Fix: rename the folder, such as to "${listId}-list".`,
      ]);
      assert.ok(documents.some((document) => document.file === `content/${listId}/_list.md`), 'the files of the folder are still read');
    });
  }
});
