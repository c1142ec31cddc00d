// Reports a character that the site cannot show, such as a NUL or another control character,
// which the pages and feeds would otherwise drop or replace unreported.
import type { Problem } from '../problems/problem.ts';

/**
 * The characters that XML 1.0 forbids even when escaped, which buildXml removes from the feeds and
 * the sitemap: C0 controls other than tab, line feed and carriage return, and U+FFFE, U+FFFF.
 * markdown-it also replaces a NUL with U+FFFD, and an HTML parser that follows the standard
 * (parse5, checked) drops it from text.
 */
const FORBIDDEN_CHARACTER = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;

const DELETE_FIX = 'delete the character or replace it with a space, in an editor that shows invisible characters';

/** The fix for a NUL with another NUL two characters on, as in UTF-16 text of Latin letters without a byte order mark. */
const UTF16_FIX = 'save the file as UTF-8 in your editor: a NUL after every other character means that it is saved as UTF-16';

/** Common names of the C0 control characters, for the message. */
const CONTROL_NAMES: Readonly<Record<number, string>> = { 0x00: 'NUL', 0x08: 'backspace', 0x0b: 'vertical tab', 0x0c: 'form feed', 0x1b: 'escape' };

/**
 * Returns an error problem for the first forbidden character of `text` (the decoded file), with
 * its line and column, or undefined when there is none. Columns count UTF-16 code units from 1
 * and leave out a byte order mark, as the YAML positions of other problems do.
 */
export function checkControlCharacters(text: string, file: string): Problem | undefined {
  const match = FORBIDDEN_CHARACTER.exec(text);
  if (match === null) return undefined;

  const index = match.index;
  const lineStart = text.lastIndexOf('\n', index - 1) + 1;
  const line = countLineFeeds(text, lineStart) + 1;
  const bomLength = lineStart === 0 && text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const code = text.charCodeAt(index);
  const hex = code.toString(16).toUpperCase().padStart(4, '0');
  const name = CONTROL_NAMES[code];

  return {
    stage: 'read',
    severity: 'error',
    code: 'control-character',
    file,
    line,
    column: index - lineStart - bomLength + 1,
    field: '',
    message: `the file contains U+${hex}${name ? ` (${name})` : ''}, a character that the pages and feeds would drop or replace`,
    fix: code === 0 && text.charCodeAt(index + 2) === 0 ? UTF16_FIX : DELETE_FIX,
  };
}

function countLineFeeds(text: string, end: number): number {
  let count = 0;
  for (let index = text.indexOf('\n'); index !== -1 && index < end; index = text.indexOf('\n', index + 1)) count++;
  return count;
}
