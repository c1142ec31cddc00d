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

/** The context found for each data object, with the values it was found for: the page writer renders every page from one object. */
const contextsByData = new WeakMap<SiteData, { found: SiteData; context: SiteContext }>();

/**
 * The contexts built for each catalog, by settings and search assets as JSON. Eleventy 3.1 hands
 * each template a shallow copy of the global data, so the catalog and settings objects differ
 * between templates while the catalog's entry array is the same.
 */
const contextsByEntries = new WeakMap<Catalog['entries'], Map<string, SiteContext>>();

/**
 * Returns the helpers every page uses, built from Eleventy's data for that page. Pages rendered
 * with the same entry, list and keyword arrays and equal settings and search assets get the same context, so
 * that parts shared by those pages (src/site/layout.ts, src/site/entrySummary.ts) are rendered
 * once per build.
 */
export function siteContext(data: SiteData): SiteContext {
  const known = contextsByData.get(data);
  if (known && known.found.catalog === data.catalog && known.found.settings === data.settings && known.found.searchAssets === data.searchAssets) return known.context;

  const { catalog } = data;
  const key = JSON.stringify([data.settings, data.searchAssets ?? null]);
  let byKey = contextsByEntries.get(catalog.entries);
  if (!byKey) contextsByEntries.set(catalog.entries, (byKey = new Map()));
  let context = byKey.get(key);
  if (!context || context.catalog.lists !== catalog.lists || context.catalog.keywords !== catalog.keywords) {
    context = buildContext(data);
    byKey.set(key, context);
  }
  contextsByData.set(data, { found: { catalog, settings: data.settings, searchAssets: data.searchAssets }, context });
  return context;
}

function buildContext(data: SiteData): SiteContext {
  const { pathPrefix } = data.settings;
  // The prefix without its final `/`, to which withPrefix appends a page path.
  const prefix = withPrefix(pathPrefix, '');
  return {
    catalog: data.catalog,
    settings: data.settings,
    searchAssets: data.searchAssets,
    markdown: markdownRenderer(pathPrefix),
    url: (pagePath) => prefix + pagePath,
  };
}
