// Finds the inline links and images of one line of Markdown with markdown-it's own link
// helpers, keeping the source position of each, which markdown-it's tokens do not record.
import MarkdownIt from 'markdown-it';

const markdown = new MarkdownIt('default', { html: true });

/** One `[label](destination)`, `![alt](destination)` or `<scheme:...>` autolink found in a line. */
export interface InlineSpan {
  /** Offset of the span's first character (`[`, `!` or `<`) in the scanned text. */
  start: number;
  /** Offset just after the span's last character. */
  end: number;
  image: boolean;
  /** The label as written between the brackets (for an autolink, the URL). */
  label: string;
  /** The destination with Markdown escapes resolved, as markdown-it reads it, without percent-encoding. */
  url: string;
  /** Offsets of the destination as written, angle brackets included. */
  urlStart: number;
  urlEnd: number;
}

const AUTOLINK = /^<([a-zA-Z][a-zA-Z0-9+.-]{1,31}:[^<>\x00-\x20]*)>/;

/**
 * Scans `text` (one line or a few) for inline links, images and autolinks, skipping backslash
 * escapes and code spans. Reference links (`[label][ref]`) are not links here, because their
 * definition may be anywhere in the document.
 */
export function scanInlineLinks(text: string): InlineSpan[] {
  const spans: InlineSpan[] = [];
  if (!/[[<]/.test(text)) return spans;
  const state = new markdown.inline.State(text, markdown, {}, []);
  let position = 0;

  while (position < text.length) {
    const character = text[position];

    if (character === '\\') {
      position += 2;
      continue;
    }
    if (character === '`') {
      position = skipCodeSpan(text, position);
      continue;
    }
    if (character === '<') {
      const match = AUTOLINK.exec(text.slice(position));
      if (match !== null) {
        const url = match[1]!;
        spans.push({ start: position, end: position + match[0].length, image: false, label: url, url, urlStart: position, urlEnd: position + match[0].length });
        position += match[0].length;
        continue;
      }
    }

    const image = character === '!' && text[position + 1] === '[';
    if (character === '[' || image) {
      const span = parseInlineLink(text, state, position, image);
      if (span !== undefined) {
        spans.push(span);
        position = span.end;
        continue;
      }
    }
    position += 1;
  }
  return spans;
}

/** Replaces each span's destination with `replace(span)`, working from the end so offsets stay valid. */
export function replaceDestinations(text: string, spans: readonly InlineSpan[], replace: (span: InlineSpan) => string | undefined): string {
  let result = text;
  for (const span of [...spans].sort((a, b) => b.urlStart - a.urlStart)) {
    const replacement = replace(span);
    if (replacement === undefined) continue;
    const written = result.slice(span.urlStart, span.urlEnd);
    const wrapped = written.startsWith('<') && written.endsWith('>') ? `<${replacement}>` : replacement;
    result = result.slice(0, span.urlStart) + wrapped + result.slice(span.urlEnd);
  }
  return result;
}

/** Resolves Markdown backslash escapes and entities, as markdown-it does for labels and destinations. */
export function unescapeMarkdown(text: string): string {
  return markdown.utils.unescapeAll(text);
}

function parseInlineLink(text: string, state: InstanceType<typeof markdown.inline.State>, start: number, image: boolean): InlineSpan | undefined {
  const labelOpen = image ? start + 1 : start;
  state.pos = labelOpen;
  state.posMax = text.length;
  const labelClose = markdown.helpers.parseLinkLabel(state, labelOpen, !image);
  if (labelClose < 0 || text[labelClose + 1] !== '(') return undefined;

  let position = skipSpaces(text, labelClose + 2);
  const destination = markdown.helpers.parseLinkDestination(text, position, text.length);
  if (!destination.ok) return undefined;
  const urlStart = position;
  const urlEnd = destination.pos;

  position = skipSpaces(text, destination.pos);
  if (position < text.length && position !== urlEnd) {
    const title = markdown.helpers.parseLinkTitle(text, position, text.length);
    if (title.ok) position = skipSpaces(text, title.pos);
  }
  if (text[position] !== ')') return undefined;

  return {
    start,
    end: position + 1,
    image,
    label: text.slice(labelOpen + 1, labelClose),
    url: destination.str,
    urlStart,
    urlEnd,
  };
}

function skipSpaces(text: string, position: number): number {
  let index = position;
  while (index < text.length && (text[index] === ' ' || text[index] === '\t' || text[index] === '\n')) index += 1;
  return index;
}

/** Returns the offset after the code span opening at `start`, or after the backtick run when it is never closed. */
function skipCodeSpan(text: string, start: number): number {
  let runEnd = start;
  while (text[runEnd] === '`') runEnd += 1;
  const fence = text.slice(start, runEnd);

  let search = runEnd;
  while (search < text.length) {
    const found = text.indexOf(fence, search);
    if (found < 0) break;
    let after = found + fence.length;
    if (text[after] !== '`') return after;
    while (text[after] === '`') after += 1;
    search = after;
  }
  return runEnd;
}
