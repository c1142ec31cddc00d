import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

interface FormElement {
  type: string;
  id?: string;
  attributes: { label?: string; value?: string; options?: Array<{ label: string }> };
  validations?: { required?: boolean };
}

describe('GitHub templates', () => {
  it('issue form is well formed', async () => {
    const form = parse(await readFile(path.join(ROOT, '.github/ISSUE_TEMPLATE/suggest-a-paper.yml'), 'utf8')) as {
      name: string;
      description: string;
      body: FormElement[];
    };
    const ids = form.body.flatMap((element) => (element.id === undefined ? [] : [element.id]));

    assert.equal(form.name, 'Suggest a paper');
    assert.ok(form.description.length > 0);
    assert.equal(new Set(ids).size, ids.length, 'element ids are unique');
    for (const element of form.body) {
      assert.ok(['markdown', 'input', 'textarea', 'dropdown', 'checkboxes'].includes(element.type), `known type ${element.type}`);
      if (element.type !== 'markdown') assert.ok(element.attributes.label, `${element.id} has a label`);
    }
    assert.deepEqual(form.body.filter((element) => element.validations?.required).map((element) => element.id), ['title', 'link', 'list']);
  });

  it('pull request template names the check', async () => {
    const template = await readFile(path.join(ROOT, '.github/PULL_REQUEST_TEMPLATE.md'), 'utf8');

    assert.match(template, /npm run check/);
    assert.match(template, /CONTRIBUTING\.md/);
  });
});
