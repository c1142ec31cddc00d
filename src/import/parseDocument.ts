// Splits a single-document reading list into front matter and a sequence of blocks: headings,
// bold titles, bullets, bare link lines and free text, each with its source lines. Reads
// markdown-it's block tokens, and scans the lines where the tokens do not show the source form.
import MarkdownIt from 'markdown-it';
import type { Token } from 'markdown-it';
import { LineCounter, parseDocument as parseYamlDocument } from 'yaml';
import type { Problem } from '../problems/problem.ts';
import { stripEmphasis } from './inlineEmphasis.ts';
import { scanInlineLinks } from './inlineLinks.ts';
import { titleOfLine, type TitleLine } from './titleLine.ts';

export { titleOfLine };

const markdown = new MarkdownIt('default', { html: true });

interface BlockBase {
  /** First and last source line of the block, 1-based. */
  line: number;
  endLine: number;
  /** The block's source lines as written. */
  raw: string;
  /** The text to keep, when it differs from `raw` (an indented code block written as a fenced one). */
  text?: string;
  /** True when the block's first line followed a list, quote or table without a blank line. */
  separated?: boolean;
}

export type Block =
  | (BlockBase & { kind: 'heading'; level: number; text: string; written?: string })
  | (BlockBase & { kind: 'title'; text: string; problem: 'unclosed' | 'two-lines' | undefined } & Pick<TitleLine, 'trailing' | 'url' | 'written'>)
  | (BlockBase & { kind: 'bullet'; content: string; lines: number })
  | (BlockBase & { kind: 'bare'; content: string })
  | (BlockBase & { kind: 'free'; code: boolean; note: 'indented-code' | undefined });

export interface ParsedDocument {
  /** The front matter as key and value, in the order written; empty when there is none. */
  frontmatter: Record<string, string | number | boolean>;
  /** Front matter values that were not a plain value and are kept as their YAML text. */
  flattenedKeys: string[];
  blocks: Block[];
  /** Normalisations of the text itself: a byte order mark, CRLF line endings. */
  notes: { line: number; message: string }[];
  problems: Problem[];
}

/**
 * Parses the text of a reading list. `file` names the document in problems. Reports, without
 * throwing: front matter in another language than YAML (never run), unclosed or invalid
 * front matter. A title written right after a list, quote or table without a blank line
 * (which Markdown would read as part of it) is read as a title.
 */
export function parseDocument(input: string, file: string): ParsedDocument {
  const notes: ParsedDocument['notes'] = [];
  let text = input;
  if (text.charCodeAt(0) === 0xfeff) {
    text = text.slice(1);
    notes.push({ line: 1, message: 'removed the byte order mark at the start of the file' });
  }
  if (text.includes('\r')) {
    text = text.replace(/\r\n?/g, '\n');
    notes.push({ line: 1, message: 'read CRLF line endings as LF' });
  }

  const lines = text.split('\n');
  const front = readFrontmatter(lines, file);
  if (front.problems.length > 0) return { frontmatter: {}, flattenedKeys: [], blocks: [], notes, problems: front.problems };
  for (let index = 0; index < front.lineCount; index++) lines[index] = '';

  const { workLines, lineMap, moved, tokens } = separateLazyTitles(lines);
  const blocks = readBlocks(tokens, workLines, lineMap, new Set(moved));
  return { frontmatter: front.data, flattenedKeys: front.flattenedKeys, blocks, notes, problems: [] };
}

/** Returns true when the line contains only links (or a bare http URL) and separators such as commas. */
export function isBareLinkLine(line: string): boolean {
  const trimmed = line.trim();
  if (/^<?https?:\/\/[^\s<>]+>?$/.test(trimmed)) return true;

  const spans = scanInlineLinks(trimmed);
  if (spans.length === 0 || spans.some((span) => span.image)) return false;
  let rest = '';
  let position = 0;
  for (const span of spans) {
    rest += trimmed.slice(position, span.start);
    position = span.end;
  }
  rest += trimmed.slice(position);
  return /^[\s,;|/·、，]*$/.test(rest);
}

