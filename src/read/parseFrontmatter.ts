// Splits one content file into YAML frontmatter and Markdown body with gray-matter. The YAML is
// parsed to plain data by the fast parse where it can be, and otherwise with the `yaml` package,
// whose Document keeps every node's line and column for problems.
import matter from 'gray-matter';
import { isCollection, isPair, isScalar, isSeq, LineCounter, parseDocument, visit, type Document, type YAMLError } from 'yaml';
import type { Problem } from '../problems/problem.ts';
import { excerptForDisplay, MAX_DISPLAY_LENGTH } from '../problems/excerptForDisplay.ts';
import { countLineFeeds } from '../text/countLineFeeds.ts';
import { parsePlainYamlData } from './plainYamlData.ts';
import type { Frontmatter } from './rawDocument.ts';

/** The maximum number of aliases a frontmatter may expand, so that a small file cannot grow into a huge value. */
const MAX_ALIAS_COUNT = 100;

/** Blank lines at the start of the body, up to the first line with text. */
const LEADING_BLANK_LINES = /^(?:[ \t]*\r?\n)+/;

/** The frontmatter languages accepted after the opening `---`: none, or YAML named explicitly. */
const YAML_LANGUAGES = new Set(['', 'yaml', 'yml']);

export interface ParsedFile {
  frontmatter: Frontmatter | undefined;
  body: string;
  problems: Problem[];
}

/** Thrown by the engines that stand in for gray-matter's own JavaScript, JSON and CoffeeScript engines. */
export class RejectedLanguageError extends Error {
  constructor(language: string) {
    super(`frontmatter language "${language}" is not accepted: only YAML is read`);
    this.name = 'RejectedLanguageError';
  }
}

/**
 * Engines that replace every non-YAML engine of gray-matter with one that throws. gray-matter
 * looks up `js` and falls back to `javascript`, whose built-in engine calls eval, so both names
 * must be replaced: disabling `js` alone would still run the code.
 */
export const REJECTING_ENGINES = Object.fromEntries(
  ['js', 'javascript', 'json', 'coffee', 'coffeescript', 'cson', 'toml'].map((language) => [language, rejectingEngine(language)]),
);

function rejectingEngine(language: string) {
  return {
    parse(): never {
      throw new RejectedLanguageError(language);
    },
    stringify(): never {
      throw new RejectedLanguageError(language);
    },
  };
}

/** The frontmatter block that CAPTURING_YAML_ENGINE received during the current gray-matter call. */
let capturedSource: string | undefined;

/** A gray-matter engine that keeps the YAML block for parseFrontmatter to parse, instead of parsing it. */
const CAPTURING_YAML_ENGINE = {
  parse(text: string): object {
    // gray-matter cuts the block before the "\n" of the closing line, so with CRLF line
    // endings a lone "\r" ends the block, and YAML would read it into the last value.
    capturedSource = text.endsWith('\r') ? text.slice(0, -1) : text;
    return {};
  },
  stringify(): never {
    throw new Error('stringify is not used');
  },
};

/**
 * The gray-matter options of every call. With options given, gray-matter does not keep the file
 * in its cache (`matter.cache`, keyed by the whole text), which would hold every file read.
 */
const MATTER_OPTIONS = {
  language: 'yaml',
  engines: { ...REJECTING_ENGINES, yaml: CAPTURING_YAML_ENGINE, yml: CAPTURING_YAML_ENGINE },
} as Parameters<typeof matter>[1];

/**
 * Parses the text of one content file. `file` is the path used in problems.
 * Accepts a UTF-8 byte order mark and CRLF line endings. Reports, rather than throws: an empty
 * file, a file without frontmatter, an unclosed frontmatter, a language other than YAML after
 * the opening `---` (`---js` is never evaluated), YAML syntax errors and alias cycles.
 */
