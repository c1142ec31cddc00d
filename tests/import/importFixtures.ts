// The importer's fixture documents and the options each is imported with, shared by the
// import tests and the round-trip test of the export.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ImportOptions } from '../../src/import/importDocument.ts';

export const REPOSITORY_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const FIXTURE_DIR = path.join(REPOSITORY_ROOT, 'tests/fixtures/import');

/** The fixture documents (`*.md`), by name without the extension. */
export function fixtureNames(): string[] {
  return readdirSync(FIXTURE_DIR)
    .filter((name) => name.endsWith('.md'))
    .map((name) => name.slice(0, -3))
    .sort();
}

export function readFixture(name: string): string {
  return readFileSync(path.join(FIXTURE_DIR, `${name}.md`), 'utf8');
}

/** Fixtures whose name starts with `bad-` stop the import or report a problem of their input. */
export function isBadInput(name: string): boolean {
  return name.startsWith('bad-');
}

/** The options a fixture is imported with: a base URL, its `<name>.added.tsv` when there is one, and a source for `blog-style`. */
export function fixtureOptions(name: string): ImportOptions {
  const addedFile = path.join(FIXTURE_DIR, `${name}.added.tsv`);
  const options: ImportOptions = {
    listId: 'fixture',
    source: `tests/fixtures/import/${name}.md`,
    baseUrl: 'https://example.org',
  };
  if (existsSync(addedFile)) options.added = { text: readFileSync(addedFile, 'utf8'), file: `tests/fixtures/import/${name}.added.tsv` };
  if (name === 'blog-style') options.origin = { url: 'https://example.org/2015/10/09/object-detection.md', licence: 'MIT', copyright: 'Copyright (c) 2019 example', revision: 'abc1234' };
  return options;
}