interface Frontmatter {
  data: Record<string, string | number | boolean>;
  flattenedKeys: string[];
  lineCount: number;
  problems: Problem[];
}

function readFrontmatter(lines: string[], file: string): Frontmatter {
  const none: Frontmatter = { data: {}, flattenedKeys: [], lineCount: 0, problems: [] };
  const first = lines[0] ?? '';
  if (!first.startsWith('---') || /^-{4,}/.test(first)) return none;

  const fail = (line: number, code: string, message: string, fix: string, received?: string): Frontmatter => ({
    ...none,
    problems: [{ stage: 'import', severity: 'error', code, file, line, column: 1, field: '', message, fix, received }],
  });

  const language = first.slice(3).trim();
  if (language !== '' && !/^ya?ml$/i.test(language)) {
    return fail(1, 'frontmatter-language', `the front matter is marked as "${language}", but only YAML front matter is read (it is never run as code)`, 'write the front matter in YAML and open it with a plain "---" line', first);
  }

  const close = lines.findIndex((line, index) => index > 0 && /^(?:---|\.\.\.)\s*$/.test(line));
  if (close < 0) return fail(1, 'unclosed-frontmatter', 'the front matter is not closed: no line "---" follows it', 'end the front matter with a line "---"');

  const yamlText = lines.slice(1, close).join('\n');
  const lineCounter = new LineCounter();
  const yamlDocument = parseYamlDocument(yamlText, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const yamlError = yamlDocument.errors[0];
  if (yamlError !== undefined) {
    // Line 1 of the YAML text is line 2 of the document, after the opening "---".
    const line = 1 + lineCounter.linePos(yamlError.pos[0]).line;
    return fail(line, 'invalid-yaml', `invalid YAML in the front matter: ${yamlError.message.split('\n')[0]}`, 'check the YAML on this line; quote a value that contains ": "', lines[line - 1]);
  }
  let parsed: unknown;
  try {
    parsed = yamlDocument.toJS({ maxAliasCount: 100 });
  } catch (error) {
    return fail(2, 'invalid-yaml', `invalid YAML in the front matter: ${(error as Error).message}`, 'write the values out instead of using YAML aliases');
  }
  if (parsed === null || parsed === undefined) return { ...none, lineCount: close + 1 };
  if (typeof parsed !== 'object' || Array.isArray(parsed)) {
    return fail(2, 'invalid-frontmatter', 'the front matter is not a set of "key: value" lines', 'write the front matter as "key: value" lines, such as "title: Training Deep Neural Networks"');
  }

  const data: Record<string, string | number | boolean> = {};
  const flattenedKeys: string[] = [];
  for (const [key, value] of Object.entries(parsed as Record<string, unknown>)) {
    if (value === null || value === undefined) continue;
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
      data[key] = value;
    } else {
      data[key] = JSON.stringify(value);
      flattenedKeys.push(key);
    }
  }
  return { data, flattenedKeys, lineCount: close + 1, problems: [] };
}

/**
 * Markdown continues a list item, quote or table with a following line that is not blank
 * ("lazy continuation"), so `- github: ...` directly followed by `**Next title**` would hide
 * the title inside the bullet. Inserts a blank line before each such title or bare link line,
 * and returns the line map from the working lines to the source lines (0 for an inserted line).
 */
