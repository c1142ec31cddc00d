// The 404 page that static hosts (GitHub Pages, Eleventy's dev server) serve for a missing path.
import { html } from '../html.ts';
import { renderPage } from '../layout.ts';
import { siteContext, type SiteData } from '../siteContext.ts';
import { homePath, keywordIndexPath, listPath, notFoundPath } from '../urls.ts';

export const data = {
  permalink: () => notFoundPath(),
  eleventyExcludeFromCollections: true,
};

export function render(data: SiteData): string {
  const context = siteContext(data);

  const main = html`<h1>Page not found</h1>
<p class="lead">There is no page at this address. It may have moved when an entry was renamed.</p>
<p>Try the search box above, or start from one of these pages:</p>
<ul>
<li><a href="${context.url(homePath())}">Home</a></li>
${data.catalog.lists.map((list) => html`<li><a href="${context.url(listPath(list))}">${list.data.title}</a></li>\n`)}<li><a href="${context.url(keywordIndexPath())}">Keywords</a></li>
</ul>`;

  return renderPage(context, {
    meta: { title: 'Page not found', description: 'There is no page at this address.', path: notFoundPath(), kind: 'not-found' },
    breadcrumbs: [],
    main,
  });
}
