// Renders contributors' Markdown (entry notes, section and list descriptions, intro lines) to
// safe HTML: raw HTML is escaped and only http, https, fragment and site-relative links survive.
import markdownIt, { type MarkdownIt, type Token } from 'markdown-it';
import { isHttpUrl } from '../../schemas/fields.ts';
import { trustedHtml, type SafeHtml } from './html.ts';
import { withPrefix } from './urls.ts';

export interface MarkdownRenderer {
  /** Renders block Markdown (paragraphs, lists, tables, images) to HTML. */
  block(text: string): SafeHtml;
  /** Renders one line of inline Markdown (emphasis, code, links) to HTML, without a paragraph. */
  inline(text: string): SafeHtml;
}

const renderers = new Map<string, MarkdownRenderer>();

/**
 * Text that markdown-it 15 renders inline as itself: letters, digits, spaces and `,;()?'-`, with
 * no space at either end. None of these starts an inline rule, makes a link for linkify (which
 * needs `.`, `:` or `@`) or is escaped by markdown-it (which escapes `&<>"`, not `'`).
 */
const PLAIN_INLINE_TEXT = /^[\p{L}\p{N}](?:[\p{L}\p{N} ,;()?'-]*[\p{L}\p{N})?'])?$/u;

/**
 * Returns the Markdown renderer for a site served under `pathPrefix` (`/` or `/<repo>/`).
 * Site-relative links and images (`/keywords/`) get the prefix. Other relative links, and every
 * scheme except http and https (`javascript:`, `data:`, `mailto:`), are rendered as plain text.
 */
export function markdownRenderer(pathPrefix: string): MarkdownRenderer {
  const cached = renderers.get(pathPrefix);
  if (cached) return cached;

  const markdown = markdownIt({ html: false, linkify: true, typographer: false });
  markdown.validateLink = isAllowedLink;
  prefixSiteRelativeUrls(markdown, pathPrefix);
  markImagesLazy(markdown);

  const renderer: MarkdownRenderer = {
    block: (text) => trustedHtml(markdown.render(text)),
    // Most intro lines are plain words, which need no parse.
    inline: (text) => trustedHtml(PLAIN_INLINE_TEXT.test(text) ? text : markdown.renderInline(text)),
  };
  renderers.set(pathPrefix, renderer);
  return renderer;
}

/** Accepts absolute http(s) URLs, `#fragment` links and site-relative paths (`/a/b`, not `//host`). */
export function isAllowedLink(url: string): boolean {
  if (isHttpUrl(url)) return true;
  if (url.startsWith('#')) return true;
  return isSiteRelative(url);
}

function isSiteRelative(url: string): boolean {
  return url.startsWith('/') && !url.startsWith('//') && !url.startsWith('/\\');
}

// Site-relative URLs in content are written from the site's root; the prefix is added here.
function prefixSiteRelativeUrls(markdown: MarkdownIt, pathPrefix: string): void {
  const prefix = (token: Token | undefined, attribute: string): void => {
    const value = token?.attrGet(attribute);
    if (token && typeof value === 'string' && isSiteRelative(value)) {
      token.attrSet(attribute, withPrefix(pathPrefix, value));
    }
  };

  const linkOpen = markdown.renderer.rules.link_open;
  markdown.renderer.rules.link_open = (tokens, index, options, environment, self) => {
    prefix(tokens[index], 'href');
    return linkOpen ? linkOpen(tokens, index, options, environment, self) : self.renderToken(tokens, index, options);
  };

  const image = markdown.renderer.rules.image;
  markdown.renderer.rules.image = (tokens, index, options, environment, self) => {
    prefix(tokens[index], 'src');
    return image ? image(tokens, index, options, environment, self) : self.renderToken(tokens, index, options);
  };
}

function markImagesLazy(markdown: MarkdownIt): void {
  const original = markdown.renderer.rules.image;
  markdown.renderer.rules.image = (tokens, index, options, environment, self) => {
    tokens[index]?.attrSet('loading', 'lazy');
    return original ? original(tokens, index, options, environment, self) : self.renderToken(tokens, index, options);
  };
}