export function parseFrontmatter(text: string, file: string): ParsedFile {
  const content = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const problems: Problem[] = [];
  const fail = (code: string, line: number, message: string, fix: string, received?: string, column = 1): ParsedFile => {
    problems.push({ stage: 'read', severity: 'error', code, file, line, column, field: '', message, received, fix });
    return { frontmatter: undefined, body: '', problems };
  };

  if (content.trim() === '') {
    return fail('empty-file', 1, 'the file is empty', 'start the file with frontmatter between two "---" lines, such as "---\\ntitle: ...\\n---"');
  }

  const firstLine = content.split(/\r?\n/, 1)[0] ?? '';
  // The split above removes CRLF, so a carriage return left in the first line ends a line alone.
  // Without this check the whole file would be one line, reported as an unknown frontmatter language.
  const loneReturn = firstLine.indexOf('\r');
  if (loneReturn !== -1) {
    return fail(
      'cr-line-endings',
      1,
      'the line ends with a carriage return (CR) alone, as in classic Mac OS files, but only LF and CRLF line endings are read',
      'convert the line endings of the file to LF (or CRLF) in your editor',
      undefined,
      loneReturn + 1,
    );
  }

  if (!firstLine.startsWith('---') || firstLine.startsWith('----')) {
    return fail(
      'missing-frontmatter',
      1,
      'the file has no frontmatter: its first line must be "---"',
      'start the file with frontmatter between two "---" lines, such as "---\\ntitle: ...\\n---"',
      firstLine,
    );
  }

  const language = firstLine.slice(3).trim();
  if (!YAML_LANGUAGES.has(language.toLowerCase())) {
    return fail(
      'frontmatter-language',
      1,
      `the frontmatter is marked as "${excerptForDisplay(language)}", but only YAML frontmatter is read (it is never run as code)`,
      'write the frontmatter in YAML and open it with a plain "---" line',
      firstLine,
    );
  }

  // gray-matter ends the frontmatter at the first line that starts with "---", whatever follows
  // on that line, and moves the rest of that line and of the frontmatter into the body.
  const close = /\n---([^\n]*)/.exec(content.slice(firstLine.length));
  if (close === null) {
    return fail('unclosed-frontmatter', 1, 'the frontmatter is not closed: no line "---" follows it', 'end the frontmatter with a line "---"');
  }
  const afterDashes = (close[1] ?? '').replace(/\r$/, '');
  if (!/^[ \t]*$/.test(afterDashes)) {
    const closeLine = countLineFeeds(content, firstLine.length + close.index + 1) + 1;
    return fail(
      'invalid-frontmatter-end',
      closeLine,
      'the frontmatter ends at the first line that starts with "---", but this line has more text after the "---"',
      'write the line that ends the frontmatter as "---" alone, and start no other frontmatter line with "---"',
      `---${afterDashes}`,
    );
  }

  // The language was checked above; the rejecting engines are a second guard.
  capturedSource = undefined;
  const result = matter(content, MATTER_OPTIONS);
  // Only blank lines are removed from the start, because the spaces that begin the first line can
  // make an indented code block, which trim() would turn into a paragraph.
  const body = result.content.replace(LEADING_BLANK_LINES, '').trimEnd();
  const source = capturedSource as string | undefined;
  capturedSource = undefined;

  if (source === undefined) {
    // gray-matter skips the engine when the block holds only blank lines and comments.
    const lineCounter = new LineCounter();
    const document = parseDocument('', { lineCounter });
    return { frontmatter: { source: '', document, lineCounter, data: {}, parsedWithPositions: true }, body, problems };
  }

  const plain = parsePlainYamlData(source);
  if (plain !== undefined) return { frontmatter: new PlainFrontmatter(source, plain.data), body, problems };

  const positioned = parseFrontmatterDocument(source, file);
  return { frontmatter: positioned.frontmatter, body, problems: positioned.problems };
}

/**
 * Frontmatter read by the fast parse: the `yaml` Document that gives positions is built from
 * `source` the first time `document` or `lineCounter` is read, so a file that no problem points
 * into never builds one.
 */
class PlainFrontmatter implements Frontmatter {
  readonly source: string;
  readonly data: unknown;
  readonly parsedWithPositions = false;
  #positions: { document: Document.Parsed; lineCounter: LineCounter } | undefined;

