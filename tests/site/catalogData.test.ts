// The catalog loader of the build: one load per build, and content errors without a stack trace.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { catalogLoader } from '../../src/site/catalogData.ts';
import type { EleventyConfig } from '../../src/site/eleventyConfig.ts';
import { PROJECT_ROOT } from '../support/builtSite.ts';

/** Creates a stand-in for Eleventy's configuration that records event listeners and can fire them. */
function fakeConfig(): { config: EleventyConfig; fire(event: string): void } {
  const listeners = new Map<string, Array<() => unknown>>();
  const config = {
    on(event: string, listener: () => unknown) {
      listeners.set(event, [...(listeners.get(event) ?? []), listener]);
    },
  } as unknown as EleventyConfig;
  return { config, fire: (event) => listeners.get(event)?.forEach((listener) => listener()) };
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
});
