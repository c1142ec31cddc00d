// The breadcrumb trails of list, section and entry pages, from the home page down.
import type { CatalogList, CatalogSection } from '../catalog/types.ts';
import type { Breadcrumb } from './layout.ts';
import { homePath, listPath, sectionPath } from './urls.ts';

export function homeCrumb(): Breadcrumb {
  return { label: 'Home', path: homePath() };
}

/** Returns the trail from the home page to `list`, the list included. */
export function listCrumbs(list: CatalogList): Breadcrumb[] {
  return [homeCrumb(), { label: list.data.title, path: listPath(list) }];
}

/** Returns the trail from the home page through `list` to `section`, the section included. */
export function sectionCrumbs(list: CatalogList, section: CatalogSection): Breadcrumb[] {
  return [...listCrumbs(list), ...section.trail.map((step) => ({ label: step.title, path: sectionPath(step) }))];
}
