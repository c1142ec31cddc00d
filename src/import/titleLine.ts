// Reads a line that names an entry: `**Title**` or `__Title__`, possibly with text after the
// closing delimiter, emphasis inside, a link around the title, or no closing `**` at all.
import { isHttpUrl } from '../../schemas/fields.ts';
import { stripEmphasis } from './inlineEmphasis.ts';
import { isSiteRelative } from './entryFields.ts';
import { scanInlineLinks } from './inlineLinks.ts';

/** The parts of a title line: the title and what is written around it. Unused optional fields are absent. */
export interface TitleLine {
  text: string;
  /** True for a line that opens `**` and never closes it. */
  unclosed: boolean;
  /** Text after the closing delimiter, such as `(CVPR 2016)` in `**Paper** (CVPR 2016)`. */
  trailing?: string;
  /** The URL of a title written as a link, `**[Title](https://...)**`. */
  url?: string;
  /** The title as written between the delimiters, when `text` differs from it (emphasis or link markup removed). */
  written?: string;
}

/**
 * Returns the title of a line that starts with `**` or `__`, or undefined when the line is not
 * a title. Not a title: a line indented as code, `***` or `___`, a bold label followed by a colon
 * (`**Note**: ...`), a line with more bold text after the first (`**A** and **B**`), and
 * `__name__` followed by more than a space (`__init__.py`). Only `**` may be left unclosed.
 */
export function titleOfLine(line: string): TitleLine | undefined {
  if (/^ {4}|^\t/.test(line)) return undefined;
  const trimmed = line.trim();
  const delimiter = trimmed.startsWith('**') ? '**' : trimmed.startsWith('__') ? '__' : undefined;
  if (delimiter === undefined || trimmed.startsWith(delimiter + delimiter[0])) return undefined;

  const inner = trimmed.slice(2);
  const close = wrapsWholeLine(inner, delimiter) ? inner.length - 2 : closingDelimiter(inner, delimiter);
  if (close === undefined) {
    if (delimiter === '__' || inner.includes('**')) return undefined;
    const text = inner.replace(/\*+$/, '').trim();
    return text === '' ? undefined : { text, unclosed: true };
  }

  const written = inner.slice(0, close).trim();
  const after = inner.slice(close + 2);
  const trailing = after.trim();
  if (written === '') return undefined;
  // `__init__.py` is a file name, not a title: underscores end a title only before a space.
  if (delimiter === '__' && trailing !== '' && !/^\s/.test(after)) return undefined;
  if (trailing.startsWith(':') || trailing.includes('**') || trailing.includes('__')) return undefined;

  const title: TitleLine = { text: written, unclosed: false };
  const link = wholeLink(written);
  if (link !== undefined) {
    title.text = link.label;
    title.url = link.url;
  }
  title.text = stripEmphasis(title.text);
  if (title.text === '') return undefined;
  if (title.text !== written) title.written = written;
  if (trailing !== '') title.trailing = trailing;
  return title;
}

/** True when the line ends with the delimiter that closes the opening one, as in `**Title with *emphasis***`. */
function wrapsWholeLine(inner: string, delimiter: '**' | '__'): boolean {
  if (inner.length <= 2 || !inner.endsWith(delimiter)) return false;
  const content = inner.slice(0, -2);
  return !content.includes(delimiter) || closingDelimiter(inner, delimiter) === content.length;
}

/**
 * Returns the offset in `inner` of the delimiter that closes the one the line opened with,
 * counting the pairs opened and closed inside it (`**Title with **bold** inside**`). A delimiter
 * preceded by a space opens, any other closes, as Markdown's flanking rules read them.
 */
function closingDelimiter(inner: string, delimiter: '**' | '__'): number | undefined {
  let depth = 1;
  for (let index = inner.indexOf(delimiter); index >= 0; index = inner.indexOf(delimiter, index + 2)) {
    const before = inner[index - 1];
    const after = inner[index + 2];
    // Part of a longer run such as `***`, which mixes bold and italic: not read here.
    if (before === delimiter[0] || after === delimiter[0]) continue;
    const opens = before === undefined || /\s/.test(before);
    if (opens) {
      if (after !== undefined && !/\s/.test(after)) depth += 1;
      continue;
    }
    // `__` inside a word (`snake__case`) is no delimiter.
    if (delimiter === '__' && after !== undefined && /[\p{L}\p{N}]/u.test(after)) continue;
    depth -= 1;
    if (depth === 0) return index;
  }
  return undefined;
}

/** Returns the label and URL when the whole text is one link with an http or site-relative URL. */
function wholeLink(text: string): { label: string; url: string } | undefined {
  const spans = scanInlineLinks(text);
  const span = spans[0];
  if (spans.length !== 1 || span === undefined || span.image || span.start !== 0 || span.end !== text.length) return undefined;
  const label = span.label.trim();
  const url = span.url.trim();
  if (label === '' || !(isHttpUrl(url) || isSiteRelative(url))) return undefined;
  return { label, url };
}
