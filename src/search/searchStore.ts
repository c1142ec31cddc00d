// The document store shipped beside the index: what a result shows, in arrays keyed by short
// numbers. The build splits the index and the store's entries into shards named by a manifest.
import type { SearchFieldName } from './searchFields.ts';

export const SEARCH_FILE_VERSION = 2;

/**
 * The manifest's file name, next to the browser bundle. The shards' names carry a content hash,
 * so that hosts can cache them for ever. The manifest's name does not, because the bundle names
 * it: a hashed name would change the bundle's name, and so every page's script tag, on each
 * content edit. Hosts must revalidate the manifest instead. The name carries the format version,
 * so that a bundle never reads a cached manifest of another version.
 */
export const SEARCH_MANIFEST_FILE = `index-${SEARCH_FILE_VERSION}.json`;

/** `[list id, list title]`. */
export type StoredList = [id: string, title: string];

/** `[list number, section path, section title, parent section number or -1]`. */
export type StoredSection = [list: number, path: string, title: string, parent: number];

/**
 * `[title, slug, section number, snippet, snippet field number, further section numbers]`. The
 * snippet is the start of one indexed field (`SNIPPET_FIELDS[snippet field]`), so the match
 * positions of that field apply to it unchanged; -1 when the entry has no snippet.
 */
export type StoredEntry = [title: string, slug: string, section: number, snippet: string, snippetField: number, also: number[]];

export interface SearchStore {
  lists: StoredList[];
  sections: StoredSection[];
  /**
   * One per indexed entry; an entry's lunr ref is its position here, written in base 36. In the
   * browser the array has holes for the entries of shards not loaded yet.
   */
  entries: StoredEntry[];
}

/** The whole index in one file: a lunr index (compacted, see compactIndex.ts) and the store. */
export interface SearchFile {
  version: typeof SEARCH_FILE_VERSION;
  index: object;
  store: SearchStore;
}

/** One shard of the index: the entries `start` to `start + entries.length - 1` of one list. */
export interface SearchShard {
  version: typeof SEARCH_FILE_VERSION;
  start: number;
  index: object;
  entries: StoredEntry[];
}

/** A shard as the manifest names it. */
export interface ShardReference {
  /** File name, relative to the manifest. */
  file: string;
  /** The list number of every entry in the shard. */
  list: number;
  /** The number of entries in the shard. */
  entries: number;
}

/** The file the browser fetches first: the lists, the sections and the shards to fetch next. */
export interface SearchManifest {
  version: typeof SEARCH_FILE_VERSION;
  lists: StoredList[];
  sections: StoredSection[];
  shards: ShardReference[];
}

/** The lunr ref of the entry at `position` in the store. */
export function entryRef(position: number): string {
  return position.toString(36);
}

/** The position in the store of the entry with lunr ref `ref`. */
export function entryPosition(ref: string): number {
  return Number.parseInt(ref, 36);
}

/** The field a stored entry's snippet comes from, or undefined when it has none. */
export function snippetFieldName(entry: StoredEntry, snippetFields: readonly SearchFieldName[]): SearchFieldName | undefined {
  return snippetFields[entry[4]];
}