  constructor(source: string, data: unknown) {
    this.source = source;
    this.data = data;
  }

  get document(): Document.Parsed {
    return this.#positioned().document;
  }

  get lineCounter(): LineCounter {
    return this.#positioned().lineCounter;
  }

  #positioned(): { document: Document.Parsed; lineCounter: LineCounter } {
    if (this.#positions === undefined) {
      const lineCounter = new LineCounter();
      const document = parseDocument(this.source, { lineCounter, prettyErrors: false, uniqueKeys: true });
      this.#positions = { document, lineCounter };
    }
    return this.#positions;
  }
}

/**
 * Parses frontmatter `source` (as gray-matter cut it, line 1 being the opening `---` line) into a
 * `yaml` Document that keeps every node's position, and reports YAML errors and alias cycles
 * against `file`. This is the authority for any file it is used on: parseFrontmatter uses it
 * where the fast parse declines, and the checks parse a file with problems again with it.
 */
export function parseFrontmatterDocument(source: string, file: string): { frontmatter: Frontmatter; problems: Problem[] } {
  const problems: Problem[] = [];
  const lineCounter = new LineCounter();
  const document = parseDocument(source, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const frontmatter = (data: unknown): Frontmatter => ({ source, document, lineCounter, data, parsedWithPositions: true });

  for (const error of document.errors) {
    const offset = errorOffset(document, error);
    const position = lineCounter.linePos(offset);
    const line = sourceLine(source, lineCounter, offset);
    problems.push({
      stage: 'read',
      severity: 'error',
      code: 'invalid-yaml',
      file,
      line: position.line,
      column: position.col,
      field: '',
      message: `invalid YAML: ${excerptForDisplay(firstSentence(error.message))}`,
      received: line,
      fix: yamlFix(error.code, line, error.message),
    });
  }
  if (document.errors.length > 0) return { frontmatter: frontmatter(undefined), problems };

  // An alias is written with "*": without one, the walk over the document can be skipped.
  const cycle = source.includes('*') ? findAliasCycle(document) : undefined;
  if (cycle !== undefined) {
    const position = lineCounter.linePos(cycle.offset);
    const inSections = /^sections\b/.test(cycle.field);
    problems.push({
      stage: 'read',
      severity: 'error',
      code: 'alias-cycle',
      file,
      line: position.line,
      column: position.col,
      field: cycle.field,
      message: `${inSections ? 'the section tree has a cycle: ' : ''}the alias *${cycle.anchor} refers to a value that contains it, which makes an endless loop`,
      received: `*${cycle.anchor}`,
      fix: 'write the value out instead of using a YAML alias',
    });
    return { frontmatter: frontmatter(undefined), problems };
  }

  let data: unknown;
  try {
    data = document.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (error) {
    problems.push({
      stage: 'read',
      severity: 'error',
      code: 'invalid-yaml',
      file,
      line: 1,
      column: 1,
      field: '',
      message: `invalid YAML: ${(error as Error).message}`,
      fix: 'write the values out instead of using YAML aliases',
    });
    return { frontmatter: frontmatter(undefined), problems };
  }
  return { frontmatter: frontmatter(data), problems };
}

/**
 * Returns the offset to report a YAML error at. The `yaml` package places an unclosed quote or
 * bracket at the end of the text it swallowed, often the next line: for those errors this is
 * the start of the innermost quoted scalar or flow collection (`"abc`, `[a, b`) that reaches the
 * error, where the mistake is. Other errors keep their own offset.
 */
function errorOffset(document: Document.Parsed, error: YAMLError): number {
  const offset = error.pos[0];
  if (error.code !== 'MISSING_CHAR' && error.code !== 'BAD_INDENT') return offset;

  let start: number | undefined;
  visit(document, (_key, node) => {
    const quoted = isScalar(node) && (node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE');
    const flow = isCollection(node) && node.flow === true;
    const range = (node as { range?: [number, number, number] | null } | null)?.range;
    if (!(quoted || flow) || !range) return;
    if (range[0] < offset && offset <= range[2] && (start === undefined || range[0] > start)) start = range[0];
  });
  return start ?? offset;
}

/** Finds an alias whose anchored node contains the alias itself. */
function findAliasCycle(document: Document.Parsed): { anchor: string; offset: number; field: string } | undefined {
  let found: { anchor: string; offset: number; field: string } | undefined;
  visit(document, {
    Alias(_key, node, ancestors) {
      const target = node.resolve(document);
      if (target === undefined || !ancestors.includes(target as never)) return undefined;
      found = { anchor: node.source, offset: node.range?.[0] ?? 0, field: fieldOfAncestors(ancestors, node) };
      return visit.BREAK;
    },
  });
  return found;
}

/** Writes the field path (`sections[0].sections`) of a node from the ancestors that `visit` gives. */
function fieldOfAncestors(ancestors: readonly unknown[], node: unknown): string {
  const chain = [...ancestors, node];
  let field = '';
  for (let index = 0; index < chain.length - 1; index++) {
    const parent = chain[index];
    const child = chain[index + 1];
    if (isPair(parent) && parent.value === child) {
      const key = isScalar(parent.key) ? String(parent.key.value) : String(parent.key);
      field += field === '' ? key : `.${key}`;
    } else if (isSeq(parent)) {
      field += `[${parent.items.indexOf(child as never)}]`;
    }
  }
  return field;
}


function firstSentence(message: string): string {
  const line = message.split('\n', 1)[0] ?? message;
  return line.replace(/ at line \d+, column \d+:?$/, '').replace(/\.$/, '');
}

function sourceLine(source: string, lineCounter: LineCounter, offset: number): string {
  const { line } = lineCounter.linePos(offset);
  const start = line - 1 < lineCounter.lineStarts.length ? (lineCounter.lineStarts[line - 1] ?? 0) : 0;
  const end = source.indexOf('\n', start);
  return source.slice(start, end === -1 ? undefined : end).replace(/\r$/, '');
}

/** Suggests a fix for a YAML error; for a value that contains ": ", shows the line with the value quoted. */
function yamlFix(code: string, line: string, message: string): string {
  const closing = /Missing closing (["'])quote/.exec(message)?.[1] ?? /must be sufficiently indented and end with a ([\]}])/.exec(message)?.[1];
  if (closing !== undefined) return `close the value with ${closing} on the same line, or put the whole value in double quotes`;
  switch (code) {
    case 'BLOCK_AS_IMPLICIT_KEY':
    case 'MULTILINE_IMPLICIT_KEY': {
      // The example is left out for a long line, because it would bury the advice.
      const quoted = quoteValue(line);
      const example = quoted !== undefined && quoted.length <= MAX_DISPLAY_LENGTH ? `: ${quoted}` : '';
      return `put the value in double quotes, because a colon followed by a space starts a new key${example}`;
    }
    case 'DUPLICATE_KEY':
      return 'remove one of the two keys or merge their values';
    case 'TAB_AS_INDENT':
      return 'indent with spaces, not tabs';
    case 'BAD_INDENT':
    case 'MISSING_CHAR':
      return 'check the indentation and the quotes on this line';
    default:
      return 'check the YAML on this line; quote a value that contains ": " or starts with a special character';
  }
}

/**
 * Rewrites a line whose value contains ": " with the value in double quotes: `intro: A: b` gives
 * `intro: "A: b"`. A list item whose text does not start with a lower-case key is quoted whole:
 * `- Attention: the paper` gives `- "Attention: the paper"`.
 */
export function quoteValue(line: string): string | undefined {
  const match = /^\s*(- )?(.*\S)\s*$/.exec(line);
  if (!match) return undefined;
  const dash = match[1] ?? '';
  const text = match[2] ?? '';

  const keyed = /^([a-z][A-Za-z0-9_]*):\s+(.*)$/.exec(text);
  if (keyed) return `${dash}${keyed[1]}: ${JSON.stringify(keyed[2])}`;
  if (dash !== '') return `${dash}${JSON.stringify(text)}`;
  return undefined;
}
