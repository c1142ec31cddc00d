// A keyword's page: every entry that carries the keyword, with its section.
import type { CatalogKeyword } from '../../catalog/types.ts';
import { homeCrumb } from '../breadcrumbTrail.ts';
import { renderEntryList } from '../entrySummary.ts';
import { html } from '../html.ts';
import { renderPage } from '../layout.ts';
import { siteContext, type SiteData } from '../siteContext.ts';
import { keywordIndexPath, keywordPath } from '../urls.ts';

/** Renders the page of `keyword`, one of `data.catalog.keywords`. */
export function renderKeywordPage(data: SiteData, keyword: CatalogKeyword): string {
  const context = siteContext(data);
  const count = keyword.entries.length;

  const main = html`<h1><span class="title-kind">Keyword</span> ${keyword.term}</h1>
<p class="list-stats">${count} ${count === 1 ? 'entry' : 'entries'}</p>
${renderEntryList(context, keyword.entries, () => ({ showSection: true }))}`;

  return renderPage(context, {
    meta: { title: `Keyword: ${keyword.term}`, description: `${count} ${count === 1 ? 'entry' : 'entries'} with the keyword ${keyword.term}.`, path: keywordPath(keyword), kind: 'keyword' },
    breadcrumbs: [homeCrumb(), { label: 'Keywords', path: keywordIndexPath() }],
    main,
  });
}
