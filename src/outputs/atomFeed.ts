// Atom feeds (RFC 4287) of the most recently added entries: one for each list and one for the site.
import type { Catalog, CatalogEntry, CatalogList } from '../catalog/types.ts';
import type { Settings } from '../../schemas/settings.ts';
import { entryPath, homePath, keywordIndexPath, listPath } from '../site/urls.ts';
import { arxivAbsUrl, arxivIdOf } from './arxiv.ts';
import { listFeedPath, publicUrl, siteFeedPath } from './outputPaths.ts';
import { buildXml, type XmlNode } from './xml.ts';

/** The number of entries a feed carries by default. */
export const FEED_SIZE = 50;

const ATOM_NAMESPACE = 'http://www.w3.org/2005/Atom';

export interface FeedOptions {
  /** The maximum number of entries; defaults to FEED_SIZE. */
  limit?: number;
  /** The feed's `updated` time when no entry has an `added` date; defaults to the current time. */
  now?: Date;
}

/**
 * Renders the Atom feed of one list: its most recently added entries, newest first, in the
 * order of `list.recentlyAdded`. Entries without an `added` date are left out.
 */
export function renderListFeed(list: CatalogList, settings: Settings, options: FeedOptions = {}): string {
  const entries = list.recentlyAdded.slice(0, options.limit ?? FEED_SIZE);

  return renderFeed({
    title: list.data.title,
    subtitle: list.data.description,
    selfPath: listFeedPath(list),
    alternatePath: listPath(list),
    rights: rightsOf(list),
    entries,
    settings,
    now: options.now,
  });
}

/**
 * Renders the Atom feed of the whole site: the most recently added entries of every list,
 * newest first. Entries added on the same day keep the order of the lists and of each list's
 * `recentlyAdded`.
 */
export function renderSiteFeed(catalog: Catalog, settings: Settings, options: FeedOptions = {}): string {
  return renderFeed({
    title: settings.title,
    subtitle: settings.description,
    selfPath: siteFeedPath(),
    alternatePath: homePath(),
    rights: undefined,
    entries: recentlyAddedAcrossLists(catalog, options.limit ?? FEED_SIZE),
    settings,
    now: options.now,
  });
}

/** Returns the `limit` most recently added entries of all lists, newest first (a stable sort). */
export function recentlyAddedAcrossLists(catalog: Catalog, limit: number): CatalogEntry[] {
  // Each list's recentlyAdded is newest first, so an entry after a list's first `limit` has
  // `limit` entries of its list before it and cannot make the cut: sorting those is enough.
  const dated = catalog.lists.flatMap((list) => list.recentlyAdded.slice(0, limit));
  const newestFirst = dated.toSorted((a, b) => compareDates(b.data.added, a.data.added));
  return newestFirst.slice(0, limit);
}

/**
 * Returns the entry's Atom id, a tag URI (RFC 4151) made of the site's host name, the date
 * the entry was added and its list and slug. It stays the same when the path prefix changes
 * or the entry moves to another section, so feed readers do not show the entry again.
 * Throws when the entry has no `added` date, because feeds carry only dated entries.
 */
export function atomEntryId(entry: CatalogEntry, settings: Settings): string {
  const date = entry.data.added;
  if (date === undefined) throw new Error(`${entry.file}: an entry without an "added" date has no feed id`);

  const host = new URL(settings.baseUrl).hostname;
  return `tag:${host},${date}:${entry.listId}/${entry.slug}`;
}

interface FeedParts {
  title: string;
  subtitle: string;
  selfPath: string;
  alternatePath: string;
  rights: string | undefined;
  entries: CatalogEntry[];
  settings: Settings;
  now: Date | undefined;
}

function renderFeed(parts: FeedParts): string {
  const { settings } = parts;
  const url = (pagePath: string) => publicUrl(settings, pagePath);
  const newest = parts.entries[0]?.data.added;

  const feed: XmlNode = {
    '@_xmlns': ATOM_NAMESPACE,
    '@_xml:lang': settings.language,
    id: url(parts.selfPath),
    title: { '@_type': 'text', '#text': parts.title },
    subtitle: { '@_type': 'text', '#text': parts.subtitle },
    updated: newest !== undefined ? atomDate(newest) : (parts.now ?? new Date()).toISOString(),
    link: [
      { '@_rel': 'self', '@_type': 'application/atom+xml', '@_href': url(parts.selfPath) },
      { '@_rel': 'alternate', '@_type': 'text/html', '@_href': url(parts.alternatePath) },
    ],
    author: { name: settings.title, uri: url(homePath()) },
    rights: parts.rights,
    entry: parts.entries.map((entry) => renderEntry(entry, settings)),
  };

  return buildXml({ feed });
}

function renderEntry(entry: CatalogEntry, settings: Settings): XmlNode {
  const url = (pagePath: string) => publicUrl(settings, pagePath);
  const added = entry.data.added !== undefined ? atomDate(entry.data.added) : undefined;

  const links: XmlNode[] = [{ '@_rel': 'alternate', '@_type': 'text/html', '@_href': url(entryPath(entry)) }];
  const arxivId = arxivIdOf(entry.data);
  if (arxivId !== undefined) {
    links.push({ '@_rel': 'related', '@_type': 'text/html', '@_href': arxivAbsUrl(arxivId), '@_title': `arXiv:${arxivId}` });
  }

  const sectionTitles = entry.section.trail.map((section) => section.title).join(' › ');
  const categories: XmlNode[] = [
    { '@_term': entry.section.path, '@_scheme': url(listPath({ id: entry.listId })), '@_label': sectionTitles },
    ...entry.keywords.map((keyword): XmlNode => ({ '@_term': keyword.term, '@_scheme': url(keywordIndexPath()) })),
  ];

  const intro = entry.data.intro ?? [];
  return {
    id: atomEntryId(entry, settings),
    title: { '@_type': 'text', '#text': entry.data.title },
    // Atom requires `updated`, and entries carry no date of their last change, so it is the date added.
    updated: added,
    published: added,
    link: links,
    summary: intro.length > 0 ? { '@_type': 'text', '#text': intro.join(' · ') } : undefined,
    category: categories,
  };
}

function rightsOf(list: CatalogList): string | undefined {
  const source = list.data.source;
  if (source === undefined) return undefined;

  const parts = [source.copyright, `${source.licence} licence`].filter((part) => part !== undefined);
  return parts.join(', ');
}

/** Converts a content date (`YYYY-MM-DD`) to an Atom date-time at midnight UTC. */
function atomDate(date: string): string {
  return `${date}T00:00:00Z`;
}

function compareDates(a: string | undefined, b: string | undefined): number {
  return (a ?? '').localeCompare(b ?? '');
}
