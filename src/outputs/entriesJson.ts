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
    $schema: url(entriesSchemaPath()),
    version: 1,
    site: { title: settings.title, url: url(homePath()) },
    lists: lists.map((list) => exportList(list, url)),
    entries: lists.flatMap((list) => list.entries.map((entry) => exportEntry(entry, url))),
  };
}

/** Renders `buildExport(lists, settings)` as indented JSON text, ending with a line break. */
export function renderEntriesJson(lists: CatalogList[], settings: Settings): string {
  return `${JSON.stringify(buildExport(lists, settings), null, 2)}\n`;
}

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
