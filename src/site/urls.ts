// The URL path of every kind of page, without the path prefix: one place decides the site's layout.
import type { CatalogEntry, CatalogKeyword, CatalogList, CatalogSection } from '../catalog/types.ts';

/** Home page. */
export function homePath(): string {
  return '/';
}

/** Returns the path of a list's page: its table of contents and every entry grouped by section. */
export function listPath(list: Pick<CatalogList, 'id'>): string {
  return `/${list.id}/`;
}

/** Returns the path of a section's page. Sections live under `sections/` so that no section id can clash with an entry slug. */
export function sectionPath(section: Pick<CatalogSection, 'listId' | 'path'>): string {
  return `/${section.listId}/sections/${section.path}/`;
}

/** Returns the path of an entry's page. */
export function entryPath(entry: Pick<CatalogEntry, 'listId' | 'slug'>): string {
  return `/${entry.listId}/${entry.slug}/`;
}

/** Returns the path of the keyword index, A to Z. */
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

/** Returns the absolute URL of a page: base URL, path prefix and page path. */
export function absoluteUrl(baseUrl: string, pathPrefix: string, pagePath: string): string {
  return baseUrl.replace(/\/$/, '') + withPrefix(pathPrefix, pagePath);
}

/** Returns the fragment id of a section's heading on its list's page: `section-activation-functions--relu`. */
export function sectionAnchor(section: Pick<CatalogSection, 'path'>): string {
  return `section-${section.path.replaceAll('/', '--')}`;
}

/** Returns the fragment id of an entry's summary on its list's page, under the entry's own section. */
export function entryAnchor(entry: Pick<CatalogEntry, 'slug'>): string {
  return `entry-${entry.slug}`;
}

/** Returns the path of a section's place on its list's page, for the table of contents. */
export function listSectionPath(section: Pick<CatalogSection, 'listId' | 'path'>): string {
  return `${listPath({ id: section.listId })}#${sectionAnchor(section)}`;
}

/** Returns the path of the page that static hosts serve for a missing path. */
export function notFoundPath(): string {
  return '/404.html';
}

/** Returns the path of a file of src/site/assets/, which the build copies to `/assets/`. */
export function assetPath(fileName: string): string {
  return `/assets/${fileName}`;
}
