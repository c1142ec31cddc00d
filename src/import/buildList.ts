// Assembles the blocks of a parsed reading list into a section tree and entries. Places each
// title in its section with the lines that follow it, and merges repeated titles into one
// entry listed in several places. Records every correction and every line of free text.
import type { Detail, Link, Placement } from '../../schemas/entry.ts';
import { SECTION_ID_PATTERN } from '../../schemas/fields.ts';
import { slugify } from '../text/slug.ts';
import { titleKey } from '../text/titleKey.ts';
import { arxivAbstractUrl, arxivIdFromUrl } from './arxivId.ts';
import { addBareLinks, addField, addTitleLink, emptyFields, resolveTextUrls, type EntryFields, type UrlResolver } from './entryFields.ts';
import { KNOWN_KEYS, parseFieldLine } from './fieldLine.ts';
import { scanInlineLinks } from './inlineLinks.ts';
import { isBareLinkLine, type Block } from './parseDocument.ts';
import type { ReportLine } from './importReport.ts';

export interface SectionDraft {
  id: string;
  title: string;
  /** The heading's line; 0 for the section made for titles written before any heading. */
  line: number;
  path: string;
  description: string;
  sections: SectionDraft[];
  /** Placements in this section so far: the next one gets this number plus one. */
  placed: number;
}

export interface EntryDraft {
  title: string;
  /** The line of the entry's first title. */
  line: number;
  aliases: string[];
  section: SectionDraft;
  order: number;
  also: Placement[];
  intro: string[];
  keywords: string[];
  arxiv: string | undefined;
  links: Link[];
  details: Detail[];
  body: string;
  /** The date the title was first added, from the added-dates table. */
  added?: string | undefined;
}

export interface ListDraft {
  /** Free text before the first heading. */
  body: string;
  sections: SectionDraft[];
  entries: EntryDraft[];
  /** Titles read, counting each repeated title and alias. */
  titleCount: number;
  mergedCount: number;
  corrections: ReportLine[];
  freeText: { line: number; where: string; text: string }[];
  notes: ReportLine[];
}

interface Chunk {
  line: number;
  endLine: number;
  text: string;
}

type TitleBlock = Extract<Block, { kind: 'title' }>;

interface Occurrence {
  titles: TitleBlock[];
  blocks: Block[];
  section: SectionDraft;
}

/** Titles of at most this many words, written right before another title, name the same work. */
const MAX_ALIAS_WORDS = 3;

/**
 * Builds the list from `blocks` in document order. `implicitTitle` names the section made for
 * titles that come before any heading; `resolve` turns site-relative URLs into absolute ones.
 */
export function buildList(blocks: readonly Block[], implicitTitle: string, resolve: UrlResolver): ListDraft {
  const draft: ListDraft = { body: '', sections: [], entries: [], titleCount: 0, mergedCount: 0, corrections: [], freeText: [], notes: [] };
  const knownKeys = knownKeysOf(blocks);
  const stack: { level: number; section: SectionDraft }[] = [];
  const occurrences: Occurrence[] = [];
  const listChunks: Chunk[] = [];
  const descriptionChunks = new Map<SectionDraft, Chunk[]>();
  let current: Occurrence | undefined;
  let implicit: SectionDraft | undefined;

  const keepFree = (block: Block, where: string, chunks: Chunk[]) => {
    const text = block.kind === 'free' && block.text !== undefined ? block.text : block.raw;
    const code = block.kind === 'free' && block.code;
    const resolved = code ? { text, changed: [] } : resolveTextUrls(text, resolve);
    for (const url of resolved.changed) draft.corrections.push({ line: block.line, message: `resolved the site-relative URL ${url} against the base URL` });
    chunks.push({ line: block.line, endLine: block.endLine, text: resolved.text });
    block.raw.split('\n').forEach((line, offset) => {
      if (line.trim() !== '') draft.freeText.push({ line: block.line + offset, where, text: line });
    });
    if (block.kind === 'free' && block.note === 'indented-code') {
      draft.corrections.push({ line: block.line, message: 'wrote the indented code block as a fenced code block, so that it keeps its indentation' });
    }
  };

  for (const block of blocks) {
    if (block.kind === 'heading') {
      current = undefined;
      const section = openSection(block, stack, draft);
      descriptionChunks.set(section, []);
      continue;
    }

    if (block.kind === 'title') {
      draft.titleCount += 1;
      if (block.problem === 'unclosed') draft.corrections.push({ line: block.line, message: `the title has no closing "**": read as "${block.text}"` });
      if (block.problem === 'two-lines') draft.corrections.push({ line: block.line, message: `the title runs over two lines: read as "${block.text}"` });
      if (block.separated === true) {
        draft.corrections.push({ line: block.line, message: 'the title follows a list, quote or table without a blank line: read as a new title' });
      }
      reportTitleForm(block, draft);

      // A title line that contains more than the title (a link, text after it) is an entry of its own.
      const previous = current?.titles[current.titles.length - 1];
      if (current !== undefined && current.blocks.length === 0 && previous?.url === undefined && previous?.trailing === undefined) {
        current.titles.push(block);
        continue;
      }
      let section = stack[stack.length - 1]?.section;
      if (section === undefined) {
        if (implicit === undefined) {
          implicit = newSection(implicitTitle, 0, undefined, draft.sections);
          draft.sections.push(implicit);
          draft.corrections.push({ line: block.line, message: `titles come before the first heading: put them in a section "${implicitTitle}"` });
        }
        section = implicit;
      }
      current = { titles: [block], blocks: [], section };
      occurrences.push(current);
      continue;
    }

    if (current !== undefined) {
      current.blocks.push(block);
      continue;
    }

    const section = stack[stack.length - 1]?.section;
    const chunks = section === undefined ? listChunks : descriptionChunks.get(section)!;
    keepFree(block, section === undefined ? 'list description' : `description of section "${section.title}"`, chunks);
  }

  draft.body = joinChunks(listChunks);
  for (const [section, chunks] of descriptionChunks) section.description = joinChunks(chunks);

  const byKey = new Map<string, EntryDraft>();
  for (const occurrence of occurrences) addOccurrence(occurrence, byKey, draft, knownKeys, resolve, keepFree);

  reportEmptySections(draft.sections, draft);
  return draft;
}

