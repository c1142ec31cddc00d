// The list file of one reading list: its title, description, the source it was imported from
// and its section tree.
import { z } from 'zod';
import { httpUrl, isoDate, oneLine, sectionId } from './fields.ts';

export interface SectionInput {
  id: string;
  title: string;
  description?: string | undefined;
  sections?: SectionInput[] | undefined;
}

/** A section of the tree: an id unique among its siblings, a title, and optional subsections. */
export const sectionSchema: z.ZodType<SectionInput> = z.lazy(() =>
  z.strictObject({
    id: sectionId,
    title: oneLine,
    /** Markdown shown above the section's entries. */
    description: z.string().trim().min(1).optional(),
    sections: z.array(sectionSchema).min(1).optional(),
  }),
);

export const sourceSchema = z.strictObject({
  /** The web address of the original document. */
  url: httpUrl,
  /** The licence the original is published under, such as `MIT`. */
  licence: oneLine,
  licenceUrl: httpUrl.optional(),
  /** The copyright line of the original, such as `Copyright (c) 2019 handong1587`. */
  copyright: oneLine.optional(),
  /** The revision of the original that was imported, such as a commit id. */
  revision: oneLine.optional(),
  /** The original document's own front matter, kept so that an export can write it back. */
  frontmatter: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).optional(),
  /** The base URL against which site-relative links of the original were resolved. */
  baseUrl: httpUrl.optional(),
});

export const listSchema = z.strictObject({
  title: oneLine,
  /** One or two sentences shown under the title on the home page. */
  description: oneLine,
  source: sourceSchema.optional(),
  /** The date the list was started. */
  created: isoDate.optional(),
  sections: z.array(sectionSchema).min(1),
});

export type ListInput = z.input<typeof listSchema>;
export type ListData = z.output<typeof listSchema>;
export type SectionData = SectionInput;
export type Source = z.output<typeof sourceSchema>;

/** The keys a list file may use, for "did you mean" suggestions. */
export const LIST_KEYS = Object.keys(listSchema.shape);

/** The name of the list file inside each list folder. */
export const LIST_FILE_NAME = '_list.md';
