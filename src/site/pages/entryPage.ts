// An entry's page: title, intro, links, arXiv abstract and PDF, keywords, notes, a BibTeX
// citation to copy, an edit link to its file, and related entries.
import type { CatalogEntry, CatalogKeyword, CatalogList, CatalogSection } from '../../catalog/types.ts';
import { bibtexForEntry } from '../../outputs/bibtex.ts';
import { sectionCrumbs } from '../breadcrumbTrail.ts';
import { arxivLinks, entryLinks } from '../entryLinks.ts';
import { renderEntryList, renderSectionLink } from '../entrySummary.ts';
import { html, type SafeHtml } from '../html.ts';
import { renderPage, type Breadcrumb } from '../layout.ts';
import { relatedEntries } from '../relatedEntries.ts';
import { siteContext, type SiteContext, type SiteData } from '../siteContext.ts';
import { assetPath, entryPath, keywordPath } from '../urls.ts';
/** Renders the page of `entry`, one of `data.catalog.entries`; throws when its list is missing. */
export function renderEntryPage(data: SiteData, entry: CatalogEntry): string {
  const context = siteContext(data);
  const list = data.catalog.lists.find((candidate) => candidate.id === entry.listId);
  if (!list) throw new Error(`${entry.file}: the entry names list "${entry.listId}", which is not in the catalog.`);

  const { title, intro, aliases, added } = entry.data;
  const related = relatedEntries(data.catalog, entry);

  const main = html`<article class="entry">
<h1>${title}</h1>
${aliases ? html`<p class="aliases">Also known as ${aliases.map((alias, index) => html`${index > 0 ? '; ' : ''}<cite>${alias}</cite>`)}</p>` : ''}
${intro ? html`<ul class="intro">${intro.map((line) => html`<li>${context.markdown.inline(line)}</li>`)}</ul>` : ''}
${renderLinks(entry)}
${renderFacts(context, entry)}
${entry.body.trim() ? html`<section class="notes" aria-labelledby="notes"><h2 id="notes">Notes</h2>
${context.markdown.block(entry.body)}</section>` : ''}
<section class="citation" aria-labelledby="cite"><h2 id="cite">Cite</h2>
<pre data-copy><code>${bibtexForEntry(entry)}</code></pre>
</section>
<p class="edit-link"><a href="${editUrl(context, entry)}">Edit this entry</a> (<code>${entry.file}</code>)${added ? html` · Added <time datetime="${added}">${added}</time>` : ''}</p>
</article>
${related.length > 0 ? html`<section class="related" aria-labelledby="related"><h2 id="related">Related entries</h2>
${renderEntryList(context, related, () => ({ showSection: true }))}</section>` : ''}`;

  return renderPage(context, {
    meta: { title, description: describe(entry, list), path: entryPath(entry), kind: 'entry', list, entry },
    breadcrumbs: entryCrumbs(list, entry.section),
    main,
    scripts: [assetPath('copy-citation.js')],
    otherListIds: related.map((relatedEntry) => relatedEntry.listId),
  });
}

function renderLinks(entry: CatalogEntry): SafeHtml {
  const arxiv = arxivLinks(entry);
  const links = entryLinks(entry);
  if (!arxiv && links.length === 0) return html``;

  return html`<section class="links" aria-labelledby="links"><h2 id="links">Links</h2>
<ul class="link-list">
${arxiv ? html`<li><span class="link-kind">arXiv ${arxiv.id}</span> <a href="${arxiv.abstract}">Abstract</a> · <a href="${arxiv.pdf}">PDF</a></li>\n` : ''}${links.map(
    (link) => html`<li><a href="${link.url}">${link.text}</a> <span class="link-host">${link.host}</span>${link.note ? html` <span class="link-note">&mdash; ${link.note}</span>` : ''}</li>\n`,
  )}</ul>
</section>`;
}

/** Renders the entry's details, keywords and sections as a description list. */
function renderFacts(context: SiteContext, entry: CatalogEntry): SafeHtml {
  const sections = [entry.section, ...entry.alsoIn];
  const details = entry.data.details ?? [];

  return html`<dl class="facts">
${details.map((detail) => html`<dt>${detail.key.charAt(0).toUpperCase() + detail.key.slice(1)}</dt><dd>${context.markdown.inline(detail.text)}</dd>\n`)}${entry.keywords.length > 0 ? html`<dt>Keywords</dt><dd><ul class="keyword-list">${entry.keywords.map((keyword) => keywordItem(context, keyword))}</ul></dd>\n` : ''}<dt>${sections.length === 1 ? 'Section' : 'Sections'}</dt><dd><ul class="section-list">${sections.map((section) => html`<li>${renderSectionLink(context, section)}</li>`)}</ul></dd>
</dl>`;
}

const keywordItems = new WeakMap<SiteContext, Map<CatalogKeyword, SafeHtml>>();

/**
 * Returns the keyword's item in an entry's keyword list, rendered once per keyword and context,
 * because every entry that carries the keyword shows it.
 */
function keywordItem(context: SiteContext, keyword: CatalogKeyword): SafeHtml {
  let byKeyword = keywordItems.get(context);
  if (!byKeyword) keywordItems.set(context, (byKeyword = new Map()));
  let item = byKeyword.get(keyword);
  if (!item) {
    item = html`<li><a href="${context.url(keywordPath(keyword))}">${keyword.term}</a></li>`;
    byKeyword.set(keyword, item);
  }
  return item;
}

/** Each section's breadcrumbs, one array for all the entry pages of the section, so that the layout renders them once. */
const crumbsBySection = new WeakMap<CatalogSection, Breadcrumb[]>();

function entryCrumbs(list: CatalogList, section: CatalogSection): Breadcrumb[] {
  let crumbs = crumbsBySection.get(section);
  if (!crumbs) {
    crumbs = sectionCrumbs(list, section);
    crumbsBySection.set(section, crumbs);
  }
  return crumbs;
}

/** Builds the URL of the repository's edit page for the entry's file: `<repository>/edit/<branch>/<file>`. */
function editUrl(context: SiteContext, entry: CatalogEntry): string {
  const { repository, branch } = context.settings;
  // Most file paths have only characters that encodeURIComponent keeps, so they need no split.
  const file = UNRESERVED_PATH.test(entry.file) ? entry.file : entry.file.split('/').map(encodeURIComponent).join('/');
  return `${repository.replace(/\/$/, '')}/edit/${encodeURIComponent(branch)}/${file}`;
}

/** A path of `/`-separated segments that encodeURIComponent leaves as they are. */
const UNRESERVED_PATH = /^[A-Za-z0-9\-_.!~*'()/]*$/;

function describe(entry: CatalogEntry, list: CatalogList): string {
  const intro = entry.data.intro?.[0];
  const where = `${entry.section.title} in ${list.data.title}`;
  return intro ? `${intro} (${where})` : `An entry of ${where}.`;
}
