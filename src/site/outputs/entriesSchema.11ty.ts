// /entries.schema.json: the JSON Schema of the JSON exports, with its published URL as `$id`.
import { renderExportJsonSchema } from '../../outputs/entriesJson.ts';
import { entriesSchemaPath, publicUrl } from '../../outputs/outputPaths.ts';
import type { SiteData } from '../siteContext.ts';

export const data = {
  permalink: () => entriesSchemaPath(),
  eleventyExcludeFromCollections: true,
};

export function render(data: SiteData): string {
  return renderExportJsonSchema(publicUrl(data.settings, entriesSchemaPath()));
}
