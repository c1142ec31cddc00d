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
  const fields: Array<[string, string]> = [['title', `{${bibtexTitle(data.title)}}`]];

  const arxivId = arxivIdOf(data);
  if (arxivId !== undefined) {
    fields.push(['eprint', `{${arxivId}}`], ['archivePrefix', '{arXiv}']);

    const archive = arxivArchive(arxivId);
    if (archive !== undefined) fields.push(['primaryClass', `{${archive}}`]);

    const submitted = arxivSubmissionMonth(arxivId);
    if (submitted !== undefined) {
      fields.push(['year', `{${submitted.year}}`], ['month', MONTH_MACROS[submitted.month - 1] ?? `{${submitted.month}}`]);
    }
    fields.push(['url', `{${escapeUrl(arxivAbsUrl(arxivId))}}`]);
  } else {
    const link = workLink(data.links ?? []);
    if (link !== undefined) {
      fields.push(['howpublished', `{\\url{${escapeUrlInArgument(link.url)}}}`], ['url', `{${escapeUrl(link.url)}}`]);
    }
  }

  if (data.intro !== undefined) fields.push(['note', `{${escapeLatex(data.intro.join('; '))}}`]);
  if (data.keywords !== undefined) fields.push(['keywords', `{${escapeLatex(data.keywords.join(', '))}}`]);

  const body = fields.map(([name, value]) => `  ${name} = ${value}`).join(',\n');
  return `@misc{${citationKey(entry)},\n${body}\n}\n`;
}

/**
 * Renders the BibTeX file of a list: a comment naming the list and its source, then one record
 * per entry in document order.
 */
export function renderListBibtex(list: CatalogList): string {
  const header = [`% ${oneLineComment(list.data.title)}: ${list.entries.length} references.`];
  const source = list.data.source;
  if (source !== undefined) {
    header.push(`% Imported from ${oneLineComment(source.url)} (${oneLineComment(source.licence)}).`);
  }

  const records = list.entries.map((entry) => bibtexForEntry(entry));
  return [header.join('\n'), ...records].join('\n');
}

/**
 * Escapes the characters that LaTeX reads as commands, `\ { } $ & # ^ _ % ~`, and `<` and `>`,
 * which LaTeX's default font encoding prints as other characters.
 * Braces become `\textbraceleft{}` and `\textbraceright{}` rather than `\{` and `\}`,
 * because BibTeX counts every brace, escaped or not, and an unbalanced one ends a field early.
 */
export function escapeLatex(text: string): string {
  return text.replace(/[\\{}$&#^_%~<>]/g, (character) => LATEX_ESCAPES[character] ?? character);
}

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
  // Splitting on every kind of space keeps separators such as no-break spaces as they are.
  return title
    .split(/(\s+)/u)
    .map((word, index) => {
      if (index % 2 === 1) return word;

      const [, before = '', core = '', after = ''] = /^([("'“‘[]*)(.*?)([)"'”’\]:;,.!?]*)$/su.exec(word) ?? [];
      const protect = core.split(/[-/]/).some((part) => /\p{Lu}/u.test(Array.from(part).slice(1).join('')));
      if (!protect) return escapeLatex(word);

      return `${escapeLatex(before)}{${escapeLatex(core)}}${escapeLatex(after)}`;
    })
    .join('');
}

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
