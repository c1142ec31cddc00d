import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { exportSchema } from '../../schemas/export.ts';
import { buildExport, EXPORT_SCHEMA_FILE, exportJsonSchema, renderEntriesJson, renderExportJsonSchema } from '../../src/outputs/entriesJson.ts';
import { fixtureCatalog, HOSTILE_TITLE, settings } from '../fixtures/outputs/catalog.ts';
import { compileExportSchema } from './exportValidator.ts';

describe('renderEntriesJson', () => {
  const catalog = fixtureCatalog();
  const exported: unknown = JSON.parse(renderEntriesJson(catalog.lists, settings));
  const document = buildExport(catalog.lists, settings);

  it('validates against its JSON Schema', () => {
    const validate = compileExportSchema();
    const valid = validate(exported);
    assert.equal(valid, true, JSON.stringify(validate.errors, null, 2));
  });

  it('validates against its zod schema', () => {
    assert.equal(exportSchema.safeParse(exported).success, true);
  });

  it('has one record per entry, in catalog order', () => {
    assert.deepEqual(
      document.entries.map((entry) => entry.id),
      catalog.entries.map((entry) => `${entry.listId}/${entry.slug}`),
    );
    assert.equal(new Set(document.entries.map((entry) => entry.id)).size, catalog.entries.length);
  });

  it('gives absolute URLs under the path prefix', () => {
    const relu = document.entries.find((entry) => entry.slug === 'deep-learning-using-rectified-linear-units-relu');
    assert.equal(relu?.url, 'https://lists.example.org/reading/deep-learning/deep-learning-using-rectified-linear-units-relu/');
    assert.deepEqual(relu?.section, {
      path: 'activation-functions/relu',
      titles: ['Activation functions', 'ReLU'],
      url: 'https://lists.example.org/reading/deep-learning/sections/activation-functions/relu/',
    });
    assert.deepEqual(relu?.arxiv, { id: '1803.08375', abs: 'https://arxiv.org/abs/1803.08375', pdf: 'https://arxiv.org/pdf/1803.08375' });
  });

  it('keeps the fields of the entry file', () => {
    const hostile = document.entries.find((entry) => entry.slug === 'hostile');
    assert.equal(hostile?.title, HOSTILE_TITLE);
    assert.deepEqual(hostile?.intro, ['</script> & "intro"', 'second line']);
    assert.deepEqual(hostile?.keywords, ['a<b & "c"', 'ReLU']);
    assert.equal(hostile?.notes, 'Notes with <b>markup</b> and {{ template }}.\n');
    assert.equal(hostile?.added, '2018-06-04');
    assert.equal(hostile?.file, 'content/deep-learning/hostile.md');
  });

  it('leaves out absent optional fields', () => {
    const bare = (exported as { entries: Array<Record<string, unknown>> }).entries.find((entry) => entry.slug === 'a-work-without-links-or-date');
    assert.ok(bare);
    assert.equal('added' in bare, false);
    assert.equal('arxiv' in bare, false);
    assert.equal('notes' in bare, false);
    assert.deepEqual(bare.links, []);
  });

  it('exports one list alone', () => {
    const second = catalog.lists[1];
    assert.ok(second);
    const alone = buildExport([second], settings);
    assert.deepEqual(alone.lists.map((list) => list.id), ['second']);
    assert.equal(alone.entries.length, 2);
    assert.equal(compileExportSchema()(alone), true);
  });

  it('is rejected with an unknown field', () => {
    const tampered = structuredClone(document) as { entries: Array<Record<string, unknown>> };
    const first = tampered.entries[0];
    assert.ok(first);
    first.unexpected = true;
    assert.equal(compileExportSchema()(tampered), false);
  });
});

describe('export.schema.json', () => {
  it('matches the zod schema', () => {
    const onDisk = readFileSync(new URL(`../../${EXPORT_SCHEMA_FILE}`, import.meta.url), 'utf8');
    assert.equal(onDisk, renderExportJsonSchema(), 'schemas/export.schema.json is out of date: regenerate it with npm run schemas');
  });

  it('takes an $id when served', () => {
    const schema = exportJsonSchema('https://lists.example.org/reading/entries.schema.json');
    assert.equal(schema.$id, 'https://lists.example.org/reading/entries.schema.json');
    assert.equal(schema.$schema, 'https://json-schema.org/draft/2020-12/schema');
  });
});
