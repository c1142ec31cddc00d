// /entries.json: every entry of every list, in the format of schemas/export.ts.
import { renderEntriesJson } from '../../outputs/entriesJson.ts';
import { entriesJsonPath } from '../../outputs/outputPaths.ts';
import type { SiteData } from '../siteContext.ts';

export const data = {
  permalink: () => entriesJsonPath(),
  eleventyExcludeFromCollections: true,
};

export function render(data: SiteData): string {
  return renderEntriesJson(data.catalog.lists, data.settings);
}