/** Joins free text: lines that followed each other in the source stay together, others get a blank line between. */
function joinChunks(chunks: readonly Chunk[]): string {
  let text = '';
  let previous: Chunk | undefined;
  for (const chunk of chunks) {
    if (previous === undefined) text = chunk.text;
    else text += (chunk.line === previous.endLine + 1 ? '\n' : '\n\n') + chunk.text;
    previous = chunk;
  }
  return text.trim();
}

function openSection(block: Extract<Block, { kind: 'heading' }>, stack: { level: number; section: SectionDraft }[], draft: ListDraft): SectionDraft {
  while (stack.length > 0 && stack[stack.length - 1]!.level >= block.level) stack.pop();
  const parent = stack[stack.length - 1]?.section;
  const siblings = parent === undefined ? draft.sections : parent.sections;
  const section = newSection(block.text, block.line, parent, siblings);
  if (block.written !== undefined) draft.corrections.push({ line: block.line, message: `the heading "${block.written}" contains emphasis: read as "${block.text}"` });

  const plainId = sectionIdOf(block.text);
  if (section.id !== plainId) {
    const first = siblings.find((sibling) => sibling.id === plainId);
    const where = first !== undefined && first.line > 0 ? ` of line ${first.line}` : '';
    const message =
      first === undefined || first.title === block.text
        ? `the heading "${block.text}" repeats the heading${where} under the same parent: its section id is "${section.id}"`
        : `the heading "${block.text}" gives the same section id "${plainId}" as the heading "${first.title}"${where} under the same parent: its section id is "${section.id}"`;
    draft.corrections.push({ line: block.line, message });
  }
  siblings.push(section);
  stack.push({ level: block.level, section });
  return section;
}

function newSection(title: string, line: number, parent: SectionDraft | undefined, siblings: readonly SectionDraft[]): SectionDraft {
  const base = sectionIdOf(title);
  const taken = new Set(siblings.map((sibling) => sibling.id));
  let id = base;
  for (let number = 2; taken.has(id); number++) id = `${base}-${number}`;
  return { id, title, line, path: parent === undefined ? id : `${parent.path}/${id}`, description: '', sections: [], placed: 0 };
}

/** Returns the section id of a heading: its slug, keeping only the letters and digits a section id allows. */
function sectionIdOf(title: string): string {
  const slug = slugify(title, 'section');
  if (SECTION_ID_PATTERN.test(slug)) return slug;
  const cleaned = slug.replace(/[^\p{Ll}\p{Lo}\p{N}]+/gu, '-').replace(/^-+|-+$/g, '');
  return cleaned === '' ? 'section' : cleaned;
}

