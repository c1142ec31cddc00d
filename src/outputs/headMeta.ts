// The <head> tags that describe a page to other software: canonical link, Atom feed links,
// Open Graph tags, and on entry pages schema.org JSON-LD, with Highwire-style citation_* tags
// for papers.
import type { Settings } from '../../schemas/settings.ts';
import type { CatalogEntry, CatalogList } from '../catalog/types.ts';
import { escapeHtml, html, joinHtml, trustedHtml, type SafeHtml } from '../site/html.ts';
import type { PageMeta } from '../site/layout.ts';
import { entryPath, listPath } from '../site/urls.ts';
import { arxivAbsUrl, arxivIdOf, arxivPdfUrl, arxivSubmissionMonth } from './arxiv.ts';
import { listFeedPath, publicUrl, siteFeedPath } from './outputPaths.ts';
import { isPaperLink, workTypeOf, type WorkType } from './workType.ts';

/** The schema.org type of each kind of work that workTypeOf distinguishes. */
export const SCHEMA_ORG_TYPES: Record<WorkType['kind'], string> = {
  paper: 'ScholarlyArticle',
  blog: 'BlogPosting',
  code: 'SoftwareSourceCode',
  other: 'CreativeWork',
};

/**
 * Renders the tags for a page's <head>: a canonical link (except on the 404 page), a link to the
 * site's Atom feed and on list, section and entry pages to the list's feed, Open Graph tags, and
 * on entry pages a JSON-LD description of the work. Only entries that workTypeOf classifies as
 * papers get the citation_* tags that reference managers and Google Scholar read, so a blog post
 * or a repository is not imported as a paper. Every value is escaped. The result is SafeHtml, so the `html`
 * template inserts it as markup, and `String()` gives the text.
 */
export function renderHeadMeta(meta: PageMeta, settings: Settings): SafeHtml {
  // Runs for every page, so the tags are written as text with the escaping of the `html` template.
  const pageUrl = escapeText(publicUrl(settings, meta.path));
  const entry = meta.kind === 'entry' ? meta.entry : undefined;

  // The 404 page is served at whatever address was missing, so it names no canonical URL.
  const isNotFound = meta.kind === 'not-found';
  const siteTags = siteTagsOf(settings);

  let markup = isNotFound ? '' : `<link rel="canonical" href="${pageUrl}">\n`;
  markup += siteTags.feedLink;
  if (meta.list !== undefined) {
    markup += `\n<link rel="alternate" type="application/atom+xml" title="${escapeText(`${meta.list.data.title}: recently added`)}" href="${escapeText(publicUrl(settings, listFeedPath(meta.list)))}">`;
  }
  markup += `\n${siteTags.siteName}\n<meta property="og:type" content="${entry !== undefined ? 'article' : 'website'}">`;
  markup += `\n<meta property="og:title" content="${escapeText(meta.title)}">\n<meta property="og:description" content="${escapeText(meta.description)}">`;
  if (!isNotFound) markup += `\n<meta property="og:url" content="${pageUrl}">`;
  markup += '\n<meta name="twitter:card" content="summary">';

  if (entry !== undefined) {
    const arxivId = arxivIdOf(entry.data);
    const workType = workTypeOf(entry.data, arxivId);
    if (workType.kind === 'paper') markup += `\n${joinHtml(citationTags(entry, arxivId), '\n').value}`;
    markup += `\n${workJsonLd(entry, workType, meta.list, settings, arxivId).value}`;
  }
  return trustedHtml(markup);
}

interface SiteTags {
  /** The settings the tags were written for. */
  settings: Pick<Settings, 'title' | 'baseUrl' | 'pathPrefix'>;
  feedLink: string;
  siteName: string;
}

/** The tags that depend only on the settings, written once for every page of a build. */
let lastSiteTags: SiteTags | undefined;

function siteTagsOf(settings: Settings): SiteTags {
  const cached = lastSiteTags?.settings;
  if (lastSiteTags !== undefined && cached?.title === settings.title && cached.baseUrl === settings.baseUrl && cached.pathPrefix === settings.pathPrefix) return lastSiteTags;

  lastSiteTags = {
    settings: { title: settings.title, baseUrl: settings.baseUrl, pathPrefix: settings.pathPrefix },
    feedLink: `<link rel="alternate" type="application/atom+xml" title="${escapeText(`${settings.title}: recently added`)}" href="${escapeText(publicUrl(settings, siteFeedPath()))}">`,
    siteName: `<meta property="og:site_name" content="${escapeText(settings.title)}">`,
  };
  return lastSiteTags;
}

/** Escapes `text` as escapeHtml does, and skips its replace for text with nothing to escape, which most text is. */
function escapeText(text: string): string {
  return HTML_SPECIAL_CHARACTER.test(text) ? escapeHtml(text) : text;
}

