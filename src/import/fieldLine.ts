// Reads the `key(qualifier): value` form of an entry's bullet line and corrects misspelt keys.
import { linkKind } from '../../schemas/entry.ts';

/** A bullet line read as a labelled field. */
export interface FieldLine {
  /** The key in lower case with single spaces, after any correction. */
  key: string;
  /** The key as written, when it was corrected. */
  writtenKey: string;
  /** The text in brackets after the key (`Caffe` in `github(Caffe)`), trimmed; undefined when absent or empty. */
  qualifier: string | undefined;
  /** Everything after the colon, trimmed; may be empty. */
  value: string;
}

/**
 * The keys of the reading lists this importer was built on, besides the ones a list uses more
 * than once. A misspelt key is corrected to one of these.
 */
export const KNOWN_KEYS = [
  'intro', 'keywords', 'arxiv', 'paper', 'github', 'code', 'blog', 'slides', 'project page', 'homepage',
  'video', 'youtube', 'notes', 'mirror', 'author', 'authors', 'comments', 'review', 'dataset', 'demo',
  'website', 'bitbucket', 'gitxiv', 'openreview', 'reddit', 'quora', 'kaggle', 'gist', 'talks', 'supp',
  'poster', 'blog post', 'tutorial', 'book', 'course', 'discussion', 'pdf', 'project', 'stackexchange',
];

/** The maximum length of a key, because a longer "key" before a colon is a sentence. */
const MAX_KEY_LENGTH = 32;

/** The maximum number of words in a key (`project page` has two). */
const MAX_KEY_WORDS = 3;

// A key, an optional qualifier in brackets (one level of inner brackets allowed, as in
// `github(official (PyTorch))`), then a colon that ends the text or is followed by white space.
const FIELD = /^([^\s:()[\]][^:()[\]]*?)\s*(?:\(((?:[^()]|\([^()]*\))*)\))?\s*:(?:\s+([\s\S]*))?$/;

/**
 * Splits `content` (a bullet's text without the marker) into key, qualifier and value.
 * Returns undefined when the text has no such form, or when the corrected key is not a
 * lower-case word or words (`project page`, `caffe-pr`). `knownKeys` are the keys that count
 * as spelt right.
 */
export function parseFieldLine(content: string, knownKeys: ReadonlySet<string>): FieldLine | undefined {
  const match = FIELD.exec(content.trim());
  if (match === null) return undefined;

  const writtenKey = match[1]!.trim();
  if (writtenKey.length > MAX_KEY_LENGTH || writtenKey.split(/\s+/).length > MAX_KEY_WORDS) return undefined;

  const normalised = writtenKey.toLowerCase().replace(/\s+/g, ' ');
  const key = knownKeys.has(normalised) ? normalised : (correctKey(normalised, knownKeys) ?? normalised);
  if (!linkKind.safeParse(key).success) return undefined;

  const qualifier = match[2]?.trim();
  return { key, writtenKey, qualifier: qualifier === '' ? undefined : qualifier, value: (match[3] ?? '').trim() };
}

/**
 * Returns the known key that `key` is a misspelling of. A key of four or five letters may be
 * one edit away, a longer key two, and a shorter key is never corrected. A swap of two
 * neighbouring letters counts as one edit. Returns undefined when no known key is that close,
 * or when two are equally close.
 */
export function correctKey(key: string, knownKeys: ReadonlySet<string>): string | undefined {
  if (key.length <= 3) return undefined;
  const limit = key.length <= 5 ? 1 : 2;

  let best: string | undefined;
  let bestDistance = Infinity;
  let tie = false;
  for (const known of knownKeys) {
    const distance = editDistance(key, known);
    if (distance < bestDistance) {
      best = known;
      bestDistance = distance;
      tie = false;
    } else if (distance === bestDistance) {
      tie = true;
    }
  }
  return best !== undefined && bestDistance > 0 && bestDistance <= limit && !tie ? best : undefined;
}

/** Optimal string alignment distance: insertions, deletions, substitutions and swaps of neighbours. */
function editDistance(a: string, b: string): number {
  const rows: number[][] = [];
  for (let i = 0; i <= a.length; i++) rows.push([i]);
  for (let j = 1; j <= b.length; j++) rows[0]![j] = j;

  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(rows[i - 1]![j]! + 1, rows[i]![j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, rows[i - 2]![j - 2]! + 1);
      rows[i]![j] = value;
    }
  }
  return rows[a.length]![b.length]!;
}
