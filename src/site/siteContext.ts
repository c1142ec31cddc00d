// The data every page template receives from Eleventy, and the helpers built from it.
import type { Catalog } from '../catalog/types.ts';
import type { Settings } from '../../schemas/settings.ts';
import { markdownRenderer, type MarkdownRenderer } from './markdown.ts';
import { withPrefix } from './urls.ts';

/** The global data that .eleventy.ts and the plugins add, as a page template reads it. */
export interface SiteData {
  catalog: Catalog;
  settings: Settings;
  /** The search helper's browser bundle, added by its plugin; absent when search is not built. */
  searchAssets?: { script: string } | undefined;
}

export interface SiteContext {
  catalog: Catalog;
  settings: Settings;
  searchAssets: { script: string } | undefined;
  markdown: MarkdownRenderer;
  /** Returns the URL of a site path (`/keywords/`) with the path prefix, for an href or src. */
  url(pagePath: string): string;
}

/** Builds the helpers every page uses from Eleventy's data for that page. */
export function siteContext(data: SiteData): SiteContext {
  const { pathPrefix } = data.settings;
  return {
    catalog: data.catalog,
    settings: data.settings,
    searchAssets: data.searchAssets,
    markdown: markdownRenderer(pathPrefix),
    url: (pagePath) => withPrefix(pathPrefix, pagePath),
  };
}