const HTML_SPECIAL_CHARACTER = /[&<>"']/;

/**
 * Returns the Highwire Press tags of a paper entry, only those its data supports: the title, the
 * arXiv id with its PDF and abstract URLs and the year its id encodes, a PDF link of its own,
 * and its keywords. Entries carry no authors, so there is no citation_author. `arxivId` is the
 * entry's arXiv id, for a caller that has it already.
 */
export function citationTags(entry: CatalogEntry, arxivId = arxivIdOf(entry.data)): SafeHtml[] {
  const { data } = entry;
  const tags = [html`<meta name="citation_title" content="${data.title}">`];

  const pdfUrl = arxivId !== undefined ? arxivPdfUrl(arxivId) : ownPdfUrl(entry);
  if (arxivId !== undefined) {
    tags.push(html`<meta name="citation_arxiv_id" content="${arxivId}">`);
    tags.push(html`<meta name="citation_abstract_html_url" content="${arxivAbsUrl(arxivId)}">`);

    // The YYMM of an arXiv id is the month of the first version's submission.
    const submitted = arxivSubmissionMonth(arxivId);
    if (submitted !== undefined) tags.push(html`<meta name="citation_publication_date" content="${String(submitted.year)}">`);
  }
  if (pdfUrl !== undefined) tags.push(html`<meta name="citation_pdf_url" content="${pdfUrl}">`);

  if (data.keywords !== undefined) {
    tags.push(html`<meta name="citation_keywords" content="${data.keywords.join('; ')}">`);
  }
  return tags;
}

/**
 * Returns a <script type="application/ld+json"> describing the entry's work with the schema.org
 * type of its `workType`: ScholarlyArticle, BlogPosting, SoftwareSourceCode or CreativeWork.
 * `url` is the work's own address (a paper's arXiv abstract or first paper link, otherwise the
 * main link that workTypeOf picked) and is left out when the entry has no link. `mainEntityOfPage`
 * is the entry's page on this site. `<`, `>`, `&` and the line separators U+2028 and U+2029 are
 * written as JSON `\u` escapes, so no text of the entry can close the script element. `arxivId`
 * is the entry's arXiv id, for a caller that has it already.
 */
export function workJsonLd(entry: CatalogEntry, workType: WorkType, list: CatalogList | undefined, settings: Settings, arxivId = arxivIdOf(entry.data)): SafeHtml {
  const { data } = entry;
  const submitted = arxivId !== undefined ? arxivSubmissionMonth(arxivId) : undefined;

  const workUrls = workUrlsOf(data, workType, arxivId);

  const work = {
    '@context': 'https://schema.org',
    '@type': SCHEMA_ORG_TYPES[workType.kind],
    name: data.title,
    alternateName: data.aliases,
    url: workUrls[0],
    sameAs: workUrls.length > 1 ? workUrls.slice(1) : undefined,
    mainEntityOfPage: publicUrl(settings, entryPath(entry)),
    description: data.intro?.join(' · '),
    keywords: data.keywords,
    codeRepository: workType.kind === 'code' ? workType.mainLink.url : undefined,
    identifier: arxivId !== undefined ? { '@type': 'PropertyValue', propertyID: 'arXiv', value: arxivId } : undefined,
    datePublished: submitted !== undefined ? `${submitted.year}-${String(submitted.month).padStart(2, '0')}` : undefined,
    isPartOf:
      list !== undefined ? { '@type': 'CreativeWork', name: list.data.title, url: publicUrl(settings, listPath(list)) } : undefined,
  };

  return trustedHtml(`<script type="application/ld+json">${jsonForScript(work)}</script>`);
}

/**
 * Returns the addresses of the work itself, the one for `url` first. A paper may have several:
 * its arXiv abstract, then each paper link, without repeats.
 */
function workUrlsOf(data: CatalogEntry['data'], workType: WorkType, arxivId: string | undefined): string[] {
  if (workType.kind !== 'paper') return workType.mainLink !== undefined ? [workType.mainLink.url] : [];

  const urls = (data.links ?? []).filter(isPaperLink).map((link) => link.url);
  if (arxivId !== undefined) urls.unshift(arxivAbsUrl(arxivId));
  return [...new Set(urls)];
}

/** Serialises `value` as JSON that is safe inside an HTML <script> element. */
export function jsonForScript(value: unknown): string {
  const json = JSON.stringify(value);
  return SCRIPT_UNSAFE_CHARACTER.test(json) ? json.replace(SCRIPT_UNSAFE_CHARACTERS, (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`) : json;
}

const SCRIPT_UNSAFE_CHARACTER = /[<>&\u2028\u2029]/;
const SCRIPT_UNSAFE_CHARACTERS = /[<>&\u2028\u2029]/g;

/** Returns the URL of the first paper link (see isPaperLink) that ends in `.pdf`. */
function ownPdfUrl(entry: CatalogEntry): string | undefined {
  const link = (entry.data.links ?? []).find((candidate) => isPaperLink(candidate) && /\.pdf(?:[?#].*)?$/i.test(candidate.url));
  return link?.url;
}
