// Eleventy plugin: writes the JSON exports, the BibTeX files and the sitemap after Eleventy has
// written its pages, outside its templates, which keep every output's text until the build ends.
import { rm } from 'node:fs/promises';
import path from 'node:path';
import type { Settings } from '../../../schemas/settings.ts';
import type { Catalog } from '../../catalog/types.ts';
import { writeCatalogOutputs } from '../../outputs/writeCatalogOutputs.ts';
import type { EleventyConfig } from '../eleventyConfig.ts';
import { isDryRun } from '../commandLine.ts';

export interface CatalogOutputsOptions {
  /** Returns the catalog of this build; the plugin calls it once per build. */
  loadCatalog: () => Catalog | Promise<Catalog>;
  /** The settings the pages are built with, path prefix included. */
  settings: Settings;
}

interface AfterBuildEvent {
  directories?: { output?: string };
  runMode?: string;
  outputMode?: string;
}

/**
 * Registers an `eleventy.after` handler that writes the outputs of writeCatalogOutputs into the
 * output folder. Nothing is written for `--dryrun` or for JSON output. Under --serve or --watch
 * the files that the previous build wrote and this one did not (the exports of a deleted list, a
 * sitemap part no longer needed) are deleted. A write error rejects the handler, which fails the
 * build.
 */
export function catalogOutputsPlugin(eleventyConfig: EleventyConfig, options?: CatalogOutputsOptions): void {
  if (!options?.loadCatalog || !options.settings) throw new Error('catalogOutputsPlugin: the loadCatalog and settings options are required');
  const { loadCatalog, settings } = options;
  let previous = new Set<string>();

  eleventyConfig.on('eleventy.after', async (event: AfterBuildEvent) => {
    if (isDryRun() || (event.outputMode !== undefined && event.outputMode !== 'fs')) return;

    const output = path.resolve(event.directories?.output ?? eleventyConfig.directories.output);
    const written = new Set(await writeCatalogOutputs(await loadCatalog(), settings, output));
    if (event.runMode === 'serve' || event.runMode === 'watch') {
      for (const file of previous) if (!written.has(file)) await rm(file, { force: true });
    }
    previous = written;
  });
}
