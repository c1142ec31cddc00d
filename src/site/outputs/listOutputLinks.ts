// The visible links from a list's page to its feed and downloads (BibTeX, JSON).
import type { CatalogList } from '../../catalog/types.ts';
import { bibtexPath, listEntriesJsonPath, listFeedPath } from '../../outputs/outputPaths.ts';
import { html, type SafeHtml } from '../html.ts';
import type { SiteContext } from '../siteContext.ts';

/** Renders a paragraph linking the list's Atom feed, its BibTeX file and its JSON export. */
export function renderListOutputLinks(context: SiteContext, list: CatalogList): SafeHtml {
  return html`<p class="list-outputs">Follow new entries with the <a href="${context.url(listFeedPath(list))}" type="application/atom+xml">Atom feed</a>. Download the list as <a href="${context.url(bibtexPath(list))}" download>BibTeX</a> or <a href="${context.url(listEntriesJsonPath(list))}" type="application/json">JSON</a>.</p>`;
}
