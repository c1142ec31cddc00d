// Reads the search manifest and shards that writeSearchAssets wrote, in Node, for the tests and
// the benchmarks: the same loading code as the browser, from files instead of fetch.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { addSearchShard, loadSearchManifest, type LoadedSearch } from './searchQuery.ts';
import type { SearchManifest, SearchShard } from './searchStore.ts';

/**
 * Reads the manifest at `manifestFile` and the shards it names (all, or the first `shardCount`),
 * resolved against the manifest's folder. Throws when a file is missing or not a search file of
 * this version.
 */
export async function readSearchFiles(manifestFile: string, shardCount?: number): Promise<LoadedSearch> {
  const manifest = JSON.parse(await readFile(manifestFile, 'utf8')) as SearchManifest;
  const search = loadSearchManifest(manifest);
  for (const shard of manifest.shards.slice(0, shardCount)) {
    const text = await readFile(path.join(path.dirname(manifestFile), shard.file), 'utf8');
    addSearchShard(search, JSON.parse(text) as SearchShard);
  }
  return search;
}