function separateLazyTitles(lines: readonly string[]): { workLines: string[]; lineMap: number[]; moved: number[]; tokens: Token[] } {
  let workLines = [...lines];
  let lineMap = lines.map((_line, index) => index + 1);
  const moved: number[] = [];

  for (let round = 0; round < 20; round++) {
    const tokens = markdown.parse(workLines.join('\n'), {});
    const inserts: number[] = [];
    for (const token of tokens) {
      if (token.level !== 0 || token.nesting === -1 || token.map === null) continue;
      if (!isLazyContainer(token)) continue;
      const [start, end] = token.map;
      for (let index = start + 1; index < end; index++) {
        const line = workLines[index] ?? '';
        if (/^\s/.test(line) || line.trim() === '') continue;
        const lazyLink = token.type === 'bullet_list_open' && isBareLinkLine(line) && !/^[-*+]\s/.test(line);
        // A line opening with bold text (`**Note**: ...`) may name the next work, so it is never hidden in a bullet.
        const boldStart = /^(?:\*\*|__)[^\s*_]/.test(line.trim());
        if (titleOfLine(line) !== undefined || lazyLink || boldStart) {
          inserts.push(index);
          break;
        }
      }
    }
    if (inserts.length === 0) return { workLines, lineMap, moved, tokens };

    for (const index of inserts.sort((a, b) => b - a)) {
      moved.push(lineMap[index]!);
      workLines = [...workLines.slice(0, index), '', ...workLines.slice(index)];
      lineMap = [...lineMap.slice(0, index), 0, ...lineMap.slice(index)];
    }
  }
  return { workLines, lineMap, moved, tokens: markdown.parse(workLines.join('\n'), {}) };
}

