// Turns the bullets and bare link lines of one entry into its fields: intro lines, keywords,
// links with kind, label and text, and labelled text lines (`details`).
import type { Detail, Link } from '../../schemas/entry.ts';
import { isHttpUrl, keyword as keywordSchema } from '../../schemas/fields.ts';
import { arxivAbstractUrl, arxivIdFromText, arxivIdFromUrl } from './arxivId.ts';
import type { FieldLine } from './fieldLine.ts';
import { replaceDestinations, scanInlineLinks, unescapeMarkdown, type InlineSpan } from './inlineLinks.ts';

/** The fields an entry collects from its lines, before arXiv ids are taken out of its links. */
export interface EntryFields {
  intro: string[];
  keywords: string[];
  links: Link[];
  details: Detail[];
}

/** The outcome of one line: kept in a field, or kept as free text for the stated reason. */
export type FieldOutcome = { kept: true; corrections: string[] } | { kept: false; reason: string };

/** The kind given to a link written on a line of its own, without a key. */
export const BARE_LINK_KIND = 'link';

/** Text keys: their value stays text even when it contains a link. */
const TEXT_KEYS = new Set(['intro', 'keywords']);

/** Punctuation that only separates links written on one line. */
const SEPARATORS = /^[\s,;|/·、，]*$/;

export function emptyFields(): EntryFields {
  return { intro: [], keywords: [], links: [], details: [] };
}

/**
 * Adds one `key(qualifier): value` bullet to `fields`. `resolve` turns a site-relative URL into
 * an absolute one (or returns undefined when it cannot). Returns the corrections made, or the
 * reason the line must be kept as free text instead: an empty value, a qualifier on a text
 * key, a link that is not http or https.
 */
export function addField(fields: EntryFields, field: FieldLine, resolve: UrlResolver): FieldOutcome {
  const { key, qualifier, value } = field;
  if (value === '') return { kept: false, reason: `the key "${field.writtenKey}" has no value` };

  const spans = scanInlineLinks(value).filter((span) => !span.image);
  if (TEXT_KEYS.has(key) || spans.length === 0) return addTextField(fields, field, resolve);

  const links = linksOfLine(value, spans, key, qualifier, resolve);
  if ('reason' in links) return { kept: false, reason: links.reason };
  fields.links.push(...links.links);
  return { kept: true, corrections: links.corrections };
}

/**
 * Adds the links of a line that holds only links, such as `[url](url)`. A link to arXiv gets
 * the kind `arxiv`, any other the kind `link`. Returns the reason to keep the line as free text
 * when a link is not http or https.
 */
export function addBareLinks(fields: EntryFields, content: string, resolve: UrlResolver): FieldOutcome {
  const trimmed = content.trim();
  const spans = scanInlineLinks(trimmed).filter((span) => !span.image);
  if (spans.length === 0) {
    const url = trimmed.replace(/^<|>$/g, '');
    if (!isHttpUrl(url)) return { kept: false, reason: 'the line is not a link' };
    fields.links.push({ kind: kindOfBareUrl(url), url });
    return { kept: true, corrections: [`read the bare URL ${url} as a link`] };
  }

  const corrections: string[] = [];
  for (const span of spans) {
    const url = resolveUrl(span.url, resolve, corrections);
    if (url === undefined) return { kept: false, reason: `the link ${span.url} is not an http or https URL` };
    const link: Link = { kind: kindOfBareUrl(url), url };
    const text = anchorText(span, url);
    if (text !== undefined) link.text = text;
    fields.links.push(link);
  }
  return { kept: true, corrections };
}

/**
 * Adds the URL of a title written as a link (`**[Title](url)**`) with the kind a bare link line
 * gets: `arxiv` for an arXiv URL, `link` for any other. Returns the reason to keep it as text
 * instead when the URL is not http or https and cannot be resolved.
 */
export function addTitleLink(fields: EntryFields, url: string, resolve: UrlResolver): FieldOutcome {
  const corrections: string[] = [];
  const absolute = resolveUrl(url, resolve, corrections);
  if (absolute === undefined) return { kept: false, reason: `the link ${url} is not an http or https URL` };
  fields.links.push({ kind: kindOfBareUrl(absolute), url: absolute });
  return { kept: true, corrections };
}

/** Turns a site-relative URL (`/assets/x.png`) into an absolute one; undefined when there is no base. */
export type UrlResolver = (url: string) => string | undefined;

/**
 * Rewrites the site-relative destinations of the links and images in a piece of Markdown
 * text. Returns the new text and the URLs it changed.
 */
export function resolveTextUrls(text: string, resolve: UrlResolver): { text: string; changed: string[] } {
  const changed: string[] = [];
  const spans = scanInlineLinks(text);
  const nested = spans.flatMap((span) => (span.image ? [] : scanInlineLinks(span.label).map((inner) => ({ ...inner, offset: span.start + 1 }))));
  const rewrite = (span: InlineSpan) => {
    if (!isSiteRelative(span.url)) return undefined;
    const absolute = resolve(span.url);
    if (absolute !== undefined) changed.push(span.url);
    return absolute;
  };

  // Images inside link labels (`[![](/a.png)](/b)`) are rewritten first, from the end of the text.
  let result = text;
  for (const inner of nested.sort((a, b) => b.offset + b.urlStart - (a.offset + a.urlStart))) {
    const shifted = { ...inner, start: inner.start + inner.offset, end: inner.end + inner.offset, urlStart: inner.urlStart + inner.offset, urlEnd: inner.urlEnd + inner.offset };
    result = replaceDestinations(result, [shifted], rewrite);
  }
  result = replaceDestinations(result, scanInlineLinks(result), rewrite);
  result = result.replace(/(<(?:img|a|source|video)\b[^>]*?\s(?:src|href)=")(\/(?!\/)[^"]*)"/gi, (whole, head: string, url: string) => {
    const absolute = resolve(url);
    if (absolute === undefined) return whole;
    changed.push(url);
    return `${head}${absolute}"`;
  });
  return { text: result, changed };
}

