import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { discoverContent } from '../../src/read/discoverContent.ts';
import { validateEntries } from '../../src/validate/validateEntries.ts';
import type { ListSectionPaths } from '../../src/validate/checkPlacements.ts';
import { makeContent } from '../support/contentFixture.ts';

const SECTIONS = new Map<string, ListSectionPaths>([
  ['training-basics', { paths: ['tricks'], set: new Set(['tricks']) }],
  ['optimization-notes', { paths: ['optimizers'], set: new Set(['optimizers']) }],
]);

describe('validateEntries', () => {
  it('gives the same results on workers', async () => {
    const files: Record<string, string> = {};
    for (let index = 0; index < 1200; index++) {
      const category = index % 7 === 0 ? 'nowhere' : 'tricks';
      files[`training-basics/entry-${index}.md`] = `---\ntitle: Entry ${index}\ncategory: ${category}\narxiv: "1502.${String(10000 + index)}"\n---\nNotes ${index}.\n`;
    }
    files['training-basics/broken.md'] = '---\ntitle: [\n---\n';
    const fixture = await makeContent(files, { empty: true });
    try {
      const { entries } = await discoverContent(fixture.root);
      const onThread = await validateEntries(entries, SECTIONS, { workers: 0 });
      const failures: Error[] = [];
      const onWorkers = await validateEntries(entries, SECTIONS, { workers: 2, onWorkerFailure: (error) => failures.push(error) });
      assert.deepEqual(failures, []);
      assert.equal(onWorkers.length, entries.length);
      assert.deepEqual(onWorkers, onThread);
      assert.equal(onThread.filter((result) => result.entry === undefined).length, 1);
      assert.equal(onThread.flatMap((result) => result.problems).filter((problem) => problem.code === 'unknown-section').length, 172);
    } finally {
      await fixture.remove();
    }
  });
});
