// The <head> tags that describe a page to other software: canonical link, Atom feed links,
// Open Graph tags, and on entry pages schema.org JSON-LD, with Highwire-style citation_* tags
// for papers.
import type { Settings } from '../../schemas/settings.ts';
import type { CatalogEntry, CatalogList } from '../catalog/types.ts';
import { html, joinHtml, trustedHtml, type SafeHtml } from '../site/html.ts';
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
  const url = (pagePath: string) => publicUrl(settings, pagePath);
  const pageUrl = url(meta.path);
  const entry = meta.kind === 'entry' ? meta.entry : undefined;

  // The 404 page is served at whatever address was missing, so it names no canonical URL.
  const isNotFound = meta.kind === 'not-found';

  const tags: SafeHtml[] = [];
  if (!isNotFound) tags.push(html`<link rel="canonical" href="${pageUrl}">`);
  tags.push(html`<link rel="alternate" type="application/atom+xml" title="${`${settings.title}: recently added`}" href="${url(siteFeedPath())}">`);
  if (meta.list !== undefined) {
    tags.push(html`<link rel="alternate" type="application/atom+xml" title="${`${meta.list.data.title}: recently added`}" href="${url(listFeedPath(meta.list))}">`);
  }

  tags.push(
    html`<meta property="og:site_name" content="${settings.title}">`,
    html`<meta property="og:type" content="${entry !== undefined ? 'article' : 'website'}">`,
    html`<meta property="og:title" content="${meta.title}">`,
    html`<meta property="og:description" content="${meta.description}">`,
  );
  if (!isNotFound) tags.push(html`<meta property="og:url" content="${pageUrl}">`);
  tags.push(html`<meta name="twitter:card" content="summary">`);

  if (entry !== undefined) {
    const workType = workTypeOf(entry.data);
    if (workType.kind === 'paper') tags.push(...citationTags(entry));
    tags.push(workJsonLd(entry, workType, meta.list, settings));
  }
  return joinHtml(tags, '\n');
}

/**
 * Returns the Highwire Press tags of a paper entry, only those its data supports: the title, the
 * arXiv id with its PDF and abstract URLs and the year its id encodes, a PDF link of its own,
 * and its keywords. Entries carry no authors, so there is no citation_author.
 */
export function citationTags(entry: CatalogEntry): SafeHtml[] {
  const { data } = entry;
  const tags = [html`<meta name="citation_title" content="${data.title}">`];

  const arxivId = arxivIdOf(data);
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
 * written as JSON `\u` escapes, so no text of the entry can close the script element.
 */
export function workJsonLd(entry: CatalogEntry, workType: WorkType, list: CatalogList | undefined, settings: Settings): SafeHtml {
  const url = (pagePath: string) => publicUrl(settings, pagePath);
  const { data } = entry;
  const arxivId = arxivIdOf(data);
  const submitted = arxivId !== undefined ? arxivSubmissionMonth(arxivId) : undefined;

  const workUrls = workUrlsOf(data, workType, arxivId);

  const work = {
    '@context': 'https://schema.org',
    '@type': SCHEMA_ORG_TYPES[workType.kind],
    name: data.title,
    alternateName: data.aliases,
    url: workUrls[0],
    sameAs: workUrls.length > 1 ? workUrls.slice(1) : undefined,
    mainEntityOfPage: url(entryPath(entry)),
    description: data.intro?.join(' · '),
    keywords: data.keywords,
    codeRepository: workType.kind === 'code' ? workType.mainLink.url : undefined,
    identifier: arxivId !== undefined ? { '@type': 'PropertyValue', propertyID: 'arXiv', value: arxivId } : undefined,
    datePublished: submitted !== undefined ? `${submitted.year}-${String(submitted.month).padStart(2, '0')}` : undefined,
    isPartOf:
      list !== undefined ? { '@type': 'CreativeWork', name: list.data.title, url: url(listPath(list)) } : undefined,
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
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Returns the URL of the first paper link (see isPaperLink) that ends in `.pdf`. */
function ownPdfUrl(entry: CatalogEntry): string | undefined {
  const link = (entry.data.links ?? []).find((candidate) => isPaperLink(candidate) && /\.pdf(?:[?#].*)?$/i.test(candidate.url));
  return link?.url;
}
