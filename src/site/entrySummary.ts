// One entry as the list, section and keyword pages show it: the linked title, the first intro
// line and the compact links (arXiv, code, paper).
import type { CatalogEntry } from '../catalog/types.ts';
import { compactLinks } from './entryLinks.ts';
import { html, joinHtml, type SafeHtml } from './html.ts';
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
  const section = entry.section;
  parts = {
    title: html`<a class="entry-title" href="${context.url(entryPath(entry))}">${entry.data.title}</a>`,
    intro: intro ? html`<p class="entry-intro">${context.markdown.inline(intro)}</p>` : '',
    section: html`in <a href="${context.url(sectionPath(section))}">${section.trail.map((step) => step.title).join(' › ')}</a>`,
    links: links.length > 0 ? html`<ul class="compact-links">${links.map((link) => html`<li><a href="${link.url}">${link.text}</a></li>`)}</ul>` : '',
  };
  byEntry.set(entry, parts);
  return parts;
}

/**
 * Renders an entry as an <li> of a `<ul class="entries">`. The parts that do not depend on
 * `options` are rendered once per entry and context, because an entry is summarised on its
 * section pages, its list page, its keyword pages and the pages of related entries.
 */
export function renderEntrySummary(context: SiteContext, entry: CatalogEntry, options: SummaryOptions = {}): SafeHtml {
  const parts = partsOf(context, entry);

  const meta = [
    options.showAdded && entry.data.added ? html`Added <time datetime="${entry.data.added}">${entry.data.added}</time>` : undefined,
    options.showSection ? parts.section : undefined,
  ].filter((part) => part !== undefined);

  return html`<li class="entry-summary"${options.id ? html` id="${options.id}"` : ''}>
${parts.title}
${parts.intro}
${meta.length > 0 ? html`<p class="entry-meta">${joinHtml(meta, ' · ')}</p>` : ''}
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
  return html`<ul class="entries">
${entries.map((entry) => html`${renderEntrySummary(context, entry, optionsFor(entry))}\n`)}</ul>`;
}
