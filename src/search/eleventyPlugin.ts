// Eleventy plugin: writes the search index and the browser bundle on each build and adds the
// global data `searchAssets` ({ script }) that the layout turns into a script tag.
import path from 'node:path';
import type { Catalog } from '../catalog/types.ts';
import type { EleventyConfig } from '../site/eleventyConfig.ts';
import { startSearchAssets, type SearchAssets } from './writeSearchAssets.ts';

export interface SearchPluginOptions {
  /** Returns the catalog of this build; the plugin calls it once per build. */
  loadCatalog: () => Catalog | Promise<Catalog>;
}

/**
 * Registers `searchAssets` as global data, computed once per build and on each rebuild under
 * --serve. Computing it starts writing the files under `<output>/assets/search/` and resolves
 * once the bundle is written. The index is built while Eleventy renders the pages, on a worker
 * thread for a large catalog. An `eleventy.after` handler waits for it, so the build finishes
 * only when every search file is written. Requires the `loadCatalog` option. A catalog that fails
 * to load fails the build with the loader's error, and an index that fails to build or write
 * fails it with that error.
 */
export function searchPlugin(eleventyConfig: EleventyConfig, options?: SearchPluginOptions): void {
  if (!options?.loadCatalog) throw new Error('searchPlugin: the loadCatalog option is required');
  const { loadCatalog } = options;
  let writing: Promise<SearchAssets> | undefined;
  // Under --serve or --watch: the shards written so far, so that a rebuild writes only those that changed.
  let reuse: Map<string, string> | undefined;

  eleventyConfig.addWatchTarget(path.join('src', 'browser'));
  eleventyConfig.addWatchTarget(path.join('src', 'search'));

  eleventyConfig.on('eleventy.before', (event?: { runMode?: string }) => {
    writing = undefined;
    if (event?.runMode === 'serve' || event?.runMode === 'watch') reuse ??= new Map();
  });

  eleventyConfig.addGlobalData('searchAssets', async () => {
    const catalog = await loadCatalog();
    const build = startSearchAssets(eleventyConfig.directories.output, catalog, { reuse });
    writing = build.assets;
    return { script: await build.script };
  });

  eleventyConfig.on('eleventy.after', async () => {
    const assets = writing;
    writing = undefined;
    await assets;
  });
}
