// BibTeX records of entries: arXiv papers as e-prints, other works by their URL, with titles
// whose capitals survive a bibliography style and every LaTeX special character escaped.
import type { CatalogEntry, CatalogList } from '../catalog/types.ts';
import type { Link } from '../../schemas/entry.ts';
import { arxivAbsUrl, arxivArchive, arxivIdOf, arxivSubmissionMonth } from './arxiv.ts';

const MONTH_MACROS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** The link kinds that point at the work itself, most preferred first, for a non-arXiv entry's URL. */
const WORK_LINK_KINDS = ['paper', 'pdf', 'blog', 'project', 'project page', 'website', 'homepage'];

/**
 * Returns the entry's citation key: its slug, which is unique within its list and does not
 * change when other entries are added, so a key once cited keeps working.
 */
export function citationKey(entry: Pick<CatalogEntry, 'slug'>): string {
  // NOTE: a slug keeps letters of non-Latin scripts (`深度学习`), which Biber and bibtex8 accept
  // in keys but classic 7-bit BibTeX may not.
  return entry.slug;
}

/**
 * Renders one entry as a BibTeX record. An entry with an arXiv id (its `arxiv` field or an
 * arXiv link) becomes an `@misc` e-print with `eprint`, `archivePrefix = {arXiv}`, the
 * `primaryClass` of an old-style id, its abstract URL and the year and month its id encodes.
 * Any other entry becomes an `@misc` with the URL of its paper link, or else of its first link,
 * or no URL when it has no links. Intro lines go to `note`, keywords to `keywords`.
 */
export function bibtexForEntry(entry: CatalogEntry): string {
  const { data } = entry;
  // Each field is written with the comma and line break that end the one before it.
  let body = `  title = {${bibtexTitle(data.title)}}`;

  const arxivId = arxivIdOf(data);
  if (arxivId !== undefined) {
    body += `,\n  eprint = {${arxivId}},\n  archivePrefix = {arXiv}`;

    const archive = arxivArchive(arxivId);
    if (archive !== undefined) body += `,\n  primaryClass = {${archive}}`;

    const submitted = arxivSubmissionMonth(arxivId);
    if (submitted !== undefined) {
      body += `,\n  year = {${submitted.year}},\n  month = ${MONTH_MACROS[submitted.month - 1] ?? `{${submitted.month}}`}`;
    }
    body += `,\n  url = {${escapeUrl(arxivAbsUrl(arxivId))}}`;
  } else {
    const link = workLink(data.links ?? []);
    if (link !== undefined) {
      body += `,\n  howpublished = {\\url{${escapeUrlInArgument(link.url)}}},\n  url = {${escapeUrl(link.url)}}`;
    }
  }

  if (data.intro !== undefined) body += `,\n  note = {${escapeLatex(data.intro.join('; '))}}`;
  if (data.keywords !== undefined) body += `,\n  keywords = {${escapeLatex(data.keywords.join(', '))}}`;

  return `@misc{${citationKey(entry)},\n${body}\n}\n`;
}

/**
 * Renders the BibTeX file of a list: a comment naming the list and its source, then one record
 * per entry in document order.
 */
export function renderListBibtex(list: CatalogList): string {
  return [...listBibtexChunks(list)].join('');
}

/** The number of records in each part of the text that listBibtexChunks yields. */
const RECORDS_PER_CHUNK = 500;

/**
 * Yields the text of renderListBibtex(list) in consecutive parts: the header, then runs of at
 * most RECORDS_PER_CHUNK records, so that a writer never keeps the text of a whole file.
 */
export function* listBibtexChunks(list: CatalogList): Generator<string> {
  const header = [`% ${oneLineComment(list.data.title)}: ${list.entries.length} references.`];
  const source = list.data.source;
  if (source !== undefined) {
    header.push(`% Imported from ${oneLineComment(source.url)} (${oneLineComment(source.licence)}).`);
  }
  yield header.join('\n');

  const { entries } = list;
  for (let start = 0; start < entries.length; start += RECORDS_PER_CHUNK) {
    let text = '';
    for (let index = start; index < Math.min(entries.length, start + RECORDS_PER_CHUNK); index += 1) {
      text += `\n${bibtexForEntry(entries[index] as CatalogEntry)}`;
    }
    yield text;
  }
}

