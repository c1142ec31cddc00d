// Field schemas shared by the entry, list and settings schemas: arXiv ids, URLs, section paths,
// keywords and dates, each validated rather than typed as a plain string.
import { z } from 'zod';

/** New-style arXiv id (`1502.03167`, `1502.03167v2`) or old-style (`cs/0112017`, `math.GT/0309136v1`). */
export const ARXIV_ID_PATTERN = /^(?:\d{4}\.\d{4,5}|[a-z-]+(?:\.[A-Z]{2})?\/\d{7})(?:v\d+)?$/;

/** A section id: lower-case words joined by hyphens, as the slug of a heading gives. */
export const SECTION_ID_PATTERN = /^[\p{Ll}\p{Lo}\p{N}]+(?:-[\p{Ll}\p{Lo}\p{N}]+)*$/u;

/** A section path: section ids from the top of the list's tree, joined by `/`. */
export const SECTION_PATH_PATTERN = /^[\p{Ll}\p{Lo}\p{N}]+(?:-[\p{Ll}\p{Lo}\p{N}]+)*(?:\/[\p{Ll}\p{Lo}\p{N}]+(?:-[\p{Ll}\p{Lo}\p{N}]+)*)*$/u;

/** A list id: the name of the list's folder under `content/`. */
export const LIST_ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Text on one line, trimmed and not empty. */
export const oneLine = z
  .string()
  .trim()
  .min(1, { error: 'must not be empty' })
  .refine((text) => !/[\r\n]/.test(text), { error: 'must be one line, without line breaks' });

/** An absolute `http` or `https` URL; every other scheme (`javascript:`, `data:`, `file:`) is rejected. */
export const httpUrl = z
  .string()
  .trim()
  .refine((text) => isHttpUrl(text), {
    error: 'must be an absolute http:// or https:// URL',
  });

export const arxivId = z.string().regex(ARXIV_ID_PATTERN, {
  error: 'must be an arXiv id such as "1502.03167", "1502.03167v2" or "cs/0112017"',
});

export const sectionId = z.string().regex(SECTION_ID_PATTERN, {
  error: 'must be lower-case words joined by hyphens, such as "batch-normalization"',
});

export const sectionPath = z.string().regex(SECTION_PATH_PATTERN, {
  error: 'must be a section path such as "activation-functions/relu"',
});

/** A keyword: one line of at most 80 characters, without commas (a comma separates keywords). */
export const keyword = oneLine
  .refine((text) => text.length <= 80, { error: 'must be at most 80 characters' })
  .refine((text) => !text.includes(','), { error: 'must not contain a comma: write each keyword as its own list item' });

/** A calendar date written `YYYY-MM-DD`. */
export const isoDate = z.iso.date({ error: 'must be a date written YYYY-MM-DD, such as 2024-05-31' });

/** Returns true when `text` parses as an absolute URL whose scheme is http or https. */
export function isHttpUrl(text: string): boolean {
  if (!/^https?:\/\//i.test(text)) return false;
  try {
    const url = new URL(text);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname.length > 0;
  } catch {
    return false;
  }
}
