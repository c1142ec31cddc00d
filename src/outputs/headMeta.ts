// The <head> tags that describe a page to other software: canonical link, Atom feed links,
// Open Graph tags, and on entry pages Highwire-style citation_* tags and schema.org JSON-LD.
import type { Settings } from '../../schemas/settings.ts';
import type { CatalogEntry, CatalogList } from '../catalog/types.ts';
import { html, joinHtml, trustedHtml, type SafeHtml } from '../site/html.ts';
import type { PageMeta } from '../site/layout.ts';
import { entryPath, listPath } from '../site/urls.ts';
import { arxivAbsUrl, arxivIdOf, arxivPdfUrl, arxivSubmissionMonth } from './arxiv.ts';
import { listFeedPath, publicUrl, siteFeedPath } from './outputPaths.ts';

/**
 * Renders the tags for a page's <head>: a canonical link (except on the 404 page), a link to the
 * site's Atom feed and on list, section and entry pages to the list's feed, Open Graph tags, and
 * on entry pages the citation_* tags that reference managers and Google Scholar read and a
 * JSON-LD ScholarlyArticle. Every value is escaped. The result is SafeHtml, so the `html`
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

  if (entry !== undefined) tags.push(...citationTags(entry), scholarlyArticleJsonLd(entry, meta.list, settings));
  return joinHtml(tags, '\n');
}

/**
 * Returns the Highwire Press tags of an entry, only those its data supports: the title, the
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
 * Returns a <script type="application/ld+json"> describing the entry as a schema.org
 * ScholarlyArticle. `<`, `>`, `&` and the line separators U+2028 and U+2029 are written as
 * JSON `\u` escapes, so no text of the entry can close the script element.
 */
export function scholarlyArticleJsonLd(entry: CatalogEntry, list: CatalogList | undefined, settings: Settings): SafeHtml {
  const url = (pagePath: string) => publicUrl(settings, pagePath);
  const { data } = entry;
  const arxivId = arxivIdOf(data);
  const workUrls = [
    ...(arxivId !== undefined ? [arxivAbsUrl(arxivId)] : []),
    ...(data.links ?? []).filter((link) => link.kind === 'paper').map((link) => link.url),
  ];
  const submitted = arxivId !== undefined ? arxivSubmissionMonth(arxivId) : undefined;

  const article = {
    '@context': 'https://schema.org',
    '@type': 'ScholarlyArticle',
    name: data.title,
    alternateName: data.aliases,
    url: workUrls[0] ?? url(entryPath(entry)),
    sameAs: workUrls.length > 1 ? workUrls.slice(1) : undefined,
    mainEntityOfPage: url(entryPath(entry)),
    description: data.intro?.join(' · '),
    keywords: data.keywords,
    identifier: arxivId !== undefined ? { '@type': 'PropertyValue', propertyID: 'arXiv', value: arxivId } : undefined,
    datePublished: submitted !== undefined ? `${submitted.year}-${String(submitted.month).padStart(2, '0')}` : undefined,
    isPartOf:
      list !== undefined ? { '@type': 'CreativeWork', name: list.data.title, url: url(listPath(list)) } : undefined,
  };

  return trustedHtml(`<script type="application/ld+json">${jsonForScript(article)}</script>`);
}

/** Serialises `value` as JSON that is safe inside an HTML <script> element. */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Returns the URL of the first `paper` or `pdf` link that ends in `.pdf`. */
function ownPdfUrl(entry: CatalogEntry): string | undefined {
  const link = (entry.data.links ?? []).find(
    (candidate) => (candidate.kind === 'paper' || candidate.kind === 'pdf') && /\.pdf(?:[?#].*)?$/i.test(candidate.url),
  );
  return link?.url;
}
