// The JSON export of the entries (`/entries.json` and `/<list>/entries.json`): one record per
// entry with everything its file holds, plus its absolute URLs. schemas/export.schema.json is
// generated from this schema.
import { z } from 'zod';

/** A URL the build makes (a page, a feed, an arXiv link): absolute, percent-encoded, http or https. */
const webUrl = z.url({ protocol: /^https?$/ });

/** A URL as a content file writes it: absolute http or https, not necessarily percent-encoded. */
const writtenUrl = z
  .string()
  .regex(/^https?:\/\//i)
  .describe('An absolute http or https URL as written in the content file, not necessarily percent-encoded.');

const exportSectionSchema = z.strictObject({
  path: z.string().describe('Section ids from the top of the list\'s tree joined by "/", such as "activation-functions/relu".'),
  titles: z.array(z.string()).min(1).describe('The section titles from the top of the tree down to this section.'),
  url: webUrl.describe('The section page.'),
});

const exportLinkSchema = z.strictObject({
  kind: z.string().describe('What the link points at: paper, code, github, blog, project, slides, video, notes, ...'),
  url: writtenUrl,
  label: z.string().optional().describe('The qualifier of the kind, such as "Caffe" in "github(Caffe)".'),
  text: z.string().optional().describe('Text that stood beside the link in the source document.'),
});

export const exportEntrySchema = z
  .strictObject({
    id: z.string().describe('"<list>/<slug>": unique in the export, and stable while the entry file keeps its name.'),
    list: z.string().describe('The id of the entry\'s list.'),
    slug: z.string().describe('The entry file name without ".md".'),
    url: webUrl.describe('The entry page.'),
    title: z.string(),
    aliases: z.array(z.string()).describe('Other titles of the same work.'),
    section: exportSectionSchema.describe('The section the entry belongs to (its "category").'),
    alsoIn: z.array(exportSectionSchema).describe('Further sections that list the entry.'),
    intro: z.array(z.string()).describe('Short lines: venue, affiliation, a one-line summary.'),
    keywords: z.array(z.string()),
    arxiv: z
      .strictObject({
        id: z.string().describe('The arXiv identifier, such as "1502.03167" or "cs/0112017".'),
        abs: webUrl.describe('The abstract page.'),
        pdf: webUrl,
      })
      .optional()
      .describe('Present when the entry has an arXiv id or links to an arXiv abstract or PDF.'),
    links: z.array(exportLinkSchema).describe('Every link of the entry, in the order of its file.'),
    details: z
      .array(z.strictObject({ key: z.string(), text: z.string() }))
      .describe('Labelled lines of text other than intro and keywords, such as "comments".'),
    added: z.iso.date().optional().describe('The date the entry was added to the list.'),
    notes: z.string().optional().describe('The Markdown body of the entry file, when it has one.'),
    file: z.string().describe('The entry file, relative to the repository root.'),
  })
  .describe('One entry of a reading list.');

export const exportListSchema = z.strictObject({
  id: z.string(),
  title: z.string(),
  description: z.string(),
  url: webUrl.describe('The list page.'),
  feed: webUrl.describe('The Atom feed of the list\'s recently added entries.'),
  bibtex: webUrl.describe('The BibTeX file of the list.'),
  entryCount: z.int().nonnegative(),
  source: z
    .strictObject({
      url: writtenUrl,
      licence: z.string(),
      copyright: z.string().optional(),
    })
    .optional()
    .describe('The document the list was imported from.'),
});

export const exportSchema = z
  .strictObject({
    $schema: webUrl.optional().describe('The URL of this JSON Schema.'),
    version: z.literal(1).describe('The version of this format; it changes only when a field is removed or changes meaning.'),
    site: z.strictObject({
      title: z.string(),
      url: webUrl.describe('The home page.'),
    }),
    lists: z.array(exportListSchema).describe('The lists whose entries the export holds.'),
    entries: z.array(exportEntrySchema).describe('Every entry, list by list, each list in document order.'),
  })
  .meta({ title: 'Reading list entries', description: 'Every entry of one or more reading lists, as published on the site.' });

export type ExportDocument = z.output<typeof exportSchema>;
export type ExportEntry = z.output<typeof exportEntrySchema>;
export type ExportList = z.output<typeof exportListSchema>;
