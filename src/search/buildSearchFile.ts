// Builds the search files from the catalog: lunr indexes over the entries, in one file or in
// shards per list, and the store of what each result shows.
import type { Catalog, CatalogEntry, CatalogSection } from '../catalog/types.ts';
import { buildCompactIndex, writeCompactIndex, type IndexedDocument, type PositionLimit } from './indexBuilder.ts';
import { JsonBytes } from './jsonBytes.ts';
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
  const built = buildShard({ start: 0, sources: entries.map(({ entry }) => entrySource(entry, sections.numbers)) }, fields);
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
  return prepareSearchShards(catalog, (prepared, number) => onShard(buildShard(prepared, fields), number), maxEntries);
}

/**
 * The entries of one shard as plain data, before their text is indexed: what buildShard needs,
 * without catalog objects, so that it can be posted to a worker thread.
 */
export interface PreparedShard {
  /** The store number of the first entry. */
  start: number;
  sources: EntrySource[];
}

/** The fields of one entry that its search document and stored entry are made of. */
export interface EntrySource {
  title: string;
  slug: string;
  /** Store numbers of the entry's section and of its further sections (`also`). */
  section: number;
  alsoIn: number[];
  aliases: string;
  keywords: string;
  arxiv: string;
  intro: string;
  /** The titles of every section on the trails of the entry's sections, one a line. */
  sections: string;
  links: string;
  /** The Markdown body, turned into plain text by buildShard. */
  body: string;
  /** The texts of the entry's details (`author: ...`), searched with the notes. */
  details: string[];
}

/**
 * Splits the entries of `catalog` into the shards of buildSearchShards and passes each, as plain
 * data, to `onShard` with its number. Returns the manifest, without shard file names.
 */
export function prepareSearchShards(
  catalog: Catalog,
  onShard: (prepared: PreparedShard, number: number) => void,
  maxEntries: number = SHARD_MAX_ENTRIES,
): SearchShards['manifest'] {
  const plan = planSearchShards(catalog, maxEntries);
  plan.manifest.shards.forEach((_, number) => onShard(plan.prepare(number), number));
  return plan.manifest;
}

/** The shards of a catalog: the manifest, and each shard's entries collected on request. */
export interface SearchShardPlan {
  /** The manifest, without shard file names. */
  manifest: SearchShards['manifest'];
  /** Returns the entries of shard `number` (0 to the number of shards - 1) as plain data. */
  prepare(number: number): PreparedShard;
}

/**
 * Splits the entries of `catalog` into the shards of buildSearchShards, without collecting their
 * fields yet, so that a caller can prepare and hand over one shard at a time.
 */
