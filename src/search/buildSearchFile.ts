// Builds the search files from the catalog: lunr indexes over the entries, in one file or in
// shards per list, and the store of what each result shows.
import type { Catalog, CatalogEntry, CatalogSection } from '../catalog/types.ts';
import { compactIndex, type PositionPolicy } from './compactIndex.ts';
import { configureBuilder, lunr } from './lunrPipeline.ts';
import { markdownText } from './markdownText.ts';
import { SEARCH_FIELDS, SNIPPET_FIELDS, type SearchField, type SearchFieldName } from './searchFields.ts';
import {
  entryRef,
  SEARCH_FILE_VERSION,
  type SearchFile,
  type SearchManifest,
  type SearchShard,
  type ShardReference,
  type StoredEntry,
  type StoredList,
  type StoredSection,
} from './searchStore.ts';

/** The maximum snippet length in characters. Longer fields are cut at a word boundary. */
export const SNIPPET_MAX_LENGTH = 220;

/**
 * The maximum number of entries in one shard. A shard of 1,000 entries of `npm run bench`'s
 * generated content is about 245 KB gzip, so with the manifest and the search code the download
 * before the first result stays under 300 KB.
 */
export const SHARD_MAX_ENTRIES = 1000;

/** The text of each field of one entry, as the index and the snippets see it. */
export type SearchDocument = Record<SearchFieldName, string> & { ref: string };

/** The manifest, without shard file names, and the shards it names, in the same order. */
export interface SearchShards {
  manifest: Omit<SearchManifest, 'shards'> & { shards: Omit<ShardReference, 'file'>[] };
  shards: SearchShard[];
}

/**
 * Builds the index and store for every entry of `catalog` as one file, with the field boosts of
 * `fields` (default SEARCH_FIELDS; the quality tests compare others). Entries are numbered list
 * by list, in catalog order within a list. Requires a validated catalog (every entry's section
 * belongs to its list); throws nothing else.
 */
export function buildSearchFile(catalog: Catalog, fields: readonly SearchField[] = SEARCH_FIELDS): SearchFile {
  const { lists, sections, entries } = numberEntries(catalog);
  const built = buildShard(entries.map(({ entry }) => entry), 0, sections, fields);
  return { version: SEARCH_FILE_VERSION, index: built.index, store: { lists, sections: sections.stored, entries: built.entries } };
}

/**
 * Builds the index and store of `catalog` in shards: one per list, or several of at most
 * `maxEntries` entries for a longer list, each with its own lunr index, and a manifest of the
 * lists, sections and shards. Entries are numbered as in buildSearchFile, so the shards of one
 * catalog together hold the entries of its buildSearchFile store.
 */
export function buildSearchShards(
  catalog: Catalog,
  maxEntries: number = SHARD_MAX_ENTRIES,
  fields: readonly SearchField[] = SEARCH_FIELDS,
): SearchShards {
  const shards: SearchShard[] = [];
  const manifest = forEachSearchShard(catalog, (shard) => shards.push(shard), maxEntries, fields);
  return { manifest, shards };
}

/**
 * Builds the shards of buildSearchShards one at a time and passes each to `onShard` with its
 * number, so that a caller can write it and let it go before the next is built. Returns the
 * manifest, without shard file names.
 */
export function forEachSearchShard(
  catalog: Catalog,
  onShard: (shard: SearchShard, number: number) => void,
  maxEntries: number = SHARD_MAX_ENTRIES,
  fields: readonly SearchField[] = SEARCH_FIELDS,
): SearchShards['manifest'] {
  const { lists, sections, entries } = numberEntries(catalog);
  const references: Omit<ShardReference, 'file'>[] = [];

  let start = 0;
  while (start < entries.length) {
    const list = entries[start]!.list;
    let end = start;
    while (end < entries.length && end - start < maxEntries && entries[end]!.list === list) end += 1;

    const built = buildShard(entries.slice(start, end).map(({ entry }) => entry), start, sections, fields);
    onShard({ version: SEARCH_FILE_VERSION, start, index: built.index, entries: built.entries }, references.length);
    references.push({ list, entries: end - start });
    start = end;
  }

  return { version: SEARCH_FILE_VERSION, lists, sections: sections.stored, shards: references };
}

interface NumberedSections {
  stored: StoredSection[];
  numbers: Map<CatalogSection, number>;
}

