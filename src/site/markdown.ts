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
 * Text that markdown-it 15 renders inline as itself, apart from `&` becoming `&amp;`: letters,
 * digits, spaces and `,;()?'%-`, with `.` only before a space, a digit or the end, and `:` and
 * `&` only before a space. It starts with a letter or digit and ends without a space. No inline
 * rule acts on these characters, linkify finds no link (a domain needs a `.` before a letter, a
 * scheme needs `:` before `/`, an e-mail needs `@`), and `&` before a space starts no entity.
 */
const PLAIN_INLINE_TEXT = /^[\p{L}\p{N}](?:(?:[\p{L}\p{N} ,;()?'%-]|[.:&](?= )|\.(?=\p{N}))*[\p{L}\p{N})?'%.])?$/u;

/**
 * A block of one line between line breaks only, starting with a letter, which markdown-it renders
 * as one paragraph when the line is plain inline text. A line that starts with a digit could be
 * an ordered list item (`1. `), and one that starts with a space could be indented code.
 */
const ONE_LINE_BLOCK = /^\n*(\p{L}[^\n]*)\n*$/u;

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
    // Most notes and intro lines are plain sentences, which need no parse.
    block: (text) => {
      const line = ONE_LINE_BLOCK.exec(text)?.[1];
      return trustedHtml(line !== undefined && PLAIN_INLINE_TEXT.test(line) ? `<p>${escapeAmpersands(line)}</p>\n` : markdown.render(text));
    },
    inline: (text) => trustedHtml(PLAIN_INLINE_TEXT.test(text) ? escapeAmpersands(text) : markdown.renderInline(text)),
  };
  renderers.set(pathPrefix, renderer);
  return renderer;
}

function escapeAmpersands(text: string): string {
  return text.includes('&') ? text.replaceAll('&', '&amp;') : text;
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
