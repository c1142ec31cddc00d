// Reports a character that the site cannot show, such as a NUL or another control character,
// which the pages and feeds would otherwise drop or replace unreported.
import type { Problem } from '../problems/problem.ts';
import { countLineFeeds } from '../text/countLineFeeds.ts';

/**
 * The characters that the site rejects. XML 1.0 forbids some even when escaped, and buildXml
 * removes them from the feeds and the sitemap: C0 controls other than tab, line feed and carriage
 * return, and U+FFFE, U+FFFF. DEL and the C1 controls (U+007F to U+009F) are allowed in XML, but
 * HTML calls them control characters and a terminal may act on them. markdown-it also replaces a
 * NUL with U+FFFD, and an HTML parser that follows the standard (parse5, checked) drops it from text.
 */
export const FORBIDDEN_CHARACTER = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFE\uFFFF]/;

const DELETE_FIX = 'delete the character or replace it with a space, in an editor that shows invisible characters';

/** The fix for a NUL with another NUL two characters on, as in UTF-16 text of Latin letters without a byte order mark. */
const UTF16_FIX = 'save the file as UTF-8 in your editor: a NUL after every other character means that it is saved as UTF-16';

/**
 * The fix for a C1 control after a letter from "Â" to "ô". UTF-8 text read as Latin-1 and saved as
 * UTF-8 again has a character for each byte. So a curly quote (U+201C, bytes E2 80 9C) becomes "â"
 * and two C1 controls, and "À" (C3 80) becomes "Ã" and one.
 */
const DOUBLE_ENCODED_FIX = 'retype the characters from the letter before it, such as a curly quote or a dash: a control character after a letter such as "â" or "Ã" means that the text was read as Latin-1 and saved as UTF-8 again';

/** Common names of some control characters, for the message. */
const CONTROL_NAMES: Readonly<Record<number, string>> = {
  0x00: 'NUL',
  0x08: 'backspace',
  0x0b: 'vertical tab',
  0x0c: 'form feed',
  0x1b: 'escape',
  0x7f: 'delete',
  0x85: 'next line',
  0x9b: 'control sequence introducer',
};

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

  return {
    stage: 'read',
    severity: 'error',
    code: 'control-character',
    file,
    line,
    column: index - lineStart - bomLength + 1,
    field: '',
    message: `the file contains ${describeForbiddenCharacter(code)}, ${forbiddenReason(code)}`,
    fix: forbiddenCharacterFix(text, index),
  };
}

/** Writes a character code as `U+001B (escape)`, or `U+0001` for a character without a common name. */
export function describeForbiddenCharacter(code: number): string {
  const hex = code.toString(16).toUpperCase().padStart(4, '0');
  const name = CONTROL_NAMES[code];
  return `U+${hex}${name ? ` (${name})` : ''}`;
}

/** Returns why the character `code` is rejected, as the end of a sentence. */
export function forbiddenReason(code: number): string {
  if (code >= 0x7f && code <= 0x9f) return 'a control character that a browser does not show and a terminal may act on';
  return 'a character that the pages and feeds would drop or replace';
}

/** Returns the fix for the forbidden character at `index` of `text`. */
export function forbiddenCharacterFix(text: string, index: number): string {
  const code = text.charCodeAt(index);
  if (code === 0 && text.charCodeAt(index + 2) === 0) return UTF16_FIX;

  // The second C1 control of a pair is preceded by the first, so look back past C1 controls.
  let before = index - 1;
  while (before >= 0 && isC1Control(text.charCodeAt(before))) before--;
  const lead = text.charCodeAt(before);
  // U+00C2 to U+00F4 are the Latin-1 letters of the bytes that start a UTF-8 sequence.
  if (isC1Control(code) && lead >= 0xc2 && lead <= 0xf4) return DOUBLE_ENCODED_FIX;
  return DELETE_FIX;
}

function isC1Control(code: number): boolean {
  return code >= 0x80 && code <= 0x9f;
}

