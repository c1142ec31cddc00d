import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { parse } from 'yaml';
import { renderJsonSchema, SCHEMA_FILES } from '../../src/cli/schemas.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const FIXTURES = [path.join(ROOT, 'tests/fixtures/new/content'), path.join(ROOT, 'tests/fixtures/links/content')];

/** Returns the frontmatter of every Markdown file under the folders, by kind of file. */
async function frontmatters(folders: string[]) {
  const found: Array<{ file: string; kind: 'entry' | 'list'; data: unknown }> = [];
  for (const folder of folders) {
    for (const name of await readdir(folder, { recursive: true })) {
      if (!name.endsWith('.md')) continue;
      const text = await readFile(path.join(folder, name), 'utf8');
      const yaml = text.split(/^---$/m)[1] ?? '';
      found.push({ file: name, kind: path.basename(name) === '_list.md' ? 'list' : 'entry', data: parse(yaml) });
    }
  }
  return found;
}

function compile(file: string) {
  const ajv = new Ajv2020({ strict: true, allowUnionTypes: true, allErrors: true });
  // `format: date` comes from z.iso.date; its pattern already checks the date.
  ajv.addFormat('date', true);
  const spec = SCHEMA_FILES.find((candidate) => candidate.file === file)!;
  return ajv.compile(JSON.parse(renderJsonSchema(spec)) as object);
}

describe('JSON Schema files', () => {
  for (const spec of SCHEMA_FILES) {
    it(`${spec.file} is up to date`, async () => {
      const committed = await readFile(path.join(ROOT, spec.file), 'utf8').catch(() => '');

      assert.ok(committed === renderJsonSchema(spec), `${spec.file} differs from the zod schema: run "npm run schemas" and commit the result`);
    });
  }

  it('accept the fixture files', async () => {
    const validateEntry = compile('schemas/entry.schema.json');
    const validateList = compile('schemas/list.schema.json');

    for (const { file, kind, data } of await frontmatters(FIXTURES)) {
      const validate = kind === 'entry' ? validateEntry : validateList;
      assert.ok(validate(data), `${file}: ${JSON.stringify(validate.errors)}`);
    }
  });

  it('accept the site settings', async () => {
    const validate = compile('schemas/settings.schema.json');
    const settings = JSON.parse(await readFile(path.join(ROOT, 'site.config.json'), 'utf8')) as unknown;

    assert.ok(validate(settings), JSON.stringify(validate.errors));
  });

  const valid = { title: 'Adam', category: 'optimization' };
  const rejected: Array<[string, object]> = [
    ['an unknown key', { ...valid, tittle: 'x' }],
    ['an unquoted arXiv id', { ...valid, arxiv: 1502.0316 }],
    ['an invalid arXiv id', { ...valid, arxiv: '1502' }],
    ['a javascript: link', { ...valid, links: [{ kind: 'code', url: 'javascript:alert(1)' }] }],
    ['a keyword with a comma', { ...valid, keywords: ['a, b'] }],
    ['a title on two lines', { ...valid, title: 'Adam\nagain' }],
    ['an empty title', { ...valid, title: '  ' }],
    ['a missing category', { title: 'Adam' }],
    ['an invalid date', { ...valid, added: '2024-02-30' }],
  ];
  for (const [name, data] of rejected) {
    it(`reject ${name}`, () => {
      assert.equal(compile('schemas/entry.schema.json')(data), false);
    });
  }

  it('accept what zod trims', () => {
    const validate = compile('schemas/entry.schema.json');

    assert.ok(validate({ ...valid, title: ' Adam ', intro: ['ICLR 2015'], links: [{ kind: 'project page', url: ' https://example.org/a ' }] }), JSON.stringify(validate.errors));
  });
});
