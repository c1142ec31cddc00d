// The catalog loader of the build: one load per build, and content errors without a stack trace.
import assert from 'node:assert/strict';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { catalogLoader } from '../../src/site/catalogData.ts';
import type { EleventyConfig } from '../../src/site/eleventyConfig.ts';
import { PROJECT_ROOT } from '../support/builtSite.ts';

/** Creates a stand-in for Eleventy's configuration that records event listeners and can fire them. */
function fakeConfig(): { config: EleventyConfig; fire(event: string, argument?: unknown): void } {
  const listeners = new Map<string, Array<(argument?: unknown) => unknown>>();
  const config = {
    on(event: string, listener: (argument?: unknown) => unknown) {
      listeners.set(event, [...(listeners.get(event) ?? []), listener]);
    },
  } as unknown as EleventyConfig;
  return { config, fire: (event, argument) => listeners.get(event)?.forEach((listener) => listener(argument)) };
}

describe('catalogLoader', () => {
  it('loads once per build', async () => {
    const { config, fire } = fakeConfig();
    const load = catalogLoader(config, PROJECT_ROOT, 'tests/fixtures/site/small');

    const first = await load();
    const again = await load();
    fire('eleventy.before');
    const next = await load();

    assert.equal(again, first);
    assert.notEqual(next, first);
    assert.equal(next.entries.length, first.entries.length);
  });

  it('marks content errors to print without a stack', async () => {
    const { config } = fakeConfig();
    const load = catalogLoader(config, PROJECT_ROOT, 'tests/fixtures/site/no-such-folder');

    const error = await load().then(
      () => assert.fail('the load succeeded'),
      (caught: Error & { skipOriginalStack?: boolean }) => caught,
    );

    assert.equal(error.skipOriginalStack, true);
    assert.match(error.message, /no-such-folder/);
  });

  it('keeps an early load error for the caller', async () => {
    const { config, fire } = fakeConfig();
    const load = catalogLoader(config, PROJECT_ROOT, 'tests/fixtures/site/no-such-folder');

    // The load fails while nothing awaits it: the failure must wait for the caller, not surface
    // as an unhandled rejection, which fails the test run.
    fire('eleventy.before');
    await new Promise((resolve) => setTimeout(resolve, 50));
    const error = await load().then(
      () => assert.fail('the load succeeded'),
      (caught: Error) => caught,
    );

    assert.match(error.message, /no-such-folder/);
  });

  it('under --serve, reads again only the entry files that changed', async () => {
    const root = await mkdtemp(path.join(tmpdir(), 'catalog-data-'));
    try {
      await cp(path.join(PROJECT_ROOT, 'tests/fixtures/site/small'), path.join(root, 'content'), { recursive: true });
      const { config, fire } = fakeConfig();
      const load = catalogLoader(config, root, 'content');

      fire('eleventy.before', { runMode: 'serve' });
      const first = await load();
      const edited = first.entries[0]!;
      const file = path.join(root, edited.file);
      await writeFile(file, (await readFile(file, 'utf8')).replace(`title: ${edited.data.title}`, 'title: An edited title'));

      fire('eleventy.before', { runMode: 'serve' });
      const next = await load();

      const title = (catalog: typeof first, file: string) => catalog.entries.find((entry) => entry.file === file)?.data.title;
      assert.equal(title(next, edited.file), 'An edited title');
      for (const entry of first.entries.filter((entry) => entry !== edited)) {
        // An unchanged file's validated data is the very object of the first load: it was not read again.
        assert.equal(next.entries.find((other) => other.file === entry.file)?.data, entry.data);
      }
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });
});
