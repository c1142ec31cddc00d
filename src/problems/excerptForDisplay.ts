// Prepares text copied from a content file (a source line, a value as written) for a terminal or
// a pull request annotation, by making control characters visible and cutting long text.

/** The maximum number of characters of copied text shown in one problem. */
export const MAX_DISPLAY_LENGTH = 200;

/** C0 and C1 control characters other than tab, which a terminal would act on instead of showing. */
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000A-\u001F\u007F-\u009F]/g;

/**
 * Returns `text` with each control character other than tab written as an escape (`\r`, `\n`,
 * `\x1B`), so that a carriage return or an escape sequence in a file cannot rewrite the
 * terminal. When the result is longer than `maxLength` UTF-16 code units, returns its first
 * `maxLength`, without splitting a surrogate pair, followed by `... [N characters, cut]`, where
 * N is the length before the cut.
 */
export function excerptForDisplay(text: string, maxLength: number = MAX_DISPLAY_LENGTH): string {
  const visible = text.replace(CONTROL_CHARACTERS, escapeControlCharacter);
  if (visible.length <= maxLength) return visible;

  // A high surrogate at the cut would leave half a character, which prints as U+FFFD.
  const last = visible.charCodeAt(maxLength - 1);
  const end = last >= 0xd800 && last <= 0xdbff ? maxLength - 1 : maxLength;
  return `${visible.slice(0, end)}... [${visible.length.toLocaleString('en-US')} characters, cut]`;
}

function escapeControlCharacter(character: string): string {
  if (character === '\n') return '\\n';
  if (character === '\r') return '\\r';
  return `\\x${character.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`;
}
