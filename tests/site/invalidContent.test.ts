// The build refuses invalid content and prints the loader's report instead of a site.
import assert from 'node:assert/strict';
import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { buildSite } from '../support/builtSite.ts';

const BAD_ENTRY = `---
title: A bad entry
category: no-such-section
links:
  - kind: code
    url: javascript:alert(1)
---
`;

describe('build of invalid content', () => {
  it('fails with every problem and no stack trace', async () => {
    const content = await mkdtemp(path.join(tmpdir(), 'reading-lists-invalid-'));
    try {
      await cp('tests/fixtures/site/small', content, { recursive: true });
      await writeFile(path.join(content, 'deep-learning-basics', 'bad-entry.md'), BAD_ENTRY);

      const failure = await buildSite({ contentDir: content }).then(
        () => assert.fail('the build succeeded on invalid content'),
        (error: Error) => error.message,
      );

      assert.match(failure, /the content has errors, so no site was built/);
      assert.match(failure, /bad-entry\.md:3:11 +error +category: unknown section "no-such-section"/);
      assert.match(failure, /bad-entry\.md:6:10 +error +links\[0\]\.url: must be an absolute http/);
      assert.doesNotMatch(failure, /Original error stack trace/);
    } finally {
      await rm(content, { recursive: true, force: true });
    }
  });
});