/** Collects the known keys and every key the document uses at least twice, because a key written twice is not a typo. */
function knownKeysOf(blocks: readonly Block[]): Set<string> {
  const known = new Set(KNOWN_KEYS);
  const counts = new Map<string, number>();
  for (const block of blocks) {
    if (block.kind !== 'bullet') continue;
    const field = parseFieldLine(block.content, known);
    if (field === undefined || field.writtenKey.toLowerCase() !== field.key) continue;
    counts.set(field.key, (counts.get(field.key) ?? 0) + 1);
  }
  for (const [key, count] of counts) if (count >= 2) known.add(key);
  return known;
}

type KeepFree = (block: Block, where: string, chunks: Chunk[]) => void;

/** Adds one title (with its lines) to the entries: a new entry, or one more placement of an entry with the same title. */
function addOccurrence(occurrence: Occurrence, byKey: Map<string, EntryDraft>, draft: ListDraft, knownKeys: ReadonlySet<string>, resolve: UrlResolver, keepFree: KeepFree): void {
  const main = occurrence.titles[occurrence.titles.length - 1]!;
  const aliases: string[] = [];

  // Titles written right before another title: a short name of the same work, or entries without links.
  for (const title of occurrence.titles.slice(0, -1)) {
    const following = occurrence.blocks.map((block) => block.raw).join('\n');
    const sameKey = titleKey(title.text) !== '' && titleKey(title.text) === titleKey(main.text) && title.text !== main.text;
    const plain = title.url === undefined && title.trailing === undefined;
    if (plain && sameKey && !byKey.has(titleKey(title.text))) {
      // Another spelling of the same title, as the export writes a merged spelling.
      aliases.push(title.text);
      draft.corrections.push({ line: title.line, message: `the title "${title.text}" is another spelling of the title "${main.text}" that follows it: kept as an alias of it` });
    } else if (plain && isAliasOf(title.text, main.text, following) && !byKey.has(titleKey(title.text)) && titleKey(title.text) !== titleKey(main.text)) {
      aliases.push(title.text);
      draft.corrections.push({ line: title.line, message: `the title "${title.text}" is followed directly by the title "${main.text}": kept as an alias of it` });
    } else {
      draft.corrections.push({ line: title.line, message: `the title "${title.text}" is followed directly by the title "${main.text}": kept as an entry of its own, without links` });
      addOccurrence({ titles: [title], blocks: [], section: occurrence.section }, byKey, draft, knownKeys, resolve, keepFree);
    }
  }

  const fields = emptyFields();
  const chunks: Chunk[] = [];
  const where = `body of "${main.text}"`;
  addTitleParts(main, fields, chunks, draft, resolve);

  // A line of text between an entry's bullets may be a title the parser did not recognise, and
  // the bullets after it then belong to another work. Report it rather than merge them silently.
  let looseLine: Block | undefined;
  for (const block of occurrence.blocks) {
    const before = fieldCount(fields);
    readEntryBlock(block, fields, chunks, where, draft, knownKeys, resolve, keepFree);
    if (block.kind === 'free' && !block.code && !block.raw.includes('\n') && hasWordsOutsideLinks(block.raw)) {
      looseLine = block;
    } else if (looseLine !== undefined && fieldCount(fields) > before) {
      draft.notes.push({
        line: looseLine.line,
        message: `the text line "${looseLine.raw.trim()}" is followed by more bullets of the entry "${main.text}", which are given to that entry: if the line names another work, write it as a title line "**Title**"`,
      });
      looseLine = undefined;
    }
  }
  const body = joinChunks(chunks);
  if (fieldCount(fields) === 0 && body === '') draft.notes.push({ line: main.line, message: `the entry "${main.text}" has no links and no text` });

  // A title of punctuation or emoji alone has an empty key, and is compared as written instead.
  const key = titleKey(main.text) || main.text;
  const existing = byKey.get(key);
  if (existing === undefined) {
    const entry: EntryDraft = {
      title: main.text,
      line: main.line,
      aliases,
      section: occurrence.section,
      order: (occurrence.section.placed += 1),
      also: [],
      intro: [],
      keywords: [],
      arxiv: undefined,
      links: [],
      details: [],
      body: '',
    };
    mergeFields(entry, fields, body, main.line, draft);
    byKey.set(key, entry);
    for (const alias of aliases) byKey.set(titleKey(alias) || alias, entry);
    draft.entries.push(entry);
    return;
  }

  draft.mergedCount += 1;
  const sectionsOfEntry = [existing.section.path, ...existing.also.map((placement) => placement.category)];
  if (sectionsOfEntry.includes(occurrence.section.path)) {
    draft.corrections.push({ line: main.line, message: `the title "${main.text}" repeats the title of line ${existing.line} in the same section: merged into one entry` });
  } else {
    existing.also.push({ category: occurrence.section.path, order: (occurrence.section.placed += 1) });
    draft.corrections.push({ line: main.line, message: `the title "${main.text}" repeats the title of line ${existing.line}: merged into one entry, also listed in section "${occurrence.section.path}"` });
  }
  // Keep every spelling: a merged title written differently becomes an alias.
  if (main.text !== existing.title && !existing.aliases.includes(main.text)) {
    existing.aliases.push(main.text);
    draft.corrections.push({ line: main.line, message: `the title "${main.text}" is spelt differently from "${existing.title}": kept as an alias of it` });
  }
  for (const alias of aliases) {
    if (alias !== existing.title && !existing.aliases.includes(alias)) existing.aliases.push(alias);
    byKey.set(titleKey(alias) || alias, existing);
  }
  mergeFields(existing, fields, body, main.line, draft);
}

