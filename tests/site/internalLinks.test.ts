// Every internal link, asset, form action and fragment of the built site resolves, with and
// without a path prefix.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildSite } from '../support/builtSite.ts';
import { fileForPath, readPages, type BuiltPage } from './siteFiles.ts';

const SHIPPED = 'content';

/** The attributes that hold a URL the site itself must serve. */
const URL_ATTRIBUTES = [
  ['a', 'href'],
  ['link', 'href'],
  ['script', 'src'],
  ['img', 'src'],
  ['form', 'action'],
] as const;

interface Broken {
  page: string;
  url: string;
  reason: string;
}

/** Checks every URL of every page; returns the ones that do not resolve, and the number checked. */
async function findBrokenLinks(siteDir: string, prefix: string): Promise<{ broken: Broken[]; checked: number }> {
  const pages = await readPages(siteDir);
  const idsByFile = new Map(pages.map((page) => [page.file, idsOf(page)]));
  const broken: Broken[] = [];
  let checked = 0;

  for (const page of pages) {
    for (const [tag, attribute] of URL_ATTRIBUTES) {
      for (const element of page.$(`${tag}[${attribute}]`).toArray()) {
        const url = page.$(element).attr(attribute) ?? '';
        if (/^[a-z][a-z0-9+.-]*:/i.test(url) || url.startsWith('//')) continue;
        checked += 1;

        const problem = resolve(siteDir, prefix, page, url, idsByFile);
        if (problem) broken.push({ page: page.file, url, reason: problem });
      }
    }
  }
  return { broken, checked };
}

function resolve(siteDir: string, prefix: string, page: BuiltPage, url: string, idsByFile: Map<string, Set<string>>): string | undefined {
  const [withoutFragment = '', fragment] = url.split('#', 2);
  const pathPart = withoutFragment.split('?', 1)[0] ?? '';

  let file = page.file;
  if (pathPart !== '') {
    if (!pathPart.startsWith(prefix)) return `does not start with the path prefix ${prefix}`;
    const found = fileForPath(siteDir, `/${pathPart.slice(prefix.length)}`);
    if (found === undefined) return 'no such file';
    file = found;
  }

  if (fragment !== undefined && fragment !== '' && file.endsWith('.html')) {
    const ids = idsByFile.get(file);
    if (!ids?.has(decodeURIComponent(fragment))) return `no element with id "${fragment}" in ${file}`;
  }
  return undefined;
}

function idsOf(page: BuiltPage): Set<string> {
  return new Set(page.$('[id]').toArray().map((element) => page.$(element).attr('id') ?? ''));
}

describe('internal links of the built site', () => {
  it('resolve without a prefix', async () => {
    const site = await buildSite({ contentDir: SHIPPED, pathPrefix: '/' });
    const { broken, checked } = await findBrokenLinks(site, '/');

    assert.ok(checked > 100, `only ${checked} links were checked`);
    assert.deepEqual(broken, []);
  });

  it('resolve under the prefix /reading-lists/', async () => {
    const site = await buildSite({ contentDir: SHIPPED, pathPrefix: '/reading-lists/' });
    const { broken, checked } = await findBrokenLinks(site, '/reading-lists/');

    assert.ok(checked > 100, `only ${checked} links were checked`);
    assert.deepEqual(broken, []);
  });

  it('resolve on the small fixture list', async () => {
    const site = await buildSite({ contentDir: 'tests/fixtures/site/small', pathPrefix: '/reading-lists/' });
    const { broken } = await findBrokenLinks(site, '/reading-lists/');

    assert.deepEqual(broken, []);
  });
});
