// Loads the search file next to the bundle and runs queries on it, with the site's path prefix
// worked out from the bundle's own URL.
import { loadSearchFile, runSearch, type LoadedSearch, type SearchOutcome } from '../search/searchQuery.ts';
import type { SearchFile } from '../search/searchStore.ts';
import { entryPath, withPrefix } from '../site/urls.ts';

/** The bundle lives at `<prefix>assets/search/`; everything before that is the path prefix. */
const ASSET_PATH = '/assets/search/';

export interface SearchEngine {
  search: LoadedSearch;
  run(text: string): SearchOutcome;
  /** The URL path of stored entry `entry`, with the path prefix. */
  entryHref(entry: number): string;
  /** Returns a site path (`/search/`) with the path prefix. */
  url(pagePath: string): string;
}

/** Returns the site's path prefix (`/` or `/<repo>/`) from `moduleUrl`, the bundle's URL. */
export function pathPrefixOf(moduleUrl: string): string {
  const pathname = new URL(moduleUrl).pathname;
  const at = pathname.lastIndexOf(ASSET_PATH);
  return at < 0 ? '/' : pathname.slice(0, at + 1);
}

/** Fetches and loads the search file. Throws an Error naming the file when it cannot be fetched or read. */
export async function loadSearchEngine(): Promise<SearchEngine> {
  const fileUrl = new URL(__SEARCH_INDEX_FILE__, import.meta.url);
  const response = await fetch(fileUrl);
  if (!response.ok) throw new Error(`${fileUrl.pathname}: HTTP ${response.status}`);

  const search = loadSearchFile((await response.json()) as SearchFile);
  const prefix = pathPrefixOf(import.meta.url);

  return {
    search,
    run: (text) => runSearch(search, text),
    entryHref: (entry) => {
      const stored = search.store.entries[entry];
      const list = stored ? search.store.lists[search.store.sections[stored[2]]?.[0] ?? -1] : undefined;
      return withPrefix(prefix, entryPath({ listId: list?.[0] ?? '', slug: stored?.[1] ?? '' }));
    },
    url: (pagePath) => withPrefix(prefix, pagePath),
  };
}