/** Reports how a title line was read when its title differs from the text written between the delimiters. */
function reportTitleForm(title: Extract<Block, { kind: 'title' }>, draft: ListDraft): void {
  if (title.url === undefined && title.written !== undefined) {
    draft.corrections.push({ line: title.line, message: `the title "${title.written}" contains emphasis: read as "${title.text}"` });
  }
}

/** Adds what a title line contains besides the title: the URL of a linked title, and the text after the title. */
function addTitleParts(title: Extract<Block, { kind: 'title' }>, fields: EntryFields, chunks: Chunk[], draft: ListDraft, resolve: UrlResolver): void {
  if (title.url !== undefined) {
    const outcome = addTitleLink(fields, title.url, resolve);
    if (outcome.kept) {
      draft.corrections.push({ line: title.line, message: `the title is written as a link: read the title "${title.text}" and kept ${title.url} as a link of the entry` });
      record(outcome.corrections, title.line, draft);
    } else {
      chunks.push({ line: title.line, endLine: title.line, text: `[${title.text}](${title.url})` });
      draft.corrections.push({ line: title.line, message: `the title is written as a link: read the title "${title.text}" and kept the link in the entry's text, because ${outcome.reason}` });
    }
  }
  if (title.trailing === undefined) return;

  const correction = (kept: string) => draft.corrections.push({ line: title.line, message: `the title "${title.text}" is followed on its line by "${title.trailing}": ${kept}` });
  if (isBareLinkLine(title.trailing)) {
    const outcome = addBareLinks(fields, title.trailing, resolve);
    if (outcome.kept) {
      correction('kept its links as links of the entry');
      return record(outcome.corrections, title.line, draft);
    }
  }
  // A separator between the title and the text (`**Title** - text`, `**Title**, NIPS 2016`) is dropped.
  const text = title.trailing.replace(/^[-–—,;|]\s*/, '');
  const resolved = resolveTextUrls(text === '' ? title.trailing : text, resolve);
  correction(`kept "${resolved.text}" as an intro line`);
  record(resolved.changed.map((url) => `resolved the site-relative URL ${url}`), title.line, draft);
  fields.intro.push(resolved.text);
}

/** True when a line has letters or digits besides its links and images, so that it could name a work. */
function hasWordsOutsideLinks(line: string): boolean {
  let rest = line;
  for (const span of scanInlineLinks(line).reverse()) rest = rest.slice(0, span.start) + rest.slice(span.end);
  return /[\p{L}\p{N}]/u.test(rest);
}

function fieldCount(fields: EntryFields): number {
  return fields.intro.length + fields.keywords.length + fields.links.length + fields.details.length;
}

