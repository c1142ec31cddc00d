// The page shell every HTML page shares: head, skip link, header with the search form,
// breadcrumbs, main landmark and footer.
import type { CatalogEntry, CatalogList } from '../catalog/types.ts';
import { renderHeadMeta } from '../outputs/headMeta.ts';
import { html, type SafeHtml } from './html.ts';
import { renderSourceCredit } from './sourceCredit.ts';
import type { SiteContext } from './siteContext.ts';
import { assetPath, homePath, keywordIndexPath, listPath, searchPath } from './urls.ts';

export type PageKind = 'home' | 'list' | 'section' | 'entry' | 'keywords' | 'keyword' | 'search' | 'not-found';

/**
 * The description of a page for its <title>, its meta description and the head tags (Open Graph,
 * citation_* tags, JSON-LD, feed links) that renderHeadMeta(meta, settings) in
 * src/outputs/headMeta.ts writes from this object.
 */
export interface PageMeta {
  /** The page's own title, without the site's name; the home page passes the site's title. */
  title: string;
  /** One plain-text sentence or two for the meta description. */
  description: string;
  /** The page's path without the path prefix, from src/site/urls.ts. */
  path: string;
  kind: PageKind;
  /** The list the page belongs to, for list, section and entry pages. */
  list?: CatalogList | undefined;
  /** The entry an entry page shows. */
  entry?: CatalogEntry | undefined;
}

export interface Breadcrumb {
  label: string;
  /** The path without the prefix. */
  path: string;
}

export interface PageInput {
  meta: PageMeta;
  /**
   * The pages above this one, from the home page down. The page itself is added from meta.title,
   * and the home page passes none. The layout keeps the markup of each array and reuses it for a
   * page that passes the same array, so an array must not change once it has been passed.
   */
  breadcrumbs: readonly Breadcrumb[];
  /** The content of <main>, starting with the page's <h1>. */
  main: SafeHtml;
  /** Paths (without the prefix) of extra module scripts; each page must work without them. */
  scripts?: string[] | undefined;
  /** The text already in the header's search box, such as the query on the search page. */
  query?: string | undefined;
  /**
   * The ids of other lists whose entries a page of `meta.list` shows, such as an entry page's
   * related entries. The footer credits their sources too.
   */
  otherListIds?: readonly string[] | undefined;
}

/**
 * Renders a complete HTML document: the shared head (stylesheet, the search bundle when the
 * search plugin added `searchAssets`), the header with the site's search form, the breadcrumbs,
 * `page.main` inside <main id="main">, and the footer crediting the source of the page's list
 * (`page.meta.list`) and of `page.otherListIds`, or of every list on a page of no list.
 * Every path is written with the site's path prefix.
 */
export function renderPage(context: SiteContext, page: PageInput): string {
  const { settings } = context;
  const { meta } = page;
  const fullTitle = meta.kind === 'home' ? settings.title : `${meta.title} · ${settings.title}`;
  const scripts = [...(page.scripts ?? []), ...(context.searchAssets ? [context.searchAssets.script] : [])];

  const document = html`<!DOCTYPE html>
<html lang="${settings.language}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<title>${fullTitle}</title>
<meta name="description" content="${meta.description}">
${renderHeadMeta(meta, settings)}
<link rel="stylesheet" href="${context.url(assetPath('site.css'))}">
<link rel="icon" href="${context.url(assetPath('favicon.svg'))}" type="image/svg+xml">
${scripts.map((script) => html`<script type="module" src="${context.url(script)}"></script>\n`)}</head>
<body>
<a class="skip-link" href="#main">Skip to content</a>
${sharedHeader(context, page)}
<main id="main" tabindex="-1">
${page.breadcrumbs.length > 0 ? renderBreadcrumbs(context, page.breadcrumbs, meta.title) : ''}
${page.main}
</main>
${sharedFooter(context, page)}
</body>
</html>
`;
  return document.value;
}

