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
  // A build requests several URLs per entry, and the URL parser is most of their cost. A path of
  // characters the parser keeps as they are, without `.` or `..` segments, is appended to the
  // parsed root instead. Any other path (non-ASCII, `%`, dot segments) goes through the parser.
  if (PLAIN_PATH.test(sitePath) && !DOT_SEGMENT.test(sitePath)) {
    const root = rootUrlOf(settings.baseUrl, settings.pathPrefix);
    if (root !== undefined) return root + sitePath.slice(1);
  }
  return new URL(absoluteUrl(settings.baseUrl, settings.pathPrefix, sitePath)).href;
}

/** A site path of characters that the URL parser neither percent-encodes nor reads as a delimiter in a path. */
const PLAIN_PATH = /^\/[A-Za-z0-9\-._~!$&'()*+,;=:@/]*$/;

/** A `.` or `..` segment, which the URL parser removes. */
const DOT_SEGMENT = /\/\.{1,2}(?:\/|$)/;

/** The base URL and prefix of the last call of rootUrlOf, and its result: settings change only between builds. */
let lastRoot: { baseUrl: string; pathPrefix: string; url: string | undefined } | undefined;

/** Returns the parsed URL of `/` under the base URL and prefix, or undefined where appending a path to it is unsafe. */
function rootUrlOf(baseUrl: string, pathPrefix: string): string | undefined {
  if (lastRoot !== undefined && lastRoot.baseUrl === baseUrl && lastRoot.pathPrefix === pathPrefix) return lastRoot.url;

  const root = new URL(absoluteUrl(baseUrl, pathPrefix, '/'));
  // A root with a query or fragment, or one that does not end in `/`, would not take a path by appending.
  const probe = 'a/b-c';
  const usable = root.search === '' && root.hash === '' && root.href.endsWith('/') && new URL(absoluteUrl(baseUrl, pathPrefix, `/${probe}`)).href === root.href + probe;
  lastRoot = { baseUrl, pathPrefix, url: usable ? root.href : undefined };
  return lastRoot.url;
}
