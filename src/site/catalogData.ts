// The catalog as Eleventy global data: loaded and validated by the loader once per build and
// shared by every part of the build that needs it.
import { debuglog } from 'node:util';
import type { Catalog } from '../catalog/types.ts';
import { ContentError, loadCatalogOrThrow } from '../catalog/loadCatalog.ts';
import type { EntryResultCache } from '../validate/validateEntries.ts';
import { takePreloadedCatalog } from './catalogPreload.ts';
import type { EleventyConfig } from './eleventyConfig.ts';

/**
 * Returns a function that loads the catalog from `<root>/<contentDir>` at most once per build:
 * each build's `eleventy.before` starts a new load, and its result is shared until the next build
 * (or rebuild under --serve) starts. Under --serve or --watch each entry file's result is kept
 * by path, size and modification time, so a rebuild reads only the files that changed. The
 * checks across files still run on the whole catalog.
 * The first build takes the catalog that `npm run build` loaded on a worker before Eleventy
 * started, when there is one (catalogPreload.ts).
 * The function rejects with the loader's ContentError when the content has errors; the error's
 * message is the report of every problem, and Eleventy is told to print it without a stack trace.
 */
export function catalogLoader(eleventyConfig: EleventyConfig, root: string, contentDir: string): () => Promise<Catalog> {
  let loading: Promise<Catalog> | undefined;
  let cache: EntryResultCache | undefined;
  eleventyConfig.on('eleventy.before', (event?: { runMode?: string }) => {
    if (event?.runMode === 'serve' || event?.runMode === 'watch') cache ??= new Map();
    // Loading starts here rather than when Eleventy first requests the data, so that it runs
    // while later eleventy.before handlers wait, such as the one awaiting the listing of the
    // old output (cleanOutputFolder). A content error rejects the promise the function returns.
    const preloaded = takePreloadedCatalog(root, contentDir);
    loading = preloaded ? preloaded.then((catalog) => catalogFromWorker(catalog) ?? loadCatalogData(root, contentDir, cache)) : loadCatalogData(root, contentDir, cache);
    loading.catch(() => undefined);
  });

  return () => {
    loading ??= loadCatalogData(root, contentDir, cache);
    return loading;
  };
}

/** Prints whether the worker's catalog is used under NODE_DEBUG=reading-lists, for tests and for finding a lost speed-up. */
const debug = debuglog('reading-lists');

/** Returns `catalog`, the worker's, and reports whether there is one under NODE_DEBUG. */
function catalogFromWorker(catalog: Catalog | undefined): Catalog | undefined {
  debug(catalog ? 'using the catalog loaded by the build script\'s worker' : 'the build script\'s worker sent no catalog, so it is loaded again');
  return catalog;
}

async function loadCatalogData(root: string, contentDir: string, cache: EntryResultCache | undefined): Promise<Catalog> {
  try {
    return await loadCatalogOrThrow(root, { contentDir, cache });
  } catch (error) {
    // Eleventy's error printer leaves out the stack of an error that sets skipOriginalStack.
    if (error instanceof ContentError) Object.assign(error, { skipOriginalStack: true });
    throw error;
  }
}
