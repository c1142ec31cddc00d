// The search page. The browser script fills in results for the query in the URL. Without
// JavaScript the page explains that search needs it and links to the keyword index and every list's sections.
import { homeCrumb } from '../breadcrumbTrail.ts';
import { html } from '../html.ts';
import { renderPage } from '../layout.ts';
import { renderSectionTree } from '../sectionTree.ts';
import { siteContext, type SiteData } from '../siteContext.ts';
import { keywordIndexPath, listPath, searchPath, sectionPath } from '../urls.ts';

export const data = {
  permalink: () => searchPath(),
  eleventyExcludeFromCollections: true,
};

export function render(data: SiteData): string {
  const context = siteContext(data);

  const main = html`<h1>Search</h1>
<div id="search-page">
<div class="search-needs-javascript">
<p>Search runs in your browser and needs JavaScript, which is off or failed to load. You can still
find every entry through the <a href="${context.url(keywordIndexPath())}">keyword index</a> or the sections below.</p>
${data.catalog.lists.map(
  (list) => html`<h2><a href="${context.url(listPath(list))}">${list.data.title}</a></h2>
${renderSectionTree(list.sections, (section) => context.url(sectionPath(section)))}
`,
)}
</div>
<div class="search-app" hidden>
<p class="search-help">Type words of a title, a keyword or an arXiv id; results update as you type.
Use the arrow keys to move through the results and Enter to open one. Press <kbd>/</kbd> on any page to search.</p>
<div class="search-filters"></div>
<p class="search-status" role="status" aria-live="polite"></p>
<ol class="search-results" aria-label="Search results"></ol>
</div>
</div>`;

  return renderPage(context, {
    meta: { title: 'Search', description: `Search the entries of ${data.settings.title} by title, keyword or arXiv id.`, path: searchPath(), kind: 'search' },
    breadcrumbs: [homeCrumb()],
    main,
  });
}
