// A list's section tree as nested lists with entry counts: on the home page (links to section
// pages) and as the list page's table of contents (links to anchors on the same page).
import type { CatalogSection } from '../catalog/types.ts';
import { html, type SafeHtml } from './html.ts';

/**
 * Renders `sections` and all their subsections as nested <ul>, each item linking to
 * `hrefFor(section)` (a complete href, prefix included) followed by its entry count.
 * Renders nothing for an empty array.
 */
export function renderSectionTree(sections: readonly CatalogSection[], hrefFor: (section: CatalogSection) => string): SafeHtml {
  if (sections.length === 0) return html``;
  return html`<ul class="section-tree">
${sections.map((section) => html`<li><a href="${hrefFor(section)}">${section.title}</a> ${renderCount(section.totalEntries)}${renderSectionTree(section.sections, hrefFor)}</li>\n`)}</ul>`;
}

/** Renders an entry count as a small badge whose text also reads well aloud: `12 entries`. */
export function renderCount(count: number): SafeHtml {
  return html`<span class="count">${count}<span class="visually-hidden"> ${count === 1 ? 'entry' : 'entries'}</span></span>`;
}
