// The URL path of every machine-readable output (feeds, exports, sitemap), without the path
// prefix, as src/site/urls.ts gives the path of every HTML page.
import type { Settings } from '../../schemas/settings.ts';
import type { CatalogList } from '../catalog/types.ts';
import { absoluteUrl } from '../site/urls.ts';

/** Returns the path of the Atom feed of the most recently added entries of every list. */
export function siteFeedPath(): string {
  return '/feed.xml';
}

/** Returns the path of the Atom feed of the most recently added entries of one list. */
export function listFeedPath(list: Pick<CatalogList, 'id'>): string {
  return `/${list.id}/feed.xml`;
}

/** Returns the path of the JSON export of every entry of every list. */
export function entriesJsonPath(): string {
  return '/entries.json';
}

/** Returns the path of the JSON export of one list's entries, in the same format as the site's export. */
export function listEntriesJsonPath(list: Pick<CatalogList, 'id'>): string {
  return `/${list.id}/entries.json`;
}

/** Returns the path of the JSON Schema that both JSON exports follow. */
export function entriesSchemaPath(): string {
  return '/entries.schema.json';
}

/** Returns the path of the BibTeX file of one list. */
export function bibtexPath(list: Pick<CatalogList, 'id'>): string {
  return `/${list.id}/references.bib`;
}

export function sitemapPath(): string {
  return '/sitemap.xml';
}

/** Returns the path of the sitemap file `index` (from 0) when the sitemap is split under an index. */
export function sitemapPartPath(index: number): string {
  return `/sitemap-${index + 1}.xml`;
}

export function robotsPath(): string {
  return '/robots.txt';
}

/**
 * Returns the absolute URL of a site path (a page or an output) under the site's base URL and
 * path prefix, percent-encoded as RFC 3986 requires of sitemap and JSON Schema `uri` values:
 * `/list/深度学习/` becomes `/list/%E6%B7%B1...%A0/`.
 */
export function publicUrl(settings: Pick<Settings, 'baseUrl' | 'pathPrefix'>, sitePath: string): string {
  return new URL(absoluteUrl(settings.baseUrl, settings.pathPrefix, sitePath)).href;
}
