// A section's page, at every depth: its description, its subsections and their entries.
import type { CatalogSection } from '../../catalog/types.ts';
import { listCrumbs, sectionCrumbs } from '../breadcrumbTrail.ts';
import { renderEntryList } from '../entrySummary.ts';
import { html } from '../html.ts';
import { renderPage } from '../layout.ts';
import { renderSectionBlock } from '../sectionBlock.ts';
import { renderSectionTree } from '../sectionTree.ts';
import { siteContext, type SiteData } from '../siteContext.ts';
import { entryAnchor, listSectionPath, sectionAnchor, sectionPath } from '../urls.ts';

/** Renders the page of `section`, a section of one of `data.catalog.lists`; throws when its list is missing. */
export function renderSectionPage(data: SiteData, section: CatalogSection): string {
  const context = siteContext(data);
  const list = data.catalog.lists.find((candidate) => candidate.id === section.listId);
  if (!list) throw new Error(`Section "${section.path}" names list "${section.listId}", which is not in the catalog.`);

  const crumbs = sectionCrumbs(list, section).slice(0, -1);
  const count = section.totalEntries;
  const description = section.description ?? `${count} ${count === 1 ? 'entry' : 'entries'} on ${section.title} in ${list.data.title}.`;

  const main = html`<h1>${section.title}</h1>
<p class="list-stats">${count} ${count === 1 ? 'entry' : 'entries'} · <a href="${context.url(listSectionPath(section))}">See this section in the whole list</a></p>
${section.description ? html`<div class="section-description">${context.markdown.block(section.description)}</div>` : ''}
${section.sections.length > 0 ? html`<nav class="toc" aria-labelledby="subsections">
<h2 id="subsections">Subsections</h2>
${renderSectionTree(section.sections, (child) => `#${sectionAnchor(child)}`)}
</nav>` : ''}
${renderEntryList(context, section.entries, (entry) => ({ id: entry.section === section ? entryAnchor(entry) : undefined }))}
${section.sections.map((child) => renderSectionBlock(context, child, 2))}`;

  return renderPage(context, {
    meta: { title: section.title, description: plainText(description), path: sectionPath(section), kind: 'section', list },
    breadcrumbs: crumbs.length > 0 ? crumbs : listCrumbs(list),
    main,
  });
}

/** Collapses Markdown text to one line for the meta description. */
function plainText(markdown: string): string {
  return markdown.replace(/\s+/g, ' ').trim();
}