function readEntryBlock(block: Block, fields: EntryFields, chunks: Chunk[], where: string, draft: ListDraft, knownKeys: ReadonlySet<string>, resolve: UrlResolver, keepFree: KeepFree): void {
  const keep = (reason: string | undefined) => {
    if (reason !== undefined) draft.notes.push({ line: block.line, message: `kept as free text because ${reason}` });
    keepFree(block, where, chunks);
  };

  if (block.kind === 'bullet') {
    const field = parseFieldLine(block.content, knownKeys);
    if (field === undefined) {
      if (!isBareLinkLine(block.content)) return keep(undefined);
      const bare = addBareLinks(fields, block.content, resolve);
      if (bare.kept) return record(bare.corrections, block.line, draft);
      return keep(bare.reason);
    }

    const outcome = addField(fields, field, resolve);
    if (!outcome.kept) return keep(outcome.reason);
    if (field.writtenKey !== field.key) {
      const respelt = field.writtenKey.toLowerCase().replace(/\s+/g, ' ') === field.key;
      draft.corrections.push({ line: block.line, message: respelt ? `the key "${field.writtenKey}" is written "${field.key}"` : `the key "${field.writtenKey}" is corrected to "${field.key}"` });
    }
    if (block.lines > 1) draft.corrections.push({ line: block.line, message: `the bullet runs over ${block.lines} lines: joined into one line` });
    return record(outcome.corrections, block.line, draft);
  }

  if (block.kind === 'bare') {
    if (block.separated === true) draft.corrections.push({ line: block.line, message: 'the link line follows a list without a blank line: read as a line of its own' });
    const outcome = addBareLinks(fields, block.content, resolve);
    if (outcome.kept) return record(outcome.corrections, block.line, draft);
    return keep(outcome.reason);
  }
  keep(undefined);
}

function record(corrections: readonly string[], line: number, draft: ListDraft): void {
  for (const message of corrections) draft.corrections.push({ line, message });
}

/**
 * Adds the fields of one occurrence to an entry. The first arXiv link whose URL names an
 * arXiv id gives the entry's `arxiv` when it has none. An arXiv link that is exactly the
 * abstract URL of that id is dropped, because the id alone restores it. Repeated identical
 * lines are kept once.
 */
function mergeFields(entry: EntryDraft, fields: EntryFields, body: string, line: number, draft: ListDraft): void {
  const arxivLink = fields.links.find((link) => link.kind === 'arxiv' && arxivIdFromUrl(link.url) !== undefined);
  if (arxivLink !== undefined && entry.arxiv === undefined) entry.arxiv = arxivIdFromUrl(arxivLink.url);
  const abstractUrl = entry.arxiv === undefined ? undefined : arxivAbstractUrl(entry.arxiv);
  fields.links = fields.links.filter((link) => !(link.kind === 'arxiv' && link.url === abstractUrl && link.label === undefined && link.text === undefined));

  addUnique(entry.intro, fields.intro, (a, b) => a === b, 'intro line', line, draft);
  addUnique(entry.keywords, fields.keywords, (a, b) => a === b, 'keyword', line, draft);
  addUnique(entry.details, fields.details, (a, b) => a.key === b.key && a.text === b.text, 'line', line, draft);
  addUnique(entry.links, fields.links, sameLink, 'link', line, draft);

  if (body !== '' && body !== entry.body) entry.body = entry.body === '' ? body : `${entry.body}\n\n${body}`;
}

function sameLink(a: Link, b: Link): boolean {
  return a.kind === b.kind && a.url === b.url && a.label === b.label && a.text === b.text;
}

function addUnique<T>(target: T[], items: readonly T[], same: (a: T, b: T) => boolean, what: string, line: number, draft: ListDraft): void {
  for (const item of items) {
    if (target.some((known) => same(known, item))) {
      const shown = typeof item === 'string' ? item : 'url' in (item as object) ? (item as Link).url : (item as Detail).text;
      draft.corrections.push({ line, message: `the ${what} "${shown}" is written twice for this entry: kept once` });
      continue;
    }
    target.push(item);
  }
}

/**
 * Returns true when a title right before another (`main`, followed by the text `following`)
 * names the same work. That is so when its words are contained in the other title, or when it
 * is a short name (`R-CNN`, `MultiBox`, `YOLOv2`) that looks like a model's name or that the
 * entry's lines repeat. A short plain word such as `Papers` is taken for an entry of its own.
 */
export function isAliasOf(title: string, main: string, following = ''): boolean {
  const key = titleKey(title);
  if (key === '') return false;
  if (` ${titleKey(main)} `.includes(` ${key} `)) return true;
  if (key.split(' ').length > MAX_ALIAS_WORDS) return false;

  const nameLike = /\d|-|.\p{Lu}/u.test(title);
  return nameLike || following.includes(title);
}

function reportEmptySections(sections: readonly SectionDraft[], draft: ListDraft): number {
  let total = 0;
  for (const section of sections) {
    const inside = section.placed + reportEmptySections(section.sections, draft);
    if (inside === 0) draft.notes.push({ line: section.line, message: `the heading "${section.title}" has no entries` });
    total += inside;
  }
  return total;
}