/** Numbers the lists and sections in catalog order, and the entries list by list. */
function numberEntries(catalog: Catalog): { lists: StoredList[]; sections: NumberedSections; entries: { entry: CatalogEntry; list: number }[] } {
  const lists: StoredList[] = [];
  const sections: NumberedSections = { stored: [], numbers: new Map() };
  const listNumbers = new Map<string, number>();

  for (const list of catalog.lists) {
    listNumbers.set(list.id, lists.length);
    lists.push([list.id, list.data.title]);
    for (const section of list.sectionsByPath.values()) {
      const parent = section.parent === undefined ? -1 : (sections.numbers.get(section.parent) ?? -1);
      sections.numbers.set(section, sections.stored.length);
      sections.stored.push([listNumbers.get(list.id) ?? 0, section.path, section.title, parent]);
    }
  }

  const entries = catalog.entries
    .map((entry, position) => ({ entry, list: listNumbers.get(entry.listId) ?? 0, position }))
    .sort((a, b) => a.list - b.list || a.position - b.position)
    .map(({ entry, list }) => ({ entry, list }));
  return { lists, sections, entries };
}

/** Builds the lunr index and stored entries of `entries`, numbered from `start`. */
function buildShard(
  entries: readonly CatalogEntry[],
  start: number,
  sections: NumberedSections,
  fields: readonly SearchField[],
): { index: object; entries: StoredEntry[] } {
  const documents = entries.map((entry, offset) => searchDocument(entry, entryRef(start + offset)));
  const snippetLengths = new Map<string, { field: SearchFieldName; length: number }>();

  const stored = entries.map((entry, offset): StoredEntry => {
    const document = documents[offset]!;
    const snippet = chooseSnippet(document);
    if (snippet) snippetLengths.set(document.ref, { field: snippet.field, length: snippet.text.length });

    return [
      entry.data.title,
      entry.slug,
      sections.numbers.get(entry.section) ?? -1,
      snippet?.text ?? '',
      snippet ? SNIPPET_FIELDS.indexOf(snippet.field) : -1,
      entry.alsoIn.map((section) => sections.numbers.get(section) ?? -1).filter((number) => number >= 0),
    ];
  });

  const index = lunr(function () {
    configureBuilder(this);
    this.ref('ref');
    for (const field of fields) this.field(field.name, { boost: field.boost });
    for (const document of documents) this.add(document);
  });

  const keepPosition: PositionPolicy = (field, ref, position) => {
    if (field === 'title') return true;
    const snippet = snippetLengths.get(ref);
    return snippet !== undefined && snippet.field === field && position < snippet.length;
  };

  return { index: compactIndex(index.toJSON(), keepPosition), entries: stored };
}

/** Returns the text of each indexed field of `entry`. Details (`author: ...`) are searched with the notes. */
export function searchDocument(entry: CatalogEntry, ref: string): SearchDocument {
  const data = entry.data;
  const sections = [entry.section, ...entry.alsoIn].flatMap((section) => section.trail.map((step) => step.title));
  const links = (data.links ?? []).flatMap((link) => [link.label, link.text]).filter((text) => text !== undefined);
  const details = (data.details ?? []).map((detail) => detail.text);
  const notes = [markdownText(entry.body), ...details].filter((text) => text !== '');

  return {
    ref,
    title: data.title,
    aliases: (data.aliases ?? []).join('\n'),
    keywords: (data.keywords ?? []).join(', '),
    arxiv: data.arxiv ?? '',
    intro: (data.intro ?? []).join(' · '),
    section: [...new Set(sections)].join('\n'),
    links: links.join('\n'),
    notes: notes.join('\n'),
  };
}

/** Returns the first of intro, keywords and notes that has text, cut to SNIPPET_MAX_LENGTH at a word boundary. */
function chooseSnippet(document: SearchDocument): { field: SearchFieldName; text: string } | undefined {
  for (const field of SNIPPET_FIELDS) {
    const text = document[field];
    if (text === '') continue;
    return { field, text: cutAtWord(text, SNIPPET_MAX_LENGTH) };
  }
  return undefined;
}

function cutAtWord(text: string, maxLength: number): string {
  if (text.length <= maxLength) return text;
  const cut = text.lastIndexOf(' ', maxLength);
  return text.slice(0, cut > maxLength / 2 ? cut : maxLength);
}
