// Eleventy plugin: writes the search index and the browser bundle on each build and adds the
// global data `searchAssets` ({ script }) that the layout turns into a script tag.
import path from 'node:path';
import type { Catalog } from '../catalog/types.ts';
import type { EleventyConfig } from '../site/eleventyConfig.ts';
import { isDryRun } from '../site/commandLine.ts';
import { bundleSearchScript, searchScriptPath, startSearchAssets, type SearchAssetsBuild, type SearchScriptBundle } from './writeSearchAssets.ts';

export interface SearchPluginOptions {
  /** Returns the catalog of this build; the plugin calls it once per build. */
  loadCatalog: () => Catalog | Promise<Catalog>;
}

/**
 * Registers `searchAssets` as global data, computed once per build and on each rebuild under
 * --serve. esbuild bundles the browser code from `eleventy.before`. Computing the data starts
 * writing the files under `<output>/assets/search/` and resolves once the bundle is written.
 * Nothing is written for `--dryrun` or for JSON output. The index is built while Eleventy renders the pages, on a worker
 * thread for a large catalog. An `eleventy.after` handler waits for it, so the build finishes
 * only when every search file is written. Requires the `loadCatalog` option. A catalog that fails
 * to load fails the build with the loader's error, and an index that fails to build or write
 * fails it with that error.
 */
export function searchPlugin(eleventyConfig: EleventyConfig, options?: SearchPluginOptions): void {
  if (!options?.loadCatalog) throw new Error('searchPlugin: the loadCatalog option is required');
  const { loadCatalog } = options;
  // The browser bundle started by this build's eleventy.before, and the output folder it is for.
  let bundling: { output: string; bundle: Promise<SearchScriptBundle> } | undefined;
  let building: SearchAssetsBuild | undefined;
  // False for --dryrun and for JSON output, which write no search file either.
  let writesFiles = true;
  // Under --serve or --watch: the shards written so far, so that a rebuild writes only those that changed.
  let reuse: Map<string, string> | undefined;

  eleventyConfig.addWatchTarget(path.join('src', 'browser'));
  eleventyConfig.addWatchTarget(path.join('src', 'search'));

  eleventyConfig.on('eleventy.before', (event?: { runMode?: string; outputMode?: string }) => {
    building = undefined;
    writesFiles = (event?.outputMode === undefined || event.outputMode === 'fs') && !isDryRun();
    if (event?.runMode === 'serve' || event?.runMode === 'watch') reuse ??= new Map();
    // esbuild bundles the browser code now, while the catalog loads, rather than when Eleventy
    // computes the data. The files are written only then.
    const output = eleventyConfig.directories.output;
    bundling = { output, bundle: bundleSearchScript(output) };
    bundling.bundle.catch(() => {});
  });

  eleventyConfig.addGlobalData('searchAssets', async () => {
    const catalog = await loadCatalog();
    const output = eleventyConfig.directories.output;
    const bundle = bundling?.output === output ? bundling.bundle : undefined;
    // A dry run or JSON output writes no file, but the pages still name the script.
    if (!writesFiles) return { script: searchScriptPath(output, await (bundle ?? bundleSearchScript(output))) };

    building = startSearchAssets(output, catalog, { reuse }, bundle);
    return { script: await building.script };
  });

  eleventyConfig.on('eleventy.after', async () => {
    const assets = building?.assets;
    building = undefined;
    await assets;
  });
}
