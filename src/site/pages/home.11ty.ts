// The home page: every list with its section tree and entry counts, and the recently added entries.
import { recentlyAddedAcrossLists } from '../../outputs/atomFeed.ts';
import { renderEntryList } from '../entrySummary.ts';
import type { Catalog } from '../../catalog/types.ts';
import { html, type SafeHtml } from '../html.ts';
import { renderPage } from '../layout.ts';
import { renderSectionTree } from '../sectionTree.ts';
import { siteContext, type SiteContext, type SiteData } from '../siteContext.ts';
import { homePath, keywordIndexPath, listPath, sectionPath } from '../urls.ts';

/** How many recently added entries the home page shows. */
const RECENT_COUNT = 8;

export const data = {
  permalink: () => homePath(),
  eleventyExcludeFromCollections: true,
};

export function render(data: SiteData): string {
  const context = siteContext(data);
  const { catalog, settings } = context;
  const recent = recentlyAddedAcrossLists(catalog, RECENT_COUNT);

  const lists = catalog.lists.map(
    (list) => html`<section class="list-card" aria-labelledby="list-${list.id}">
<h2 id="list-${list.id}"><a href="${context.url(listPath(list))}">${list.data.title}</a></h2>
<p>${list.data.description}</p>
<p class="list-stats">${list.entries.length} entries in ${list.sectionsByPath.size} sections · <a href="${context.url(listPath(list))}">Read the whole list on one page</a></p>
${renderSectionTree(list.sections, (section) => context.url(sectionPath(section)))}
</section>
`,
  );

  const main = html`<h1>${settings.title}</h1>
<p class="lead">${settings.description}</p>
<p>Search above by title words, keyword or arXiv id, or browse a list by section.${renderKeywordIndexSentence(context, catalog)}</p>
${lists}
${recent.length > 0 ? html`<section aria-labelledby="recently-added">
<h2 id="recently-added">Recently added</h2>
${renderEntryList(context, recent, () => ({ showAdded: true, showSection: true }))}
</section>` : ''}`;

  return renderPage(context, {
    meta: { title: settings.title, description: settings.description, path: homePath(), kind: 'home' },
    breadcrumbs: [],
    main,
  });
}

/**
 * Renders the sentence that points to the keyword index, with the number of keywords and of the
 * entries that carry any, because in an imported list often only a few entries have keywords.
 * Renders nothing when no entry has a keyword. The sentence starts with a space.
 */
function renderKeywordIndexSentence(context: SiteContext, catalog: Catalog): SafeHtml | '' {
  const keywordCount = catalog.keywords.length;
  if (keywordCount === 0) return '';

  const entriesWithKeywords = catalog.entries.filter((entry) => (entry.data.keywords ?? []).length > 0).length;
  const total = catalog.entries.length;
  const keywordNoun = keywordCount === 1 ? 'keyword' : 'keywords';
  const entryNoun = total === 1 ? 'entry' : 'entries';
  return html` Browse the <a href="${context.url(keywordIndexPath())}">index of ${keywordCount} ${keywordNoun}</a>, carried by ${entriesWithKeywords} of ${total} ${entryNoun}.`;
}
