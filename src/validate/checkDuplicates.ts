// Finds entries of one list that describe the same work: the same arXiv id, the same URL or the
// same normalised title, each reported on every file concerned, naming the others.
import type { EntryData } from '../../schemas/entry.ts';
import type { Problem } from '../problems/problem.ts';
import { parseArxivInput } from '../new/parseArxivInput.ts';
import { titleKey } from '../text/titleKey.ts';
import { parseFrontmatterDocument } from '../read/parseFrontmatter.ts';
import type { Frontmatter } from '../read/rawDocument.ts';
import { formatFieldPath, locateField, type FieldPath } from './locateField.ts';

export interface DuplicateCandidate {
  file: string;
  data: EntryData;
  /**
   * The frontmatter text (Frontmatter.source), from which the fields of a reported duplicate are
   * located. Keeping the text rather than every compared field's position means that only the
   * files with a duplicate are parsed into a `yaml` Document.
   */
  frontmatterSource: string;
}

interface Occurrence {
  candidate: DuplicateCandidate;
  fieldPath: FieldPath;
  written: string;
}

type KeyKind = 'arxiv' | 'url' | 'title';

/** The maximum number of other files a duplicate problem names; the rest are counted. */
const MAX_NAMED_OTHERS = 3;

/** Returns the arXiv id without its version, in lower case: `1502.03167v2` and `1502.03167` are one work. */
export function arxivKey(id: string): string {
  return id.trim().toLowerCase().replace(/v\d+$/, '');
}

/**
 * Returns a URL as compared for duplicates: `http` and `https` alike, the host in lower case and
 * without `www.`, no default port (80, 443), no fragment and no trailing slash. The query is
 * kept. `http://www.Example.org:80/a/#b` and `https://example.org/a` give the same key.
 */
export function urlKey(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    return url.trim();
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    parsed.hash = '';
    return parsed.href;
  }
  const host = parsed.hostname.replace(/^www\./, '');
  const port = parsed.port === '' || parsed.port === '80' || parsed.port === '443' ? '' : `:${parsed.port}`;
  const pathname = parsed.pathname.replace(/\/+$/, '');
  return `//${host}${port}${pathname}${parsed.search}`;
}

/**
 * Returns the arXiv key (as arxivKey) of an arXiv URL in any form (`abs`, `pdf` with version and
 * `.pdf`, `html`, on `arxiv.org`, `www.arxiv.org` or `export.arxiv.org`), or undefined for any
 * other URL. A link to an arXiv paper is a duplicate of an entry with that `arxiv` id.
 */
export function arxivUrlKey(url: string): string | undefined {
  if (!/^https?:\/\//i.test(url.trim())) return undefined;
  const id = parseArxivInput(url);
  return id === undefined ? undefined : arxivKey(id);
}

/**
 * Reports every group of two or more entries that share an arXiv id, a URL, or a normalised
 * title (an alias counts as a title). Works in one pass with Maps; call it once per list.
 */
export function checkDuplicates(entries: readonly DuplicateCandidate[]): Problem[] {
  const groups: Record<KeyKind, Map<string, Occurrence[]>> = { arxiv: new Map(), url: new Map(), title: new Map() };
  const add = (kind: KeyKind, key: string, occurrence: Occurrence) => {
    if (key === '') return;
    const map = groups[kind];
    const list = map.get(key);
    if (list === undefined) map.set(key, [occurrence]);
    else if (list[list.length - 1]!.candidate !== occurrence.candidate) list.push(occurrence);
  };

  for (const candidate of entries) {
    const { data } = candidate;
    if (data.arxiv !== undefined) add('arxiv', arxivKey(data.arxiv), { candidate, fieldPath: ['arxiv'], written: data.arxiv });
    data.links?.forEach((link, index) => {
      const occurrence: Occurrence = { candidate, fieldPath: ['links', index, 'url'], written: link.url };
      // An arXiv link is compared with the arXiv ids; `add` skips the entry's own `arxiv` field.
      const arxiv = arxivUrlKey(link.url);
      if (arxiv !== undefined) add('arxiv', arxiv, occurrence);
      else add('url', urlKey(link.url), occurrence);
    });
    add('title', titleKey(data.title), { candidate, fieldPath: ['title'], written: data.title });
    data.aliases?.forEach((alias, index) => add('title', titleKey(alias), { candidate, fieldPath: ['aliases', index], written: alias }));
  }

  const problems: Problem[] = [];
  const locate = fieldLocator();
  for (const kind of ['arxiv', 'url', 'title'] as const) {
    for (const occurrences of groups[kind].values()) {
      if (occurrences.length < 2) continue;
      for (const occurrence of occurrences) problems.push(duplicateProblem(kind, occurrence, occurrences, locate));
    }
  }
  return problems;
}

type FieldLocator = (occurrence: Occurrence) => { line: number; column: number };

/** Returns a function that locates an occurrence's field, parsing each candidate's frontmatter once. */
function fieldLocator(): FieldLocator {
  const parsed = new Map<DuplicateCandidate, Frontmatter>();
  return ({ candidate, fieldPath }) => {
    let frontmatter = parsed.get(candidate);
    if (frontmatter === undefined) {
      frontmatter = parseFrontmatterDocument(candidate.frontmatterSource, candidate.file).frontmatter;
      parsed.set(candidate, frontmatter);
    }
    const { line, column } = locateField(frontmatter, fieldPath);
    return { line, column };
  };
}

function duplicateProblem(kind: KeyKind, occurrence: Occurrence, group: readonly Occurrence[], position: FieldLocator): Problem {
  const allOthers = group.filter((other) => other !== occurrence);
  const others = allOthers.slice(0, MAX_NAMED_OTHERS).map((other) => `${other.candidate.file}:${position(other).line}`);

  const location = position(occurrence);
  let what = `the title "${occurrence.written}"`;
  if (kind === 'arxiv') what = occurrence.fieldPath[0] === 'links' ? `the arXiv paper of ${occurrence.written}` : `the arXiv id "${occurrence.written}"`;
  if (kind === 'url') what = `the URL ${occurrence.written}`;
  let other = allOthers.length === 1 ? `another entry: ${others[0]}` : `other entries: ${others.join(', ')}`;
  if (allOthers.length > MAX_NAMED_OTHERS) other += ` and ${allOthers.length - MAX_NAMED_OTHERS} more`;

  return {
    stage: 'validate',
    severity: 'error',
    code: `duplicate-${kind}`,
    file: occurrence.candidate.file,
    line: location.line,
    column: location.column,
    field: formatFieldPath(occurrence.fieldPath),
    message: `${what} is also used by ${other}`,
    received: occurrence.written,
    fix:
      kind === 'url'
        ? 'keep the link in one entry only; if both entries are the same work, merge them and list the second section under "also"'
        : 'merge the two entries into one file and list the second section under "also", or correct the one that is wrong',
  };
}
