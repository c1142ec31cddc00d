// Builds the search file from the catalog: a lunr index over every entry and the store of what
// each result shows.
import type { Catalog, CatalogEntry, CatalogSection } from '../catalog/types.ts';
import { compactIndex, type PositionPolicy } from './compactIndex.ts';
import { configureBuilder, lunr } from './lunrPipeline.ts';
import { markdownText } from './markdownText.ts';
import { SEARCH_FIELDS, SNIPPET_FIELDS, type SearchField, type SearchFieldName } from './searchFields.ts';
import { entryRef, SEARCH_FILE_VERSION, type SearchFile, type SearchStore, type StoredEntry } from './searchStore.ts';

/** The maximum snippet length in characters. Longer fields are cut at a word boundary. */
export const SNIPPET_MAX_LENGTH = 220;

/** The text of each field of one entry, as the index and the snippets see it. */
export type SearchDocument = Record<SearchFieldName, string> & { ref: string };

/**
 * Builds the index and store for every entry of `catalog`, in catalog order, with the field
 * boosts of `fields` (default SEARCH_FIELDS; the quality tests compare others).
 * Requires a validated catalog (every entry's section belongs to its list); throws nothing else.
 */
export function buildSearchFile(catalog: Catalog, fields: readonly SearchField[] = SEARCH_FIELDS): SearchFile {
  const store: SearchStore = { lists: [], sections: [], entries: [] };
  const listNumbers = new Map<string, number>();
  const sectionNumbers = new Map<CatalogSection, number>();

  for (const list of catalog.lists) {
    listNumbers.set(list.id, store.lists.length);
    store.lists.push([list.id, list.data.title]);
    for (const section of list.sectionsByPath.values()) {
      const parent = section.parent === undefined ? -1 : (sectionNumbers.get(section.parent) ?? -1);
      sectionNumbers.set(section, store.sections.length);
      store.sections.push([listNumbers.get(list.id) ?? 0, section.path, section.title, parent]);
    }
  }

  const documents = catalog.entries.map((entry, position) => searchDocument(entry, entryRef(position)));
  const snippetLengths = new Map<string, { field: SearchFieldName; length: number }>();

  catalog.entries.forEach((entry, position) => {
    const document = documents[position]!;
    const snippet = chooseSnippet(document);
    if (snippet) snippetLengths.set(document.ref, { field: snippet.field, length: snippet.text.length });

    const stored: StoredEntry = [
      entry.data.title,
      entry.slug,
      sectionNumbers.get(entry.section) ?? -1,
      snippet?.text ?? '',
      snippet ? SNIPPET_FIELDS.indexOf(snippet.field) : -1,
      entry.alsoIn.map((section) => sectionNumbers.get(section) ?? -1).filter((number) => number >= 0),
    ];
    store.entries.push(stored);
  });

  const index = lunr(function () {
    configureBuilder(this);
    this.ref('ref');
    for (const field of fields) this.field(field.name, { boost: field.boost });
    for (const document of documents) this.add(document);
  });

  const keepPosition: PositionPolicy = (field, ref, start) => {
    if (field === 'title') return true;
    const snippet = snippetLengths.get(ref);
    return snippet !== undefined && snippet.field === field && start < snippet.length;
  };

  return { version: SEARCH_FILE_VERSION, index: compactIndex(index.toJSON(), keepPosition), store };
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
