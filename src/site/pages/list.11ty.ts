// A list's page: its whole section tree as a table of contents, then every entry grouped by
// section in the original document's order.
import type { CatalogList } from '../../catalog/types.ts';
import { homeCrumb } from '../breadcrumbTrail.ts';
import { html } from '../html.ts';
import { renderPage } from '../layout.ts';
import { renderListOutputLinks } from '../outputs/listOutputLinks.ts';
import { renderSectionBlock } from '../sectionBlock.ts';
import { renderSectionTree } from '../sectionTree.ts';
import { renderSourceCredit } from '../sourceCredit.ts';
import { siteContext, type SiteData } from '../siteContext.ts';
import { listPath, listSectionPath } from '../urls.ts';

type ListPageData = SiteData & { list: CatalogList };

export const data = {
  pagination: { data: 'catalog.lists', size: 1, alias: 'list', addAllPagesToCollections: false },
  permalink: (data: ListPageData) => listPath(data.list),
  eleventyExcludeFromCollections: true,
};

export function render(data: ListPageData): string {
  const context = siteContext(data);
  const { list } = data;

  const main = html`<h1>${list.data.title}</h1>
<p class="lead">${list.data.description}</p>
${list.body.trim() ? html`<div class="list-body">${context.markdown.block(list.body)}</div>` : ''}
${renderSourceCredit(list)}
<p class="list-stats">${list.entries.length} entries in ${list.sectionsByPath.size} sections.</p>
${renderListOutputLinks(context, list)}
<nav class="toc" aria-labelledby="contents">
<h2 id="contents">Contents</h2>
${renderSectionTree(list.sections, (section) => context.url(listSectionPath(section)))}
</nav>
${list.sections.map((section) => renderSectionBlock(context, section, 2))}`;

  return renderPage(context, {
    meta: { title: list.data.title, description: list.data.description, path: listPath(list), kind: 'list', list },
    breadcrumbs: [homeCrumb()],
    main,
  });
}
