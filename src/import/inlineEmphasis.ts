// Removes inline Markdown emphasis (`**bold**`, `__bold__`, `*italic*`, `_italic_`, `~~struck~~`)
// from a short piece of text such as a heading or a title, which the site shows as plain text.
import MarkdownIt from 'markdown-it';

const markdown = new MarkdownIt('default', { html: true });

const EMPHASIS_TOKENS = new Set(['strong_open', 'em_open', 's_open']);

/** Delimiter pairs, strongest first. `_` counts only at word boundaries, as Markdown reads it. */
const PAIRS: readonly RegExp[] = [
  /(?<!\\)\*\*(?=[^\s*])(.*?[^\s\\])\*\*/g,
  /(?<![\p{L}\p{N}\\])__(?=[^\s_])(.*?[^\s\\])__(?![\p{L}\p{N}])/gu,
  /(?<![\\*])\*(?=[^\s*])(.*?[^\s\\*])\*(?!\*)/g,
  /(?<![\p{L}\p{N}\\_])_(?=[^\s_])(.*?[^\s\\_])_(?![\p{L}\p{N}_])/gu,
  /(?<!\\)~~(?=\S)(.*?\S)~~/g,
];

/**
 * Returns `text` without the emphasis delimiters that Markdown would render, keeping the words
 * between them. Returns `text` unchanged when markdown-it finds no emphasis in it, so that a
 * lone `*`, `C*`, `snake_case` or an escaped `\*` stays as written.
 */
export function stripEmphasis(text: string): string {
  if (!hasEmphasis(text)) return text;

  let result = text;
  for (let round = 0; round < 10; round++) {
    let next = result;
    for (const pair of PAIRS) next = next.replace(pair, '$1');
    if (next === result) break;
    result = next;
  }
  return result.replace(/\s+/g, ' ').trim();
}

function hasEmphasis(text: string): boolean {
  const tokens = markdown.parseInline(text, {});
  return tokens.some((token) => (token.children ?? []).some((child) => EMPHASIS_TOKENS.has(child.type)));
}
