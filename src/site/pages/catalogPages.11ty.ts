// The pages whose number grows with the content: one per entry, per section and per keyword.
// Eleventy writes none of them. This template hands the build's data to src/site/pageWriter.ts,
// which renders and writes the pages that catalogPages lists after Eleventy's own pages.
import type { PageWriterData, WrittenPage } from '../pageWriter.ts';
import type { SiteData } from '../siteContext.ts';
import { entryPath, keywordPath, sectionPath } from '../urls.ts';
import { renderEntryPage } from './entryPage.ts';
import { renderKeywordPage } from './keywordPage.ts';
import { renderSectionPage } from './sectionPage.ts';

export const data = {
  permalink: false,
  eleventyExcludeFromCollections: true,
};

export function render(data: SiteData & { pageWriter: PageWriterData }): string {
  data.pageWriter.capture(data);
  return '';
}

/**
 * Lists the page of every section of every list (depth first, in document order), every keyword
 * and every entry.
 */
export function* catalogPages(data: SiteData): Generator<WrittenPage> {
  // The render functions are bound rather than written as arrow functions, because tsx compiles
  // with esbuild's keepNames, which names each new arrow function with Object.defineProperty, a
  // cost per page that a bound function does not have.
  const { catalog } = data;
  for (const list of catalog.lists) {
    for (const section of list.sectionsByPath.values()) {
      yield { path: sectionPath(section), render: renderSectionPage.bind(undefined, data, section) };
    }
  }
  for (const keyword of catalog.keywords) {
    yield { path: keywordPath(keyword), render: renderKeywordPage.bind(undefined, data, keyword) };
  }
  for (const entry of catalog.entries) {
    yield { path: entryPath(entry), render: renderEntryPage.bind(undefined, data, entry) };
  }
}
