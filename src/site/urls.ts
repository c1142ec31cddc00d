// The URL path of every kind of page, without the path prefix: one place decides the site's layout.
import type { CatalogEntry, CatalogKeyword, CatalogList, CatalogSection } from '../catalog/types.ts';

/** Home page. */
export function homePath(): string {
  return '/';
}

/** A list's page: its table of contents and every entry grouped by section. */
export function listPath(list: Pick<CatalogList, 'id'>): string {
  return `/${list.id}/`;
}

/** A section's page. Sections live under `sections/` so that no section id can clash with an entry slug. */
export function sectionPath(section: Pick<CatalogSection, 'listId' | 'path'>): string {
  return `/${section.listId}/sections/${section.path}/`;
}

/** An entry's page. */
export function entryPath(entry: Pick<CatalogEntry, 'listId' | 'slug'>): string {
  return `/${entry.listId}/${entry.slug}/`;
}

/** The keyword index, A to Z. */
export function keywordIndexPath(): string {
  return '/keywords/';
}

export function keywordPath(keyword: Pick<CatalogKeyword, 'slug'>): string {
  return `/keywords/${keyword.slug}/`;
}

export function searchPath(): string {
  return '/search/';
}

/**
 * Joins the site's path prefix (`/` or `/<repo>/`) and a page path (`/a/b/`).
 * The prefix must start and end with `/`, as the settings schema requires.
 */
export function withPrefix(pathPrefix: string, pagePath: string): string {
  return pathPrefix.replace(/\/$/, '') + pagePath;
}

/** The absolute URL of a page: base URL, path prefix and page path. */
export function absoluteUrl(baseUrl: string, pathPrefix: string, pagePath: string): string {
  return baseUrl.replace(/\/$/, '') + withPrefix(pathPrefix, pagePath);
}
