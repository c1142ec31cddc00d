// One entry as the list, section and keyword pages show it: the linked title, the first intro
// line and the compact links (arXiv, code, paper).
import type { CatalogEntry, CatalogSection } from '../catalog/types.ts';
import { compactLinks } from './entryLinks.ts';
import { html, joinHtml, trustedHtml, type SafeHtml } from './html.ts';
import type { SiteContext } from './siteContext.ts';
import { entryPath, sectionPath } from './urls.ts';

export interface SummaryOptions {
  /** The id of the list item, so that other pages can link to this place. */
  id?: string | undefined;
  /** Shows the entry's section under the title, for pages that mix sections (keyword pages). */
  showSection?: boolean | undefined;
  /** Shows the date the entry was added, for the home page's recently added entries. */
  showAdded?: boolean | undefined;
}

/** The parts of an entry's summary that do not depend on the page, rendered once per context. */
interface SummaryParts {
  title: SafeHtml;
  intro: SafeHtml | '';
  section: SafeHtml;
  links: SafeHtml | '';
}

const summaryParts = new WeakMap<SiteContext, Map<CatalogEntry, SummaryParts>>();

function partsOf(context: SiteContext, entry: CatalogEntry): SummaryParts {
  let byEntry = summaryParts.get(context);
  if (!byEntry) summaryParts.set(context, (byEntry = new Map()));
  let parts = byEntry.get(entry);
  if (parts) return parts;

  const intro = entry.data.intro?.[0];
  const links = compactLinks(entry);
  parts = {
    title: html`<a class="entry-title" href="${context.url(entryPath(entry))}">${entry.data.title}</a>`,
    intro: intro ? html`<p class="entry-intro">${context.markdown.inline(intro)}</p>` : '',
    section: html`in ${renderSectionLink(context, entry.section)}`,
    links: links.length > 0 ? html`<ul class="compact-links">${links.map((link) => html`<li><a href="${link.url}">${link.text}</a></li>`)}</ul>` : '',
  };
  byEntry.set(entry, parts);
  return parts;
}

/** ` › ` between the sections of a trail. */
const SECTION_SEPARATOR = trustedHtml(' &rsaquo; ');

const sectionLinks = new WeakMap<SiteContext, Map<CatalogSection, SafeHtml>>();

/**
 * Renders a link to the section's page, labelled with its trail (`Normalization › Batch
 * Normalization`), as summaries and entry pages name an entry's section. Rendered once per
 * section and context, because every entry of the section shows it.
 */
export function renderSectionLink(context: SiteContext, section: CatalogSection): SafeHtml {
  let bySection = sectionLinks.get(context);
  if (!bySection) sectionLinks.set(context, (bySection = new Map()));
  let link = bySection.get(section);
  if (!link) {
    // The separator is a character reference, so that a page whose text is all Latin-1 stays a
    // one-byte string in V8, which encodes to UTF-8 about twice as fast as a two-byte one.
    link = html`<a href="${context.url(sectionPath(section))}">${joinHtml(section.trail.map((step) => step.title), SECTION_SEPARATOR)}</a>`;
    bySection.set(section, link);
  }
  return link;
}

/**
 * Renders an entry as an <li> of a `<ul class="entries">`. The parts that do not depend on
 * `options` are rendered once per entry and context, because an entry is summarised on its
 * section pages, its list page, its keyword pages and the pages of related entries.
 */
export function renderEntrySummary(context: SiteContext, entry: CatalogEntry, options: SummaryOptions = {}): SafeHtml {
  const parts = partsOf(context, entry);

  const added = options.showAdded ? entry.data.added : undefined;
  const addedMarkup = added ? html`Added <time datetime="${added}">${added}</time>` : undefined;
  const sectionMarkup = options.showSection ? parts.section : undefined;
  const meta = addedMarkup && sectionMarkup ? html`${addedMarkup} · ${sectionMarkup}` : (addedMarkup ?? sectionMarkup);

  return html`<li class="entry-summary"${options.id ? html` id="${options.id}"` : ''}>
${parts.title}
${parts.intro}
${meta ? html`<p class="entry-meta">${meta}</p>` : ''}
${parts.links}
</li>`;
}

/** Renders entries as a `<ul class="entries">`, or nothing for an empty list. */
export function renderEntryList(
  context: SiteContext,
  entries: readonly CatalogEntry[],
  optionsFor: (entry: CatalogEntry) => SummaryOptions = () => ({}),
): SafeHtml {
  if (entries.length === 0) return html``;

  // Section and list pages hold thousands of summaries, so they are appended to one string.
  let markup = '<ul class="entries">\n';
  for (const entry of entries) markup += `${renderEntrySummary(context, entry, optionsFor(entry)).value}\n`;
  return trustedHtml(`${markup}</ul>`);
}
