// Loads the search manifest and its shards next to the bundle and runs queries on the shards
// loaded so far, with the site's path prefix worked out from the bundle's own URL.
import { addSearchShard, loadSearchManifest, runSearch, type LoadedSearch, type SearchOutcome } from '../search/searchQuery.ts';
import type { SearchManifest, SearchShard, ShardReference } from '../search/searchStore.ts';
import { entryPath, withPrefix } from '../site/urls.ts';

/** The bundle lives at `<prefix>assets/search/`; everything before that is the path prefix. */
const ASSET_PATH = '/assets/search/';

/** Shards fetched at the same time after the first. */
const PARALLEL_FETCHES = 2;

export interface SearchEngine {
  search: LoadedSearch;
  run(text: string): SearchOutcome;
  /** The URL path of stored entry `entry`, with the path prefix. */
  entryHref(entry: number): string;
  /** Returns a site path (`/search/`) with the path prefix. */
  url(pagePath: string): string;
  /** Starts fetching the shards after the first, in the background; later calls do nothing. */
  loadRemaining(): void;
  /** The shards not loaded yet, and those that failed to load, out of `total`. */
  progress(): { pending: number; failed: number; total: number };
  /** Calls `listener` after each further shard is loaded or fails. */
  onProgress(listener: () => void): void;
}

/** Returns the site's path prefix (`/` or `/<repo>/`) from `moduleUrl`, the bundle's URL. */
export function pathPrefixOf(moduleUrl: string): string {
  const pathname = new URL(moduleUrl).pathname;
  const at = pathname.lastIndexOf(ASSET_PATH);
  return at < 0 ? '/' : pathname.slice(0, at + 1);
}

/**
 * Returns the id of the list that `pagePath` (a URL path with the prefix) belongs to, when its
 * first segment after `prefix` is one of `listIds`: a list, section or entry page.
 */
export function listOfPage(pagePath: string, prefix: string, listIds: readonly string[]): string | undefined {
  if (!pagePath.startsWith(prefix)) return undefined;
  const segment = decodeURIComponent(pagePath.slice(prefix.length).split('/')[0] ?? '');
  return listIds.includes(segment) ? segment : undefined;
}

/**
 * Fetches the manifest and the first shard of the first list to search: `preferredList`, else
 * the list of the current page, else the first list. Resolves when that shard is loaded.
 * loadRemaining then fetches the others, the rest of that list first. Throws an Error naming
 * the file when the manifest or the first shard cannot be fetched or read.
 */
export async function loadSearchEngine(preferredList?: string): Promise<SearchEngine> {
  const manifestUrl = new URL(__SEARCH_INDEX_FILE__, import.meta.url);
  const manifest = (await fetchJson(manifestUrl)) as SearchManifest;
  const search = loadSearchManifest(manifest);
  const prefix = pathPrefixOf(import.meta.url);

  const listIds = manifest.lists.map(([id]) => id);
  const firstListId = preferredList !== undefined && listIds.includes(preferredList) ? preferredList : listOfPage(location.pathname, prefix, listIds);
  const firstList = firstListId === undefined ? (manifest.shards[0]?.list ?? 0) : listIds.indexOf(firstListId);
  const queue = [
    ...manifest.shards.filter((shard) => shard.list === firstList),
    ...manifest.shards.filter((shard) => shard.list !== firstList),
  ];

  const loadShard = async (shard: ShardReference) => {
    addSearchShard(search, (await fetchJson(new URL(shard.file, manifestUrl))) as SearchShard);
  };
  const first = queue.shift();
  if (first !== undefined) await loadShard(first);

  let pending = queue.length;
  let failed = 0;
  let started = false;
  const listeners: (() => void)[] = [];
  const worker = async () => {
    for (let shard = queue.shift(); shard !== undefined; shard = queue.shift()) {
      try {
        await loadShard(shard);
      } catch (error) {
        failed += 1;
        console.error(`search: ${shard.file} could not be loaded`, error);
      }
      pending -= 1;
      for (const listener of listeners) listener();
    }
  };

  return {
    search,
    run: (text) => runSearch(search, text),
    entryHref: (entry) => {
      const stored = search.store.entries[entry];
      const list = stored ? search.store.lists[search.store.sections[stored[2]]?.[0] ?? -1] : undefined;
      return withPrefix(prefix, entryPath({ listId: list?.[0] ?? '', slug: stored?.[1] ?? '' }));
    },
    url: (pagePath) => withPrefix(prefix, pagePath),
    loadRemaining: () => {
      if (started) return;
      started = true;
      for (let count = 0; count < Math.min(PARALLEL_FETCHES, queue.length); count += 1) void worker();
    },
    progress: () => ({ pending, failed, total: manifest.shards.length }),
    onProgress: (listener) => listeners.push(listener),
  };
}

async function fetchJson(url: URL): Promise<unknown> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url.pathname}: HTTP ${response.status}`);
  return response.json();
}
