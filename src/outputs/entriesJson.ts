// The JSON export of entries, as records of schemas/export.ts, and the JSON Schema it follows.
import { z } from 'zod';
import { exportSchema, type ExportDocument, type ExportEntry, type ExportList } from '../../schemas/export.ts';
import type { Settings } from '../../schemas/settings.ts';
import type { CatalogEntry, CatalogList, CatalogSection } from '../catalog/types.ts';
import { entryPath, homePath, listPath, sectionPath } from '../site/urls.ts';
import { arxivAbsUrl, arxivIdOf, arxivPdfUrl } from './arxiv.ts';
import { bibtexPath, entriesSchemaPath, listFeedPath, publicUrl } from './outputPaths.ts';

/**
 * Builds the export of `lists` and all their entries, list by list, each list in document order.
 * The result satisfies `exportSchema`.
 */
export function buildExport(lists: CatalogList[], settings: Settings): ExportDocument {
  const url = (pagePath: string) => publicUrl(settings, pagePath);

  return {
    ...exportHeader(lists, settings, url),
    entries: lists.flatMap((list) => list.entries.map((entry) => exportEntry(entry, url))),
  };
}

/** Renders `buildExport(lists, settings)` as indented JSON text, ending with a line break. */
export function renderEntriesJson(lists: CatalogList[], settings: Settings): string {
  const document = new ExportText(lists, settings);
  return document.start() + document.entries(exportEntriesText(lists.flatMap((list) => list.entries), settings)) + document.end();
}

/**
 * The text of an export document in parts, the same text as renderEntriesJson writes at once:
 * start(), then entries() for each run of entries in order, then end(). A writer that keeps one
 * run at a time never keeps the whole export (134 MB at 100,000 entries), and the text of a run
 * from exportEntriesText can go both into the site's export and into its list's.
 */
export class ExportText {
  private hasEntries = false;

  constructor(
    private readonly lists: CatalogList[],
    private readonly settings: Settings,
  ) {}

  /** Returns the text up to the opening bracket of the `entries` array. */
  start(): string {
    const url = (pagePath: string) => publicUrl(this.settings, pagePath);
    const header = JSON.stringify(exportHeader(this.lists, this.settings, url), null, 2);
    // The header's text ends with the object's closing "\n}", where the entries continue it.
    return `${header.slice(0, -2)},\n  "entries": [`;
  }

  /** Returns the text that adds `entriesText`, from exportEntriesText, after the entries so far. */
  entries(entriesText: string): string {
    if (entriesText === '') return '';
    const separator = this.hasEntries ? ',\n' : '\n';
    this.hasEntries = true;
    return separator + entriesText;
  }

  /** Returns the text that closes the document. */
  end(): string {
    return this.hasEntries ? `${ENTRIES_CLOSING}\n` : ']\n}\n';
  }
}

/**
 * Returns the records of `entries` as they appear in the `entries` array of an export document:
 * indented, separated by a comma and a line break, without a line break before the first or
 * after the last. Returns '' for no entries.
 */
export function exportEntriesText(entries: readonly CatalogEntry[], settings: Settings): string {
  if (entries.length === 0) return '';
  const url = (pagePath: string) => publicUrl(settings, pagePath);
  // Nested one level down as in the document, the records get the document's indentation.
  const text = JSON.stringify({ entries: entries.map((entry) => exportEntry(entry, url)) }, null, 2);
  return text.slice(ENTRIES_OPENING.length, -ENTRIES_CLOSING.length);
}

const ENTRIES_OPENING = '{\n  "entries": [\n';
const ENTRIES_CLOSING = '\n  ]\n}';

/** The checked-in copy of the export's JSON Schema, relative to the project root. */
export const EXPORT_SCHEMA_FILE = 'schemas/export.schema.json';

/**
 * Returns the JSON Schema (draft 2020-12) of the export, generated from `exportSchema`;
 * `id`, when given, becomes its `$id`.
 */
export function exportJsonSchema(id?: string): Record<string, unknown> {
  const schema = z.toJSONSchema(exportSchema);
  return id === undefined ? schema : { $schema: schema.$schema, $id: id, ...schema };
}

/** Renders `exportJsonSchema(id)` as indented JSON text, ending with a line break. */
export function renderExportJsonSchema(id?: string): string {
  return `${JSON.stringify(exportJsonSchema(id), null, 2)}\n`;
}

type UrlOf = (pagePath: string) => string;

/** Builds the export document's fields before `entries`, in the order they are written. */
function exportHeader(lists: CatalogList[], settings: Settings, url: UrlOf): Omit<ExportDocument, 'entries'> {
  return {
    $schema: url(entriesSchemaPath()),
    version: 1,
    site: { title: settings.title, url: url(homePath()) },
    lists: lists.map((list) => exportList(list, url)),
  };
}

function exportList(list: CatalogList, url: UrlOf): ExportList {
  const source = list.data.source;

  return {
    id: list.id,
    title: list.data.title,
    description: list.data.description,
    url: url(listPath(list)),
    feed: url(listFeedPath(list)),
    bibtex: url(bibtexPath(list)),
    entryCount: list.entries.length,
    source: source === undefined ? undefined : { url: source.url, licence: source.licence, copyright: source.copyright },
  };
}

function exportEntry(entry: CatalogEntry, url: UrlOf): ExportEntry {
  const { data } = entry;
  const arxivId = arxivIdOf(data);
  const notes = entry.body.trim();

  return {
    id: `${entry.listId}/${entry.slug}`,
    list: entry.listId,
    slug: entry.slug,
    url: url(entryPath(entry)),
    title: data.title,
    aliases: data.aliases ?? [],
    section: exportSection(entry.section, url),
    alsoIn: entry.alsoIn.map((section) => exportSection(section, url)),
    intro: data.intro ?? [],
    keywords: data.keywords ?? [],
    arxiv: arxivId === undefined ? undefined : { id: arxivId, abs: arxivAbsUrl(arxivId), pdf: arxivPdfUrl(arxivId) },
    links: (data.links ?? []).map((link) => ({ kind: link.kind, url: link.url, label: link.label, text: link.text })),
    details: (data.details ?? []).map((detail) => ({ key: detail.key, text: detail.text })),
    added: data.added,
    notes: notes.length > 0 ? entry.body : undefined,
    file: entry.file,
  };
}

function exportSection(section: CatalogSection, url: UrlOf) {
  return {
    path: section.path,
    titles: section.trail.map((ancestor) => ancestor.title),
    url: url(sectionPath(section)),
  };
}
