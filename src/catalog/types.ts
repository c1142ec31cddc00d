// The catalog: every list, section and entry of the content, validated and ordered, as the
// loader hands it to the site, the search index, the exports and the commands.
import type { EntryData } from '../../schemas/entry.ts';
import type { ListData } from '../../schemas/list.ts';

export interface Catalog {
  /** The lists, ordered by title. */
  lists: CatalogList[];
  /** Every entry of every list: list by list, and within a list in document order. */
  entries: CatalogEntry[];
  /** Every keyword of every entry, grouped case-insensitively, ordered A to Z. */
  keywords: CatalogKeyword[];
}

export interface CatalogList {
  /** The folder name under `content/`, such as `training-deep-neural-networks`. */
  id: string;
  /** The list file, relative to the project root with `/` separators. */
  file: string;
  data: ListData;
  /** The list file's Markdown body: text of the original document that precedes its first heading. */
  body: string;
  /** The top-level sections, each with its subsections, in document order. */
  sections: CatalogSection[];
  /** Every section of the list by its path, depth first in document order. */
  sectionsByPath: Map<string, CatalogSection>;
  /** The list's entries in document order: section by section, depth first, by each entry's category. */
  entries: CatalogEntry[];
  /** The newest entries first, by `added` date; entries without a date are left out. */
  recentlyAdded: CatalogEntry[];
}

export interface CatalogSection {
  listId: string;
  id: string;
  /** Ids from the top of the tree joined by `/`: `activation-functions/relu`. */
  path: string;
  title: string;
  /** Markdown text shown above the section's entries. */
  description: string | undefined;
  /** 1 for a top-level section. */
  depth: number;
  /** The sections from the top of the tree down to this one, this one included. */
  trail: CatalogSection[];
  parent: CatalogSection | undefined;
  sections: CatalogSection[];
  /** The entries placed directly in this section (by `category` or `also`), in order. */
  entries: CatalogEntry[];
  /** The number of distinct entries in this section and all its subsections. */
  totalEntries: number;
}

export interface CatalogEntry {
  listId: string;
  /** The file name without `.md`; unique within its list and used in the entry's URL. */
  slug: string;
  /** The entry file, relative to the project root with `/` separators. */
  file: string;
  data: EntryData;
  /** The Markdown body: notes, images and tables that belong to the entry. */
  body: string;
  /** The section named by `category`. */
  section: CatalogSection;
  /** The sections named by `also`, in the order written. */
  alsoIn: CatalogSection[];
  /** The entry's keywords, each pointing at the catalog keyword it is grouped under. */
  keywords: CatalogKeyword[];
}

export interface CatalogKeyword {
  /** A URL-safe slug of the keyword, unique in the catalog. */
  slug: string;
  /** The spelling most entries use; ties go to the first seen. */
  term: string;
  /** The entries that carry it, in catalog order. */
  entries: CatalogEntry[];
}
