// Every HTML page of the built site passes html-validate's recommended rules.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { HtmlValidate } from 'html-validate';
import { buildSite } from '../support/builtSite.ts';
import { readPages } from './siteFiles.ts';

const validator = new HtmlValidate({
  extends: ['html-validate:recommended'],
  rules: {
    // Entry titles are paper titles, often longer than the 70 characters this search-engine hint allows.
    'long-title': 'off',
    // An aria-label is valid on every element whose role may be named, such as a list of results.
    'aria-label-misuse': ['error', { allowAnyNamable: true }],
  },
});

async function validationErrors(siteDir: string): Promise<{ errors: string[]; pages: number }> {
  const pages = await readPages(siteDir);
  const errors: string[] = [];
  for (const page of pages) {
    const report = await validator.validateString(page.html, page.file);
    for (const result of report.results) {
      for (const message of result.messages) {
        errors.push(`${page.file}:${message.line}:${message.column} ${message.ruleId}: ${message.message}`);
      }
    }
  }
  return { errors, pages: pages.length };
}

describe('HTML validity', () => {
  it('shipped content has no errors', async () => {
    const { errors, pages } = await validationErrors(await buildSite({ contentDir: 'content' }));

    assert.ok(pages > 100, `only ${pages} pages were built`);
    assert.deepEqual(errors, []);
  });

  it('hostile content has no errors', async () => {
    const { errors } = await validationErrors(await buildSite({ contentDir: 'tests/fixtures/site/hostile' }));

    assert.deepEqual(errors, []);
  });

  it('small fixture has no errors', async () => {
    const { errors } = await validationErrors(await buildSite({ contentDir: 'tests/fixtures/site/small' }));

    assert.deepEqual(errors, []);
  });
});
