// Assembles the catalog from validated lists and entries: section trees in document order,
// entries placed and ordered in their sections, recently added entries and keywords.
import type { EntryData } from '../../schemas/entry.ts';
import type { ListData, SectionData } from '../../schemas/list.ts';
import { buildKeywords } from './buildKeywords.ts';
import { compareText } from './compareText.ts';
import type { Catalog, CatalogEntry, CatalogList, CatalogSection } from './types.ts';

export interface ValidList {
  id: string;
  file: string;
  data: ListData;
  body: string;
}

export interface ValidEntry {
  listId: string;
  slug: string;
  file: string;
  data: EntryData;
  body: string;
}

interface Placed {
  entry: CatalogEntry;
  order: number | undefined;
}

/**
 * Builds the catalog from entries given in any order. Requires valid input: every entry's list
 * among `lists`, and every `category` and `also` a section path of that list. The validation
 * checks both, and this throws an Error naming the file if one is still wrong.
 */
export function assembleCatalog(lists: readonly ValidList[], entries: readonly ValidEntry[]): Catalog {
  const entriesByList = new Map<string, ValidEntry[]>();
  for (const entry of entries) {
    const group = entriesByList.get(entry.listId);
    if (group) group.push(entry);
    else entriesByList.set(entry.listId, [entry]);
  }

  const sortedLists = [...lists].sort((a, b) => compareText(a.data.title, b.data.title) || compareText(a.id, b.id));
  const catalogLists = sortedLists.map((list) => assembleList(list, entriesByList.get(list.id) ?? []));
  const catalogEntries = catalogLists.flatMap((list) => list.entries);
  const keywords = buildKeywords(catalogEntries);
  return { lists: catalogLists, entries: catalogEntries, keywords };
}

function assembleList(list: ValidList, entries: readonly ValidEntry[]): CatalogList {
  const sectionsByPath = new Map<string, CatalogSection>();
  const sections = buildSections(list.id, list.data.sections, undefined, sectionsByPath);
  const placed = new Map<CatalogSection, Placed[]>();

  const place = (section: CatalogSection, entry: CatalogEntry, order: number | undefined) => {
    const group = placed.get(section);
    if (group) group.push({ entry, order });
    else placed.set(section, [{ entry, order }]);
  };

  for (const entry of entries) {
    const section = sectionsByPath.get(entry.data.category);
    if (section === undefined) throw new Error(`${entry.file}: the section "${entry.data.category}" is not in the list "${list.id}"`);
    const alsoIn = (entry.data.also ?? []).map((placement) => {
      const other = sectionsByPath.get(placement.category);
      if (other === undefined) throw new Error(`${entry.file}: the section "${placement.category}" is not in the list "${list.id}"`);
      return other;
    });

    const catalogEntry: CatalogEntry = { ...entry, section, alsoIn, keywords: [] };
    place(section, catalogEntry, entry.data.order);
    entry.data.also?.forEach((placement, index) => place(alsoIn[index]!, catalogEntry, placement.order));
  }

  for (const [section, group] of placed) section.entries = group.sort(comparePlaced).map((item) => item.entry);

  const listEntries: CatalogEntry[] = [];
  for (const section of sectionsByPath.values()) {
    for (const entry of section.entries) if (entry.section === section) listEntries.push(entry);
  }
  countEntries(sections);

  const recentlyAdded = listEntries
    .filter((entry) => entry.data.added !== undefined)
    .sort((a, b) => compareText(b.data.added!, a.data.added!) || compareText(a.data.title, b.data.title));

  return { id: list.id, file: list.file, data: list.data, body: list.body, sections, sectionsByPath, entries: listEntries, recentlyAdded };
}

/** Builds the section tree depth first, so that `sectionsByPath` iterates in document order. */
function buildSections(
  listId: string,
  data: readonly SectionData[],
  parent: CatalogSection | undefined,
  sectionsByPath: Map<string, CatalogSection>,
): CatalogSection[] {
  return data.map((item) => {
    const path = parent === undefined ? item.id : `${parent.path}/${item.id}`;
    const section: CatalogSection = {
      listId,
      id: item.id,
      path,
      title: item.title,
      description: item.description,
      depth: (parent?.depth ?? 0) + 1,
      trail: [],
      parent,
      sections: [],
      entries: [],
      totalEntries: 0,
    };
    section.trail = parent === undefined ? [section] : [...parent.trail, section];
    sectionsByPath.set(path, section);
    section.sections = buildSections(listId, item.sections ?? [], section, sectionsByPath);
    return section;
  });
}

/** Sets totalEntries bottom up: an entry placed in two subsections of one section counts once there. */
function countEntries(sections: readonly CatalogSection[]): Set<CatalogEntry>[] {
  return sections.map((section) => {
    const distinct = new Set<CatalogEntry>(section.entries);
    for (const below of countEntries(section.sections)) for (const entry of below) distinct.add(entry);
    section.totalEntries = distinct.size;
    return distinct;
  });
}

/** Entries with an order first, by order; then the rest, oldest `added` first (undated last), then by title. */
function comparePlaced(a: Placed, b: Placed): number {
  if (a.order !== undefined || b.order !== undefined) {
    if (a.order === undefined) return 1;
    if (b.order === undefined) return -1;
    if (a.order !== b.order) return a.order - b.order;
  } else {
    const addedA = a.entry.data.added;
    const addedB = b.entry.data.added;
    if (addedA !== addedB) {
      if (addedA === undefined) return 1;
      if (addedB === undefined) return -1;
      return compareText(addedA, addedB);
    }
  }
  return compareText(a.entry.data.title, b.entry.data.title) || compareText(a.entry.slug, b.entry.slug);
}
