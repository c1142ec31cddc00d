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

/** Makes 1200 entries, one in 7 in an unknown section, and one file whose frontmatter does not parse. */
async function makeEntries() {
  const files: Record<string, string> = {};
  for (let index = 0; index < 1200; index++) {
    const category = index % 7 === 0 ? 'nowhere' : 'tricks';
    files[`training-basics/entry-${index}.md`] = `---\ntitle: Entry ${index}\ncategory: ${category}\narxiv: "1502.${String(10000 + index)}"\n---\nNotes ${index}.\n`;
  }
  files['training-basics/broken.md'] = '---\ntitle: [\n---\n';
  return makeContent(files, { empty: true });
}

describe('validateEntries', () => {
  it('gives the same results on workers', async () => {
    const fixture = await makeEntries();
    try {
      const { entries } = await discoverContent(fixture.root);
      const onThread = await validateEntries(entries, SECTIONS, { workers: 0 });
      const failures: Error[] = [];
      const onWorkers = await validateEntries(entries, SECTIONS, { workers: 2, callingThread: false, onWorkerFailure: (error) => failures.push(error) });
      const shared = await validateEntries(entries, SECTIONS, { workers: 1, onWorkerFailure: (error) => failures.push(error) });
      assert.deepEqual(failures, []);
      assert.equal(onWorkers.length, entries.length);
      assert.deepEqual(onWorkers, onThread);
      assert.deepEqual(shared, onThread);
      assert.equal(onThread.filter((result) => result.entry === undefined).length, 1);
      assert.equal(onThread.flatMap((result) => result.problems).filter((problem) => problem.code === 'unknown-section').length, 172);
    } finally {
      await fixture.remove();
    }
  });

  it('falls back when a worker fails', async () => {
    const fixture = await makeEntries();
    try {
      const { entries } = await discoverContent(fixture.root);
      const onThread = await validateEntries(entries, SECTIONS, { workers: 0 });
      // The first worker fails as it starts. The second posts that it is ready, then fails on its first batch.
      const failing = [
        'throw new Error("no entry worker here")',
        'const { parentPort } = require("node:worker_threads"); parentPort.on("message", () => { throw new Error("no entry worker here"); }); parentPort.postMessage({ ready: true });',
      ];
      for (const workerCode of failing) {
        const failures: Error[] = [];
        const results = await validateEntries(entries, SECTIONS, { workers: 1, callingThread: false, workerCode, onWorkerFailure: (error) => failures.push(error) });
        assert.deepEqual(results, onThread);
        assert.equal(failures.length, 1);
        assert.match(failures[0]!.message, /no entry worker here/);
      }
    } finally {
      await fixture.remove();
    }
  });
});
