// The frontmatter of one entry file: a paper, blog post, repository or other work of a list.
import { z } from 'zod';
import { arxivId, httpUrl, isoDate, keyword, oneLine, sectionPath } from './fields.ts';

/** The kind of a link: a lower-case word or words (`paper`, `code`, `github`, `project page`). */
export const linkKind = z.string().regex(/^[a-z][a-z0-9]*(?:[ ._+-][a-z0-9]+)*$/, {
  error: 'must be a lower-case word such as "paper", "code", "blog", "slides" or "project page"',
});

export const linkSchema = z.strictObject({
  /** The kind of work the link points at: paper, code, github, blog, project, slides, video, notes, ... */
  kind: linkKind,
  url: httpUrl,
  /** The qualifier written in brackets after the kind in a source list: `Caffe` in `github(Caffe)`. */
  label: oneLine.optional(),
  /** Text that stood beside the link on the same line of the source, kept as written. */
  text: oneLine.optional(),
});

/** A labelled line of plain text that is neither intro nor keywords (`author: ...`, `comments: ...`). */
export const detailSchema = z.strictObject({
  key: linkKind,
  text: oneLine,
});

/** A further section the entry is listed in, besides its `category`. */
export const placementSchema = z.strictObject({
  category: sectionPath,
  order: z.int().nonnegative().optional(),
});

export const entrySchema = z.strictObject({
  /** The work's title, on one line. */
  title: oneLine,
  /** The path of the section the entry belongs to, such as `activation-functions/relu`. */
  category: sectionPath,
  /** Position within the section; entries without one follow, oldest `added` first, then by title. */
  order: z.int().nonnegative().optional(),
  /** Further sections that list the same work, each with its own position. */
  also: z.array(placementSchema).min(1).optional(),
  /** Short lines: venue, affiliation, a one-line summary. A single string is read as one line. */
  intro: z.union([oneLine.transform((line) => [line]), z.array(oneLine).min(1)]).optional(),
  keywords: z.array(keyword).min(1).optional(),
  /** arXiv identifier, always quoted: YAML reads `1502.03160` as a number and drops the last zero. */
  arxiv: arxivId.optional(),
  links: z.array(linkSchema).min(1).optional(),
  details: z.array(detailSchema).min(1).optional(),
  /** The date the entry was added to the list. */
  added: isoDate.optional(),
  /** Other titles under which the same work is known; searched and shown on the entry page. */
  aliases: z.array(oneLine).min(1).optional(),
});

/** Entry frontmatter as written in the file. */
export type EntryInput = z.input<typeof entrySchema>;
/** Entry frontmatter after validation, with `intro` always a list. */
export type EntryData = z.output<typeof entrySchema>;
export type Link = z.output<typeof linkSchema>;
export type Detail = z.output<typeof detailSchema>;
export type Placement = z.output<typeof placementSchema>;

/** The keys an entry file may use, for "did you mean" suggestions. */
export const ENTRY_KEYS = Object.keys(entrySchema.shape);