/** Returns true for blocks that Markdown may continue with a lazy line: lists, quotes, tables and HTML blocks that end at a blank line. */
function isLazyContainer(token: Token): boolean {
  if (['bullet_list_open', 'ordered_list_open', 'blockquote_open', 'table_open'].includes(token.type)) return true;
  if (token.type !== 'html_block') return false;
  return !/^\s*<(?:pre|script|style|textarea|!--|\?|![A-Za-z]|!\[CDATA\[)/i.test(token.content);
}

function readBlocks(tokens: readonly Token[], workLines: readonly string[], lineMap: readonly number[], moved: ReadonlySet<number>): Block[] {
  const covered = new Array<boolean>(workLines.length).fill(false);
  const blocks: Block[] = [];

  const range = (start: number, end: number): BlockBase | undefined => {
    let last = end - 1;
    while (last >= start && (workLines[last] ?? '').trim() === '') last -= 1;
    let first = start;
    while (first <= last && (workLines[first] ?? '').trim() === '') first += 1;
    if (last < first) return undefined;
    return { line: lineMap[first]!, endLine: lineMap[last]!, raw: workLines.slice(first, last + 1).join('\n') };
  };

  for (let index = 0; index < tokens.length; index++) {
    const token = tokens[index]!;
    if (token.level !== 0 || token.nesting === -1 || token.map === null) continue;
    const [start, end] = token.map;
    for (let line = start; line < end; line++) covered[line] = true;
    const closeIndex = token.nesting === 1 ? findClose(tokens, index) : index;
    const base = range(start, end);
    if (base === undefined) continue;

    if (token.type === 'heading_open') {
      const written = tokens[index + 1]?.content.trim() ?? '';
      const title = stripEmphasis(written);
      if (title === '') blocks.push({ ...base, kind: 'free', code: false, note: undefined });
      else if (title !== written) blocks.push({ ...base, kind: 'heading', level: Number(token.tag.slice(1)), text: title, written });
      else blocks.push({ ...base, kind: 'heading', level: Number(token.tag.slice(1)), text: title });
    } else if (token.type === 'paragraph_open') {
      blocks.push(...paragraphBlocks(workLines, lineMap, start, end, moved));
    } else if (token.type === 'bullet_list_open') {
      blocks.push(...bulletBlocks(tokens, index, closeIndex, range));
    } else if (token.type === 'code_block') {
      blocks.push({ ...base, kind: 'free', code: true, text: fenced(token.content), note: 'indented-code' });
    } else {
      const code = token.type === 'fence';
      blocks.push({ ...base, kind: 'free', code, note: undefined, separated: moved.has(base.line) });
    }
    index = closeIndex;
  }

  // Lines that no block token covers, such as link reference definitions, are kept as free text.
  let runStart = -1;
  for (let line = 0; line <= workLines.length; line++) {
    const loose = line < workLines.length && !covered[line] && (workLines[line] ?? '').trim() !== '';
    if (loose && runStart < 0) runStart = line;
    if (!loose && runStart >= 0) {
      const base = range(runStart, line);
      if (base !== undefined) blocks.push({ ...base, kind: 'free', code: false, note: undefined });
      runStart = -1;
    }
  }
  return blocks.sort((a, b) => a.line - b.line);
}

/** Splits a paragraph at its title lines; a run of lines between titles is bare links or free text. */
function paragraphBlocks(workLines: readonly string[], lineMap: readonly number[], start: number, end: number, moved: ReadonlySet<number>): Block[] {
  const blocks: Block[] = [];
  let run: number[] = [];

  const flush = () => {
    if (run.length === 0) return;
    const runLines = run.map((index) => workLines[index] ?? '');
    if (runLines.every(isBareLinkLine)) {
      run.forEach((index, position) => {
        const raw = runLines[position]!;
        blocks.push({ kind: 'bare', line: lineMap[index]!, endLine: lineMap[index]!, raw, content: raw.trim(), separated: moved.has(lineMap[index]!) });
      });
    } else {
      const first = lineMap[run[0]!]!;
      blocks.push({ kind: 'free', line: first, endLine: lineMap[run[run.length - 1]!]!, raw: runLines.join('\n'), code: false, note: undefined, separated: moved.has(first) });
    }
    run = [];
  };

  for (let index = start; index < end; index++) {
    const line = workLines[index] ?? '';
    const title = titleOfLine(line);
    if (title === undefined) {
      run.push(index);
      continue;
    }
    flush();

    const next = workLines[index + 1];
    const nextClosesTitle = title.unclosed && index + 1 < end && next !== undefined && /\*\*\s*$/.test(next) && !next.trim().startsWith('**') && next.split('**').length === 2;
    if (nextClosesTitle) {
      const text = `${title.text} ${next.trim().slice(0, -2).trim()}`;
      blocks.push({ kind: 'title', line: lineMap[index]!, endLine: lineMap[index + 1]!, raw: `${line}\n${next}`, text, problem: 'two-lines', separated: moved.has(lineMap[index]!) });
      index += 1;
    } else {
      const { text, unclosed, ...around } = title;
      blocks.push({ kind: 'title', line: lineMap[index]!, endLine: lineMap[index]!, raw: line, text, problem: unclosed ? 'unclosed' : undefined, separated: moved.has(lineMap[index]!), ...around });
    }
  }
  flush();
  return blocks;
}

/** Makes one block per item of a top-level bullet list: a one-paragraph item is a bullet, any other is free text. */
function bulletBlocks(tokens: readonly Token[], open: number, close: number, range: (start: number, end: number) => BlockBase | undefined): Block[] {
  const blocks: Block[] = [];
  for (let index = open + 1; index < close; index++) {
    const item = tokens[index]!;
    if (item.type !== 'list_item_open' || item.level !== 1 || item.map === null) continue;
    const itemOpen = index;
    const itemClose = findClose(tokens, itemOpen);
    const base = range(item.map[0], item.map[1]);
    index = itemClose;
    if (base === undefined) continue;

    const children = tokens.slice(itemOpen + 1, itemClose);
    const simple = children.length === 3 && children[0]!.type === 'paragraph_open' && children[1]!.type === 'inline';
    if (!simple) {
      blocks.push({ ...base, kind: 'free', code: false, note: undefined });
      continue;
    }
    const contentLines = children[1]!.content.split('\n').map((line) => line.trim());
    blocks.push({ ...base, kind: 'bullet', content: contentLines.join(' '), lines: contentLines.length });
  }
  return blocks;
}

function findClose(tokens: readonly Token[], open: number): number {
  const opener = tokens[open]!;
  if (opener.nesting !== 1) return open;
  let depth = 0;
  for (let index = open; index < tokens.length; index++) {
    depth += tokens[index]!.nesting;
    if (depth === 0) return index;
  }
  return tokens.length - 1;
}

/** Writes code as a fenced block, with a fence longer than any backtick run in the code. */
function fenced(code: string): string {
  const longest = Math.max(2, ...Array.from(code.matchAll(/`+/g), (match) => match[0].length));
  const fence = '`'.repeat(longest + 1);
  return `${fence}\n${code.replace(/\n$/, '')}\n${fence}`;
}
