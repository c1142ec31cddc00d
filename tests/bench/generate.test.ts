import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { generateContent, parseSize, writeContent } from '../../bench/generate.ts';
import { loadCatalog } from '../../src/catalog/loadCatalog.ts';

function digest(files: readonly { path: string; text: string }[]): string {
  const hash = createHash('sha256');
  for (const file of files) hash.update(`${file.path}\u0000${file.text}\u0000`);
  return hash.digest('hex');
}

describe('generateContent', () => {
  it('gives identical files for the same seed', () => {
    const first = generateContent({ entries: 300, seed: 7 });
    const second = generateContent({ entries: 300, seed: 7 });
    assert.equal(digest(first), digest(second));
  });

  it('gives different files for another seed', () => {
    assert.notEqual(digest(generateContent({ entries: 300, seed: 7 })), digest(generateContent({ entries: 300, seed: 8 })));
  });

  it('writes one list file and the requested entries', () => {
    const files = generateContent({ entries: 1000 });
    assert.equal(files.filter((file) => file.path.endsWith('/_list.md')).length, 1);
    assert.equal(files.length, 1001);
  });

  it('splits larger sizes into several lists that add up', () => {
    const files = generateContent({ entries: 5000, lists: 4 });
    const listIds = new Set(files.map((file) => file.path.split('/')[0]));
    assert.equal(listIds.size, 4);
    assert.equal(files.length, 5004);
  });

  it('passes check at 1k entries', async () => {
    const root = await mkdtemp(path.join(tmpdir(), 'bench-generate-'));
    try {
      await writeContent(generateContent({ entries: 1000 }), path.join(root, 'content'));
      const { catalog, problems, summary } = await loadCatalog(root);
      assert.deepEqual(problems, []);
      assert.ok(catalog);
      assert.equal(summary.entries, 1000);
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });

  it('quotes every arXiv id', () => {
    const files = generateContent({ entries: 200 });
    const arxivLines = files.flatMap((file) => file.text.split('\n').filter((line) => line.startsWith('arxiv:')));
    assert.ok(arxivLines.length > 0);
    for (const line of arxivLines) assert.match(line, /^arxiv: "\d{4}\.\d{4,5}(?:v\d+)?"$/);
  });

  it('writes the same bytes to disk', async () => {
    const folder = await mkdtemp(path.join(tmpdir(), 'bench-generate-'));
    try {
      const files = generateContent({ entries: 50, seed: 3 });
      await writeContent(files, folder);
      const [listId] = await readdir(folder);
      const names = await readdir(path.join(folder, listId ?? ''));
      assert.equal(names.length, 51);

      const first = files[1];
      assert.ok(first);
      assert.equal(await readFile(path.join(folder, first.path), 'utf8'), first.text);
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });
});

describe('parseSize', () => {
  it('reads k and m suffixes', () => {
    assert.equal(parseSize('1k'), 1000);
    assert.equal(parseSize('100K'), 100_000);
    assert.equal(parseSize('2500'), 2500);
    assert.equal(parseSize('1m'), 1_000_000);
  });

  it('rejects other text', () => {
    assert.throws(() => parseSize('ten'), /invalid size "ten"/);
    assert.throws(() => parseSize('0'), /at least 1 entry/);
  });
});