/** The parts of the pages rendered with one context that are rendered once for all of them. */
interface SharedParts {
  /** The header of every page whose path is not in the site navigation and that has no query. */
  header?: SafeHtml;
  /** The footers by the ids of the lists they credit, joined by a line break; `''` for every list. */
  footers: Map<string, SafeHtml>;
  /** The breadcrumb items above the current page, by the array that PageInput.breadcrumbs passed. */
  trails: WeakMap<readonly Breadcrumb[], SafeHtml>;
}

const sharedParts = new WeakMap<SiteContext, SharedParts>();

function partsOf(context: SiteContext): SharedParts {
  let parts = sharedParts.get(context);
  if (!parts) sharedParts.set(context, (parts = { footers: new Map(), trails: new WeakMap() }));
  return parts;
}

/** Returns the header of `page`, reusing the context's rendered header for a page the navigation does not mark as current. */
function sharedHeader(context: SiteContext, page: PageInput): SafeHtml {
  if (page.query !== undefined || navigationOf(context).some((item) => item.path === page.meta.path)) return renderHeader(context, page);
  const parts = partsOf(context);
  parts.header ??= renderHeader(context, page);
  return parts.header;
}

function sharedFooter(context: SiteContext, page: PageInput): SafeHtml {
  const { footers } = partsOf(context);
  const list = page.meta.list;
  const ids = list ? new Set([list.id, ...(page.otherListIds ?? [])]) : undefined;
  const key = ids ? [...ids].sort().join('\n') : '';
  let footer = footers.get(key);
  if (!footer) {
    footer = renderFooter(context, ids);
    footers.set(key, footer);
  }
  return footer;
}

function navigationOf(context: SiteContext): Breadcrumb[] {
  const { catalog } = context;
  // A handful of lists fit in the header; with more, the home page is the way to them.
  const lists = catalog.lists.length <= 3 ? catalog.lists : [];
  return [...lists.map((list) => ({ label: list.data.title, path: listPath(list) })), { label: 'Keywords', path: keywordIndexPath() }];
}

function renderHeader(context: SiteContext, page: PageInput): SafeHtml {
  const { settings } = context;
  const navigation = navigationOf(context);

  return html`<header class="site-header">
<div class="site-header-inner">
<a class="site-title" href="${context.url(homePath())}">${settings.title}</a>
<nav class="site-nav" aria-label="Site">
<ul>
${navigation.map((item) => html`<li><a href="${context.url(item.path)}"${item.path === page.meta.path ? html` aria-current="page"` : ''}>${item.label}</a></li>\n`)}</ul>
</nav>
<form class="site-search" role="search" action="${context.url(searchPath())}" method="get">
<label for="site-search-input">Search</label>
<input id="site-search-input" type="search" name="q" value="${page.query ?? ''}" placeholder="Title, keyword or arXiv id" autocomplete="off">
<button type="submit">Search</button>
</form>
</div>
</header>`;
}

function renderBreadcrumbs(context: SiteContext, breadcrumbs: readonly Breadcrumb[], current: string): SafeHtml {
  const { trails } = partsOf(context);
  let trail = trails.get(breadcrumbs);
  if (!trail) {
    trail = html`${breadcrumbs.map((crumb) => html`<li><a href="${context.url(crumb.path)}">${crumb.label}</a></li>\n`)}`;
    trails.set(breadcrumbs, trail);
  }

  return html`<nav class="breadcrumbs" aria-label="Breadcrumb">
<ol>${trail}<li><span aria-current="page">${current}</span></li></ol>
</nav>`;
}

/**
 * Renders the footer that credits the source of each list of `listIds`, for the pages of a list,
 * or of every list for the site's other pages. A footer crediting all 80 lists of the 100k bench
 * content took 17 KB of each 25 KB entry page.
 */
function renderFooter(context: SiteContext, listIds: ReadonlySet<string> | undefined): SafeHtml {
  const lists = listIds ? context.catalog.lists.filter((list) => listIds.has(list.id)) : context.catalog.lists;
  const credits = lists.map((credited) => renderSourceCredit(credited, { named: true }));

  return html`<footer class="site-footer">
${credits}
<p><a href="${context.settings.repository}">Source and contributions</a> · Built with Eleventy.</p>
</footer>`;
}
