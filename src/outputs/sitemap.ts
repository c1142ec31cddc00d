// sitemap.xml (sitemaps.org protocol 0.9) of every HTML page, split under a sitemap index past
// 50,000 pages, and the robots.txt that points at it.
import type { Settings } from '../../schemas/settings.ts';
import type { Catalog, CatalogEntry, CatalogSection } from '../catalog/types.ts';
import { entryPath, homePath, keywordIndexPath, keywordPath, listPath, searchPath, sectionPath } from '../site/urls.ts';
import { publicUrl, sitemapPartPath, sitemapPath } from './outputPaths.ts';
import { buildXml } from './xml.ts';

const SITEMAP_NAMESPACE = 'http://www.sitemaps.org/schemas/sitemap/0.9';

/** The sitemaps.org protocol allows at most 50,000 URLs in one sitemap file. */
export const MAX_SITEMAP_URLS = 50_000;

export interface SitemapPage {
  /** The page path without the path prefix, as src/site/urls.ts gives it. */
  path: string;
  /** The date the page last changed, `YYYY-MM-DD`: the newest `added` date among its entries. */
  lastmod?: string | undefined;
}

/**
 * Returns every HTML page the catalog gives rise to: home, search, the keyword index, and the
 * page of each list, section, entry and keyword, with the newest `added` date of the entries
 * each one shows. The 404 page is left out, because it is no page to index.
 */
export function catalogPages(catalog: Catalog): SitemapPage[] {
  const pages: SitemapPage[] = [
    { path: homePath(), lastmod: newestAdded(catalog.entries) },
    { path: searchPath() },
    { path: keywordIndexPath(), lastmod: newestAdded(catalog.keywords.flatMap((keyword) => keyword.entries)) },
  ];

  for (const list of catalog.lists) {
    pages.push({ path: listPath(list), lastmod: newestAdded(list.entries) });
    for (const section of list.sectionsByPath.values()) {
      pages.push({ path: sectionPath(section), lastmod: newestAdded(entriesUnder(section)) });
    }
  }
  for (const entry of catalog.entries) {
    pages.push({ path: entryPath(entry), lastmod: entry.data.added });
  }
  for (const keyword of catalog.keywords) {
    pages.push({ path: keywordPath(keyword), lastmod: newestAdded(keyword.entries) });
  }
  return pages;
}

/**
 * Splits `pages` into the URL sets of sitemap files, each of at most `maxUrls` pages, in the
 * order given. A path listed twice is kept once, with its first `lastmod`. Returns one set,
 * possibly empty, when all pages fit in one file.
 */
export function splitSitemap(pages: SitemapPage[], maxUrls = MAX_SITEMAP_URLS): SitemapPage[][] {
  const seen = new Set<string>();
  const unique = pages.filter((page) => {
    if (seen.has(page.path)) return false;
    seen.add(page.path);
    return true;
  });

  const parts: SitemapPage[][] = [];
  for (let start = 0; start < unique.length; start += maxUrls) parts.push(unique.slice(start, start + maxUrls));
  return parts.length > 0 ? parts : [[]];
}

/** Renders a sitemap file (`<urlset>`) of `pages`, each with its absolute URL under the path prefix. */
export function renderSitemap(pages: SitemapPage[], settings: Settings): string {
  const urls = pages.map((page) => ({ loc: publicUrl(settings, page.path), lastmod: page.lastmod }));
  return buildXml({ urlset: { '@_xmlns': SITEMAP_NAMESPACE, url: urls } });
}

/**
 * Renders a sitemap index (`<sitemapindex>`) naming the files of `parts`, which
 * sitemapPartPath numbers from 1, each dated by the newest `lastmod` of its pages.
 */
export function renderSitemapIndex(parts: SitemapPage[][], settings: Settings): string {
  const sitemaps = parts.map((part, index) => ({
    loc: publicUrl(settings, sitemapPartPath(index)),
    lastmod: newestDate(part.map((page) => page.lastmod)),
  }));
  return buildXml({ sitemapindex: { '@_xmlns': SITEMAP_NAMESPACE, sitemap: sitemaps } });
}

/**
 * Renders /sitemap.xml for `pages`: the sitemap itself when they fit in one file, otherwise
 * the index of the files at sitemapPartPath, which the sitemap part template writes.
 */
export function renderSitemapRoot(pages: SitemapPage[], settings: Settings, maxUrls = MAX_SITEMAP_URLS): string {
  const parts = splitSitemap(pages, maxUrls);
  return parts.length === 1 ? renderSitemap(parts[0] ?? [], settings) : renderSitemapIndex(parts, settings);
}

/**
 * Renders robots.txt: every page may be crawled, and the sitemap is named by its absolute URL.
 * Crawlers read robots.txt only at the root of a host, so under a path prefix it takes effect
 * only if the host's root serves the same file.
 */
export function renderRobots(settings: Settings): string {
  const sitemap = publicUrl(settings, sitemapPath());
  return `User-agent: *\nAllow: /\n\nSitemap: ${sitemap}\n`;
}

function entriesUnder(section: CatalogSection): CatalogEntry[] {
  return [...section.entries, ...section.sections.flatMap((subsection) => entriesUnder(subsection))];
}

function newestAdded(entries: CatalogEntry[]): string | undefined {
  return newestDate(entries.map((entry) => entry.data.added));
}

function newestDate(dates: Array<string | undefined>): string | undefined {
  let newest: string | undefined;
  for (const date of dates) {
    if (date !== undefined && (newest === undefined || date > newest)) newest = date;
  }
  return newest;
}