export function planSearchShards(catalog: Catalog, maxEntries: number = SHARD_MAX_ENTRIES): SearchShardPlan {
  const { lists, sections, entries } = numberEntries(catalog);
  const references: Omit<ShardReference, 'file'>[] = [];
  const starts: number[] = [];

  let start = 0;
  while (start < entries.length) {
    const list = entries[start]!.list;
    let end = start;
    while (end < entries.length && end - start < maxEntries && entries[end]!.list === list) end += 1;

    starts.push(start);
    references.push({ list, entries: end - start });
    start = end;
  }

  return {
    manifest: { version: SEARCH_FILE_VERSION, lists, sections: sections.stored, shards: references },
    prepare: (number) => {
      const first = starts[number];
      const reference = references[number];
      if (first === undefined || reference === undefined) throw new RangeError(`no search shard ${number}: the catalog has ${references.length}`);
      const sources = entries.slice(first, first + reference.entries).map(({ entry }) => entrySource(entry, sections.numbers));
      return { start: first, sources };
    },
  };
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

/** Builds the serialised index of a shard's documents; buildCompactIndex, or lunr.Builder's path in the tests. */
export type ShardIndexer = (documents: readonly IndexedDocument[], fields: readonly SearchField[], keepBelow: PositionLimit) => object;

/**
 * Builds the lunr index (compacted as compactIndex does) and the stored entries of `prepared`,
 * numbered from its start, with `indexer` (default buildCompactIndex). Match positions are kept
 * for the title and for the snippet's field up to the snippet's length, because the result list
 * highlights only those.
 */
export function buildShard(prepared: PreparedShard, fields: readonly SearchField[] = SEARCH_FIELDS, indexer: ShardIndexer = buildCompactIndex): SearchShard {
  const { documents, stored, keepBelow } = shardContents(prepared);
  return { version: SEARCH_FILE_VERSION, start: prepared.start, index: indexer(documents, fields, keepBelow), entries: stored };
}

/**
 * Returns the JSON text of buildShard's shard, written without the index objects, because those
 * of a shard of a thousand entries cost more to create and stringify than to index.
 */
export function buildShardJson(prepared: PreparedShard, fields: readonly SearchField[] = SEARCH_FIELDS): string {
  return buildShardBytes(prepared, fields).toString('utf8');
}

/** Returns the UTF-8 bytes of buildShardJson's text, written without building the text first. */
export function buildShardBytes(prepared: PreparedShard, fields: readonly SearchField[] = SEARCH_FIELDS): Buffer {
  const { documents, stored, keepBelow } = shardContents(prepared);
  const out = new JsonBytes();
  out.ascii(`{"version":${SEARCH_FILE_VERSION},"start":`);
  out.integer(prepared.start);
  out.ascii(',"index":');
  writeCompactIndex(out, documents, fields, keepBelow);
  out.ascii(',"entries":');
  out.json(JSON.stringify(stored));
  out.ascii('}');
  return out.bytes();
}

/** Returns the search documents and stored entries of `prepared`, and which match positions to keep. */
function shardContents(prepared: PreparedShard): { documents: SearchDocument[]; stored: StoredEntry[]; keepBelow: PositionLimit } {
  const documents = prepared.sources.map((source, offset) => documentOf(source, entryRef(prepared.start + offset)));
  const snippetLengths = new Map<string, { field: SearchFieldName; length: number }>();

  const stored = prepared.sources.map((source, offset): StoredEntry => {
    const document = documents[offset]!;
    const snippet = chooseSnippet(document);
    if (snippet) snippetLengths.set(document.ref, { field: snippet.field, length: snippet.text.length });

    return [source.title, source.slug, source.section, snippet?.text ?? '', snippet ? SNIPPET_FIELDS.indexOf(snippet.field) : -1, source.alsoIn];
  });

  const keepBelow: PositionLimit = (field, ref) => {
    if (field === 'title') return Infinity;
    const snippet = snippetLengths.get(ref);
    return snippet !== undefined && snippet.field === field ? snippet.length : 0;
  };

  return { documents, stored, keepBelow };
}

/** Returns the text of each indexed field of `entry`. Details (`author: ...`) are searched with the notes. */
export function searchDocument(entry: CatalogEntry, ref: string): SearchDocument {
  return documentOf(entrySource(entry, new Map()), ref);
}

/** Collects the fields of `entry`, with its sections numbered by `sectionNumbers` (-1 when missing, dropped from `alsoIn`). */
function entrySource(entry: CatalogEntry, sectionNumbers: ReadonlyMap<CatalogSection, number>): EntrySource {
  const data = entry.data;
  const sections = [entry.section, ...entry.alsoIn].flatMap((section) => section.trail.map((step) => step.title));
  const links = (data.links ?? []).flatMap((link) => [link.label, link.text]).filter((text) => text !== undefined);

  return {
    title: data.title,
    slug: entry.slug,
    section: sectionNumbers.get(entry.section) ?? -1,
    alsoIn: entry.alsoIn.map((section) => sectionNumbers.get(section) ?? -1).filter((number) => number >= 0),
    aliases: (data.aliases ?? []).join('\n'),
    keywords: (data.keywords ?? []).join(', '),
    arxiv: data.arxiv ?? '',
    intro: (data.intro ?? []).join(' · '),
    sections: [...new Set(sections)].join('\n'),
    links: links.join('\n'),
    body: entry.body,
    details: (data.details ?? []).map((detail) => detail.text),
  };
}

/** Returns the search document of `source` under `ref`: its notes are the body's plain text, then the details. */
function documentOf(source: EntrySource, ref: string): SearchDocument {
  const notes = [markdownText(source.body), ...source.details].filter((text) => text !== '');
  return {
    ref,
    title: source.title,
    aliases: source.aliases,
    keywords: source.keywords,
    arxiv: source.arxiv,
    intro: source.intro,
    section: source.sections,
    links: source.links,
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
