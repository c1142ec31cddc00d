// /<list>/entries.json: the entries of one list, in the same format as /entries.json.
import type { CatalogList } from '../../catalog/types.ts';
import { renderEntriesJson } from '../../outputs/entriesJson.ts';
import { listEntriesJsonPath } from '../../outputs/outputPaths.ts';
import type { SiteData } from '../siteContext.ts';

type ListExportData = SiteData & { list: CatalogList };

export const data = {
  pagination: { data: 'catalog.lists', size: 1, alias: 'list', addAllPagesToCollections: false },
  permalink: (data: ListExportData) => listEntriesJsonPath(data.list),
  eleventyExcludeFromCollections: true,
};

export function render(data: ListExportData): string {
  return renderEntriesJson([data.list], data.settings);
}