/** True for a path on the original site, such as `/assets/x.png`, but not `//host/x`. */
export function isSiteRelative(url: string): boolean {
  return url.startsWith('/') && !url.startsWith('//');
}

function addTextField(fields: EntryFields, field: FieldLine, resolve: UrlResolver): FieldOutcome {
  const { key, qualifier } = field;
  if (qualifier !== undefined) return { kept: false, reason: `the text key "${key}" cannot keep its qualifier "(${qualifier})"` };

  const corrections: string[] = [];
  const resolved = resolveTextUrls(field.value, resolve);
  for (const url of resolved.changed) corrections.push(`resolved the site-relative URL ${url}`);
  const value = resolved.text;

  if (key === 'intro') {
    fields.intro.push(value);
    return { kept: true, corrections };
  }
  if (key === 'keywords') {
    const terms = value.split(/[,，]/).map((term) => term.trim()).filter((term) => term !== '');
    const conjunction = dropListConjunction(terms);
    if (!terms.every((term) => keywordSchema.safeParse(term).success)) {
      fields.details.push({ key, text: value });
      return { kept: true, corrections };
    }

    fields.keywords.push(...terms);
    if (conjunction !== undefined) corrections.push(`dropped the "${conjunction} " before the last keyword "${terms.at(-1) ?? ''}" of a comma-separated list`);
    return { kept: true, corrections };
  }

  const arxivId = key === 'arxiv' ? arxivIdFromText(value) : undefined;
  if (arxivId !== undefined) {
    fields.links.push({ kind: 'arxiv', url: arxivAbstractUrl(arxivId) });
    return { kept: true, corrections: [...corrections, `read the arXiv id ${value} written as text as the link ${arxivAbstractUrl(arxivId)}`] };
  }
  const bareUrl = value.replace(/^<|>$/g, '');
  if (/^\S+$/.test(bareUrl) && isHttpUrl(bareUrl)) {
    fields.links.push({ kind: key, url: bareUrl });
    return { kept: true, corrections: [...corrections, `read the bare URL ${bareUrl} as a link`] };
  }
  fields.details.push({ key, text: value });
  return { kept: true, corrections };
}

/**
 * Removes a leading `and ` or `or ` from the last of two or more comma-separated terms, as in
 * `a, b, and c` (a list written with an Oxford comma). Changes `terms` in place and returns the
 * word it dropped as written, or undefined when it dropped nothing. A single term such as
 * `and-or trees` or `or-tools` is left as it is, because it has no comma before it.
 */
function dropListConjunction(terms: string[]): string | undefined {
  const lastIndex = terms.length - 1;
  const last = terms[lastIndex];
  if (lastIndex < 1 || last === undefined) return undefined;

  const match = /^(and|or)\s+(\S.*)$/i.exec(last);
  if (match?.[1] === undefined || match[2] === undefined) return undefined;
  terms[lastIndex] = match[2];
  return match[1];
}

function linksOfLine(value: string, spans: readonly InlineSpan[], kind: string, label: string | undefined, resolve: UrlResolver): { links: Link[]; corrections: string[] } | { reason: string } {
  const corrections: string[] = [];
  const links: Link[] = [];
  let beside = '';
  let position = 0;

  for (const span of spans) {
    beside += ` ${value.slice(position, span.start).trim()}`;
    position = span.end;
    const url = resolveUrl(span.url, resolve, corrections);
    if (url === undefined) return { reason: `the link ${span.url} is not an http or https URL` };

    const link: Link = { kind, url };
    if (label !== undefined) link.label = label;
    const text = anchorText(span, url);
    if (text !== undefined) link.text = text;
    links.push(link);
  }
  beside += ` ${value.slice(position).trim()}`;

  // Text around the links (such as "(Chinese)") goes with the first link, after its own label text.
  const besideText = SEPARATORS.test(beside) ? '' : beside.replace(/\s+/g, ' ').trim();
  const first = links[0]!;
  if (besideText !== '') first.text = first.text === undefined ? besideText : `${first.text} ${besideText}`;
  return { links, corrections };
}

/** Returns the text written as a link's label, or undefined when it is just the URL again. */
function anchorText(span: InlineSpan, url: string): string | undefined {
  const label = span.label.trim();
  if (label === '' || label === span.url || unescapeMarkdown(label) === span.url || label === url || unescapeMarkdown(label) === url) return undefined;
  return label.replace(/\s+/g, ' ');
}

function resolveUrl(written: string, resolve: UrlResolver, corrections: string[]): string | undefined {
  const url = written.trim();
  if (isHttpUrl(url)) return url;
  if (!isSiteRelative(url)) return undefined;

  const absolute = resolve(url);
  if (absolute === undefined || !isHttpUrl(absolute)) return undefined;
  corrections.push(`resolved the site-relative URL ${url} to ${absolute}`);
  return absolute;
}

function kindOfBareUrl(url: string): string {
  return arxivIdFromUrl(url) !== undefined ? 'arxiv' : BARE_LINK_KIND;
}
