// Eleventy plugin: writes the search index and the browser bundle on each build and adds the
// global data `searchAssets` ({ script }) that the layout turns into a script tag.
import path from 'node:path';
import type { Catalog } from '../catalog/types.ts';
import type { EleventyConfig } from '../site/eleventyConfig.ts';
import { writeSearchAssets } from './writeSearchAssets.ts';

export interface SearchPluginOptions {
  /** Returns the catalog of this build; the plugin calls it once per build. */
  loadCatalog: () => Catalog | Promise<Catalog>;
}

/**
 * Registers `searchAssets` as global data, computed once per build and on each rebuild under
 * --serve. Computing it writes the files under `<output>/assets/search/`. Requires the
 * `loadCatalog` option. A catalog that fails to load fails the build with the loader's error.
 */
export function searchPlugin(eleventyConfig: EleventyConfig, options?: SearchPluginOptions): void {
  if (!options?.loadCatalog) throw new Error('searchPlugin: the loadCatalog option is required');
  const { loadCatalog } = options;

  eleventyConfig.addWatchTarget(path.join('src', 'browser'));
  eleventyConfig.addWatchTarget(path.join('src', 'search'));

  eleventyConfig.addGlobalData('searchAssets', async () => {
    const catalog = await loadCatalog();
    const assets = await writeSearchAssets(eleventyConfig.directories.output, catalog);
    return { script: assets.script };
  });
}
