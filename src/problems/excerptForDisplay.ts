// Prepares text copied from a content file (a source line, a value as written) for a terminal or
// a pull request annotation, by making control characters visible and cutting long text.

/** The maximum number of characters of copied text shown in one problem. */
export const MAX_DISPLAY_LENGTH = 200;

/** C0 and C1 control characters other than tab, which a terminal would act on instead of showing. */
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000A-\u001F\u007F-\u009F]/g;

/** The same characters without line feed and carriage return. */
const CONTROL_CHARACTERS_BUT_LINE_BREAKS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g;

/** A double-quoted span of a message, in which a backslash escapes the next character as in JSON. */
const QUOTED_TEXT = /"((?:[^"\\]|\\.)*)"/g;

/** The end of text that excerptForDisplay has cut. */
const CUT_MARK = /\.\.\. \[[\d,]+ characters, cut\]$/;

/**
 * Returns `text` with each control character other than tab written as an escape (`\r`, `\n`,
 * `\x1B`), so that a carriage return or an escape sequence in a file cannot rewrite the
 * terminal. When the result is longer than `maxLength` UTF-16 code units, returns its first
 * `maxLength`, without splitting a surrogate pair, followed by `... [N characters, cut]`, where
 * N is the length before the cut.
 */
export function excerptForDisplay(text: string, maxLength: number = MAX_DISPLAY_LENGTH): string {
  const visible = escapeControlCharacters(text);
  if (visible.length <= maxLength) return visible;

  // A high surrogate at the cut would leave half a character, which prints as U+FFFD.
  const last = visible.charCodeAt(maxLength - 1);
  const end = last >= 0xd800 && last <= 0xdbff ? maxLength - 1 : maxLength;
  return `${visible.slice(0, end)}... [${visible.length.toLocaleString('en-US')} characters, cut]`;
}

/**
 * Returns `text` with each control character other than tab written as an escape, as
 * excerptForDisplay does, and without cutting. With `keepLineBreaks`, line feeds and carriage
 * returns are kept, for a caller that encodes them itself.
 */
export function escapeControlCharacters(text: string, options: { keepLineBreaks?: boolean } = {}): string {
  return text.replace(options.keepLineBreaks ? CONTROL_CHARACTERS_BUT_LINE_BREAKS : CONTROL_CHARACTERS, escapeControlCharacter);
}

/**
 * Returns a message or fix written for people, with control characters escaped and each value
 * that it quotes in double quotes cut as excerptForDisplay cuts it, unless the value was cut so
 * already. Then the whole text is cut at `maxLength`, because a value with a quote in it can leave
 * long text outside any quotes.
 */
export function sentenceForDisplay(text: string, maxLength: number): string {
  const quotesCut = escapeControlCharacters(text).replace(QUOTED_TEXT, (quoted, inner: string) => {
    if (inner.length <= MAX_DISPLAY_LENGTH || CUT_MARK.test(inner)) return quoted;
    return `"${excerptForDisplay(inner)}"`;
  });
  return excerptForDisplay(quotesCut, maxLength);
}

function escapeControlCharacter(character: string): string {
  if (character === '\n') return '\\n';
  if (character === '\r') return '\\r';
  return `\\x${character.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`;
}