/**
 * Escapes the characters that LaTeX reads as commands, `\ { } $ & # ^ _ % ~`, and `<` and `>`,
 * which LaTeX's default font encoding prints as other characters.
 * Braces become `\textbraceleft{}` and `\textbraceright{}` rather than `\{` and `\}`,
 * because BibTeX counts every brace, escaped or not, and an unbalanced one ends a field early.
 */
export function escapeLatex(text: string): string {
  return LATEX_SPECIAL_CHARACTER.test(text) ? text.replace(LATEX_SPECIAL_CHARACTERS, (character) => LATEX_ESCAPES[character] ?? character) : text;
}

const LATEX_SPECIAL_CHARACTER = /[\\{}$&#^_%~<>]/;
const LATEX_SPECIAL_CHARACTERS = /[\\{}$&#^_%~<>]/g;

const LATEX_ESCAPES: Record<string, string> = {
  '\\': '\\textbackslash{}',
  '{': '\\textbraceleft{}',
  '}': '\\textbraceright{}',
  $: '\\$',
  '&': '\\&',
  '#': '\\#',
  '^': '\\textasciicircum{}',
  _: '\\_',
  '%': '\\%',
  '~': '\\textasciitilde{}',
  '<': '\\textless{}',
  '>': '\\textgreater{}',
};

/**
 * Escapes a title for a BibTeX `title` field and wraps in braces each word that has a capital
 * letter after its first character (`ReLU`, `CNNs`, `SNIPER`, `ResNet-50`), so that a style
 * which lowercases titles keeps it. Punctuation around the word stays outside the braces:
 * `(ReLU):` becomes `({ReLU}):`. Words capitalised only at their start are left to the style.
 */
export function bibtexTitle(title: string): string {
  // Without a capital after a word's first character no word is braced, and escaping the whole
  // title gives the same text as escaping word by word, because spaces need no escape.
  if (!CAPITAL_AFTER_FIRST_CHARACTER.test(title)) return escapeLatex(title);

  // Splitting on every kind of space keeps separators such as no-break spaces as they are.
  return title
    .split(/(\s+)/u)
    .map((word, index) => {
      if (index % 2 === 1 || !CAPITAL_AFTER_FIRST_CHARACTER.test(word)) return escapeLatex(word);

      const [, before = '', core = '', after = ''] = /^([("'“‘[]*)(.*?)([)"'”’\]:;,.!?]*)$/su.exec(word) ?? [];
      const protect = core.split(/[-/]/).some((part) => CAPITAL_AFTER_FIRST_CHARACTER.test(part));
      if (!protect) return escapeLatex(word);

      return `${escapeLatex(before)}{${escapeLatex(core)}}${escapeLatex(after)}`;
    })
    .join('');
}

/** A capital letter after at least one other character (a code point, so a surrogate pair counts once). */
const CAPITAL_AFTER_FIRST_CHARACTER = /^.+?\p{Lu}/su;

function workLink(links: Link[]): Link | undefined {
  for (const kind of WORK_LINK_KINDS) {
    const link = links.find((candidate) => candidate.kind === kind);
    if (link !== undefined) return link;
  }
  return links[0];
}

/** Percent-encodes the braces and backslashes of a URL, which would end or break a verbatim `url` field. */
function escapeUrl(url: string): string {
  return url.replace(/[{}\\]/g, (character) => `%${character.charCodeAt(0).toString(16).toUpperCase()}`);
}

/**
 * Escapes a URL for the argument of `\url` in an ordinary field such as `howpublished`. There `%`
 * would start a comment and `#` a macro parameter, so both get a backslash.
 */
function escapeUrlInArgument(url: string): string {
  return escapeUrl(url).replace(/[%#]/g, (character) => `\\${character}`);
}

function oneLineComment(text: string): string {
  return text.replace(/[\r\n]+/g, ' ');
}
