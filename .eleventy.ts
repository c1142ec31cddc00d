// Eleventy configuration: renders the validated catalog into static pages. Eleventy does not load
// TypeScript itself: `npm run build` runs a bundle of this file (scripts/eleventy.mjs), and
// `npm start` runs it through tsx with --config=.eleventy.ts.
import { catalogLoader } from './src/site/catalogData.ts';
import { hasPreloadedCatalog } from './src/site/catalogPreload.ts';
import { contentFolder } from './src/site/contentFolder.ts';
import { watchContentForRebuilds } from './src/site/contentWatcher.ts';
import type { EleventyConfig } from './src/site/eleventyConfig.ts';
import { loadSettings } from './src/settings/loadSettings.ts';
import { cleanOutputFolder } from './src/site/outputFolder.ts';
import { registerPageWriter } from './src/site/pageWriter.ts';
import { catalogPages } from './src/site/pages/catalogPages.11ty.ts';
import { searchPlugin } from './src/search/eleventyPlugin.ts';
import { addSiteTemplates } from './src/site/siteTemplates.ts';
import { catalogOutputsPlugin } from './src/site/outputs/catalogOutputsPlugin.ts';

const CONTENT_DIR = contentFolder();

/** The output folder; `--output` on the command line takes precedence. */
const OUTPUT_DIR = process.env.SITE_OUTPUT_DIR || '_site';

export default function configure(eleventyConfig: EleventyConfig) {
  const root = import.meta.dirname;
  const settings = loadSettings(root);

  // Output: a full build overwrites the previous one's files and then deletes those it did not
  // write. A rebuild under --serve removes the pages it no longer writes, so no page of a deleted
  // entry is left or served. The output may not be, contain or lie inside a folder listed here,
  // also through a link, and must be new, empty or the output of an earlier build (it has a
  // .reading-lists-output file). The handlers of each event run one at a time in the order registered,
  // so the prune, registered last, runs once every writer is done.
  eleventyConfig.setEventEmitterMode('sequential');
  const protectedFolders = [CONTENT_DIR, 'content', 'src', 'schemas', 'tests', 'scripts', 'bench', 'docs', 'node_modules', '.git', '.github', '.ci'];
  const outputCleaning = cleanOutputFolder(eleventyConfig, root, protectedFolders, { listInWorker: !hasPreloadedCatalog() });

  // Data: the settings, and the catalog, loaded and validated once per build and on each rebuild
  // under --serve. Invalid content throws the loader's report, which fails the build.
  const loadCatalog = catalogLoader(eleventyConfig, root, CONTENT_DIR);
  eleventyConfig.addGlobalData('settings', settings);
  eleventyConfig.addGlobalData('catalog', loadCatalog);

  // Templates: TypeScript functions (*.11ty.ts) only, so no content or output is ever run
  // through Liquid, Nunjucks or Markdown as a template. They are virtual templates, so that the
  // build script can run a bundle of this configuration without loading TypeScript files.
  addSiteTemplates(eleventyConfig);

  // Entry, section and keyword pages: written after Eleventy's own pages, outside its pagination,
  // which at 10k entries kept a page object each and at 100k ran out of a 4 GiB heap.
  registerPageWriter(eleventyConfig, catalogPages);

  // Assets: the stylesheet and the small scripts, copied as they are.
  eleventyConfig.addPassthroughCopy({ 'src/site/assets': 'assets' });

  // Watching: rebuild when an entry or list file changes under --serve, through a watcher of the
  // content's folders rather than Eleventy's, which scans every file after it starts.
  watchContentForRebuilds(eleventyConfig, root, CONTENT_DIR);

  // Exports, BibTeX and sitemap: written in parts after the pages, so no 100 MB text is held,
  // and before the build waits for the search worker, so that the main thread works meanwhile.
  eleventyConfig.addPlugin(catalogOutputsPlugin, { loadCatalog, settings });

  // Search: the lunr index and the browser bundle under assets/search/, and `searchAssets` for the layout.
  eleventyConfig.addPlugin(searchPlugin, { loadCatalog });

  // Last: Eleventy runs plugins after this function returns, in the order added, so the prune is
  // registered after the writers of every plugin above.
  eleventyConfig.addPlugin(() => outputCleaning.registerPrune());

  return {
    dir: { input: 'src/site', output: OUTPUT_DIR },
    pathPrefix: settings.pathPrefix,
    markdownTemplateEngine: false,
    htmlTemplateEngine: false,
  };
}
