// Reports control characters that YAML escapes put into frontmatter keys and values, such as
// "\0", "\e" or "\x07" in a double-quoted string. The read stage finds such characters only
// where they are written raw, so this check runs on the parsed data.
import type { Problem } from '../problems/problem.ts';
import { describeForbiddenCharacter, FORBIDDEN_CHARACTER, forbiddenReason } from '../read/checkControlCharacters.ts';
import type { Frontmatter } from '../read/rawDocument.ts';
import { countLineFeeds } from '../text/countLineFeeds.ts';
import { formatFieldPath, locateField, type FieldLocation } from './locateField.ts';

/** One escape of a double-quoted YAML scalar: `\x07`, `\u0085`, `\U0000001B`, or a backslash and one character. */
const YAML_ESCAPE = /\\(?:x([0-9a-fA-F]{2})|u([0-9a-fA-F]{4})|U([0-9a-fA-F]{8})|([^]))/g;

/** The characters that YAML 1.2 writes as a backslash and a letter or digit, by the character they stand for. */
const NAMED_ESCAPES: Readonly<Record<string, number>> = { '0': 0x00, a: 0x07, b: 0x08, t: 0x09, n: 0x0a, v: 0x0b, f: 0x0c, r: 0x0d, e: 0x1b, N: 0x85, _: 0xa0, L: 0x2028, P: 0x2029 };

/**
 * Returns one problem for each key and each string value of `data` (the frontmatter's plain data)
 * that contains a character which checkControlCharacters rejects in the file. A problem points at
 * the escape that wrote the character when that escape is found in the value as written, and
 * otherwise at the key or value. Valid data builds no `yaml` Document.
 */
export function checkValueCharacters(data: unknown, frontmatter: Frontmatter, file: string): Problem[] {
  // Without a backslash, every character of the data is copied from the source (a key that is
  // not a scalar becomes text of its scalars), so a scan of the source is enough.
  if (!frontmatter.source.includes('\\') && !FORBIDDEN_CHARACTER.test(frontmatter.source)) return [];

  const problems: Problem[] = [];
  const fieldPath: PropertyKey[] = [];

  const visit = (value: unknown): void => {
    if (typeof value === 'string') {
      const problem = checkString(value, 'value');
      if (problem !== undefined) problems.push(problem);
      return;
    }
    if (Array.isArray(value)) {
      for (let index = 0; index < value.length; index++) {
        fieldPath.push(index);
        visit(value[index]);
        fieldPath.pop();
      }
      return;
    }
    if (value === null || typeof value !== 'object') return;
    for (const [key, item] of Object.entries(value)) {
      fieldPath.push(key);
      const problem = checkString(key, 'key');
      if (problem !== undefined) problems.push(problem);
      visit(item);
      fieldPath.pop();
    }
  };

  const checkString = (text: string, at: 'key' | 'value'): Problem | undefined => {
    const match = FORBIDDEN_CHARACTER.exec(text);
    if (match === null) return undefined;

    const code = text.charCodeAt(match.index);
    const location = locateField(frontmatter, fieldPath, at);
    const escape = findEscape(frontmatter, location, code);
    const written = escape === undefined ? '' : `, written as the YAML escape "${escape.text}"`;
    return {
      stage: 'validate',
      severity: 'error',
      code: 'control-character',
      file,
      line: escape?.line ?? location.line,
      column: escape?.column ?? location.column,
      field: formatFieldPath(fieldPath),
      message: `${at === 'key' ? 'the key contains' : 'contains'} ${describeForbiddenCharacter(code)}${written}, ${forbiddenReason(code)}`,
      received: location.found ? location.source : undefined,
      fix: escape === undefined ? 'delete the character from the text, or replace it with a space' : `delete the escape "${escape.text}", or write "\\${escape.text}" if the backslash is meant as text`,
    };
  };

  visit(data);
  return problems;
}

/**
 * Returns the first escape that writes the character `code` in the double-quoted scalar found at
 * `location`, with its line and column in the file. Returns undefined when the scalar is not
 * double-quoted or is reached through an alias, whose location is the alias and not the text.
 */
function findEscape(frontmatter: Frontmatter, location: FieldLocation, code: number): { text: string; line: number; column: number } | undefined {
  const written = location.source;
  if (!location.found || written === undefined || !written.startsWith('"')) return undefined;

  const lineStart = frontmatter.lineCounter.lineStarts[location.line - 1];
  if (lineStart === undefined || !frontmatter.source.startsWith(written, lineStart + location.column - 1)) return undefined;

  for (const match of written.matchAll(YAML_ESCAPE)) {
    const [text, hex2, hex4, hex8, letter] = match;
    const hex = hex2 ?? hex4 ?? hex8;
    const escaped = hex !== undefined ? Number.parseInt(hex, 16) : NAMED_ESCAPES[letter ?? ''];
    if (escaped !== code) continue;

    // A double-quoted scalar may span lines, so the escape's line is counted from the value's.
    const lineBreaks = countLineFeeds(written, match.index);
    const column = lineBreaks === 0 ? location.column + match.index : match.index - written.lastIndexOf('\n', match.index - 1);
    return { text, line: location.line + lineBreaks, column };
  }
  return undefined;
}
