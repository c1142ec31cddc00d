// A section with its description, entries and subsections, as the list page and a section's own
// page show it: the long page people read through and search with the browser's find.
import type { CatalogSection } from '../catalog/types.ts';
import { renderEntryList } from './entrySummary.ts';
import { html, trustedHtml, type SafeHtml } from './html.ts';
import { renderCount } from './sectionTree.ts';
import type { SiteContext } from './siteContext.ts';
import { entryAnchor, sectionAnchor, sectionPath } from './urls.ts';

/**
 * Renders `section` under a heading of `headingLevel` (2 to 6; deeper sections stay at 6) with
 * the anchor of sectionAnchor, linking to the section's own page, then its description, its
 * entries and each subsection one level deeper. An entry's summary carries the entry's anchor
 * only under the entry's own section, because an entry listed in two sections appears twice.
 */
export function renderSectionBlock(context: SiteContext, section: CatalogSection, headingLevel: number): SafeHtml {
  const level = Math.min(Math.max(headingLevel, 2), 6);
  const anchor = sectionAnchor(section);
  const heading = trustedHtml(`h${level}`);

  return html`<section class="section-block" aria-labelledby="${anchor}">
<${heading} id="${anchor}"><a href="${context.url(sectionPath(section))}">${section.title}</a> ${renderCount(section.totalEntries)}</${heading}>
${section.description ? html`<div class="section-description">${context.markdown.block(section.description)}</div>` : ''}
${renderEntryList(context, section.entries, (entry) => ({ id: entry.section === section ? entryAnchor(entry) : undefined }))}
${section.sections.map((child) => renderSectionBlock(context, child, headingLevel + 1))}
</section>
`;
}
