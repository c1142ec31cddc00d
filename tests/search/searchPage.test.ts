import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { before, describe, it } from 'node:test';
import * as cheerio from 'cheerio';
import { buildSite } from '../support/builtSite.ts';

const PREFIX = '/reading-lists/';
let $: cheerio.CheerioAPI;
let home: cheerio.CheerioAPI;

before(async () => {
  const site = await buildSite({ contentDir: 'tests/fixtures/search/content', pathPrefix: PREFIX });
  $ = cheerio.load(await readFile(path.join(site, 'search/index.html'), 'utf8'));
  home = cheerio.load(await readFile(path.join(site, 'index.html'), 'utf8'));
});

describe('search page', () => {
  it('says that search needs JavaScript', () => {
    assert.match($('.search-needs-javascript').text(), /needs JavaScript/);
  });

  it('links to the keyword index and the sections', () => {
    const links = $('.search-needs-javascript a')
      .map((_, link) => $(link).attr('href'))
      .get();
    assert.ok(links.includes(`${PREFIX}keywords/`));
    assert.ok(links.includes(`${PREFIX}search-cases/sections/regularization/dropout/`));
  });

  it('hides the results until the script runs', () => {
    assert.notEqual($('.search-app').attr('hidden'), undefined);
    assert.equal($('.search-status').attr('role'), 'status');
  });

  it('loads the search script with the path prefix', () => {
    const source = home('script[type="module"]').attr('src') ?? '';
    assert.match(source, /^\/reading-lists\/assets\/search\/search-[A-Z0-9]+\.js$/);
  });

  it('has a search form that works without JavaScript', () => {
    const form = home('form[role="search"]');
    assert.equal(form.attr('action'), `${PREFIX}search/`);
    assert.equal(form.find('input[name="q"]').attr('id'), home('label[for="site-search-input"]').attr('for'));
  });
});
