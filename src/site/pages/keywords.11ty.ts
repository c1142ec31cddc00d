// The keyword index: every keyword A to Z with its number of entries.
import { homeCrumb } from '../breadcrumbTrail.ts';
import { html } from '../html.ts';
import { groupKeywordsByInitial } from '../keywordGroups.ts';
import { renderPage } from '../layout.ts';
import { renderCount } from '../sectionTree.ts';
import { siteContext, type SiteData } from '../siteContext.ts';
import { keywordIndexPath, keywordPath } from '../urls.ts';

export const data = {
  permalink: () => keywordIndexPath(),
  eleventyExcludeFromCollections: true,
};

export function render(data: SiteData): string {
  const context = siteContext(data);
  const groups = groupKeywordsByInitial(data.catalog.keywords);

  const main = html`<h1>Keywords</h1>
<p class="lead">${data.catalog.keywords.length} keywords, A to Z, each with the number of entries that carry it.</p>
${groups.length > 0 ? html`<nav class="letter-nav" aria-label="Initials">
<ul>${groups.map((group) => html`<li><a href="#${group.id}">${group.label}</a></li>`)}</ul>
</nav>` : ''}
${groups.map(
  (group) => html`<section class="keyword-group" aria-labelledby="${group.id}">
<h2 id="${group.id}">${group.label}</h2>
<ul class="keyword-index">
${group.keywords.map((keyword) => html`<li><a href="${context.url(keywordPath(keyword))}">${keyword.term}</a> ${renderCount(keyword.entries.length)}</li>\n`)}</ul>
</section>
`,
)}`;

  return renderPage(context, {
    meta: { title: 'Keywords', description: `Every keyword of ${data.settings.title}, A to Z.`, path: keywordIndexPath(), kind: 'keywords' },
    breadcrumbs: [homeCrumb()],
    main,
  });
}
