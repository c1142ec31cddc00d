// The few entries an entry page suggests next: those sharing the most specific keywords, then
// the entry's neighbours in its own section.
import type { Catalog, CatalogEntry, CatalogKeyword, CatalogSection } from '../catalog/types.ts';

/**
 * Keywords carried by more entries than this are skipped when scoring, because they tell little
 * about a particular entry and scanning them for every entry would make the build quadratic.
 */
const MAX_KEYWORD_ENTRIES = 500;

/**
 * Numbers for the entries of one catalog, so that scoring, which runs once per entry over up to
 * MAX_KEYWORD_ENTRIES entries per keyword, adds to an array slot instead of a map entry.
 */
interface ScoringIndex {
  numbers: Map<CatalogEntry, number>;
  /** The numbers of each keyword's entries, in the keyword's order. */
  keywordNumbers: Map<CatalogKeyword, Int32Array>;
  /** The score of each entry by number; zero outside a call. */
  scores: Float64Array;
  entriesByNumber: CatalogEntry[];
}

const indexes = new WeakMap<Catalog, ScoringIndex>();

/**
 * Returns up to `limit` entries related to `entry` (default 5), never the entry itself. `entry`
 * and the entries of its keywords belong to `catalog`. Entries sharing keywords come first, each
 * shared keyword weighing more the fewer entries carry it. Ties keep the order found: by the
 * entry's keywords, then catalog order. The rest are the nearest entries of the same section,
 * after and before it in turn.
 */
export function relatedEntries(catalog: Catalog, entry: CatalogEntry, limit = 5): CatalogEntry[] {
  const index = scoringIndex(catalog);
  // Numbers of the entries scored, in the order first found.
  const found: number[] = [];
  for (const keyword of entry.keywords) {
    if (keyword.entries.length > MAX_KEYWORD_ENTRIES) continue;

    const weight = 1 / Math.log2(1 + keyword.entries.length);
    const numbers = keywordNumbers(index, keyword);
    // keywordNumbers numbers the entry if it is among the keyword's entries.
    const ownNumber = index.numbers.get(entry) ?? -1;
    addWeight(index.scores, numbers, weight, ownNumber, found);
  }

  const related = highestScores(index, found, limit);
  for (const number of found) index.scores[number] = 0;
  if (related.length >= limit) return related;

  const chosen = new Set([entry, ...related]);
  for (const neighbour of sectionNeighbours(entry)) {
    if (related.length >= limit) break;
    if (chosen.has(neighbour)) continue;
    chosen.add(neighbour);
    related.push(neighbour);
  }
  return related;
}

/**
 * Adds `weight` to the score of each entry of `numbers` but `skipped`, and appends the number of
 * each entry scored for the first time to `found`. The loop is a function of its own because V8
 * (Node 20) optimizes a small function after few calls. Inside relatedEntries, it ran unoptimized
 * for the first entries of a build, until V8 had compiled the whole function.
 */
function addWeight(scores: Float64Array, numbers: Int32Array, weight: number, skipped: number, found: number[]): void {
  for (let position = 0; position < numbers.length; position += 1) {
    const number = numbers[position]!;
    if (number === skipped) continue;
    if (scores[number] === 0) found.push(number);
    scores[number] = scores[number]! + weight;
  }
}

function scoringIndex(catalog: Catalog): ScoringIndex {
  let index = indexes.get(catalog);
  if (index) return index;
  index = {
    numbers: new Map(catalog.entries.map((entry, number) => [entry, number])),
    keywordNumbers: new Map(),
    scores: new Float64Array(catalog.entries.length),
    entriesByNumber: [...catalog.entries],
  };
  indexes.set(catalog, index);
  return index;
}

/** Returns the numbers of the keyword's entries, numbering an entry missing from the catalog's list on first sight. */
function keywordNumbers(index: ScoringIndex, keyword: CatalogKeyword): Int32Array {
  let numbers = index.keywordNumbers.get(keyword);
  if (numbers) return numbers;

  numbers = Int32Array.from(keyword.entries, (entry) => {
    let number = index.numbers.get(entry);
    if (number === undefined) {
      number = index.entriesByNumber.push(entry) - 1;
      index.numbers.set(entry, number);
    }
    return number;
  });
  if (index.scores.length < index.entriesByNumber.length) {
    const scores = new Float64Array(index.entriesByNumber.length);
    scores.set(index.scores);
    index.scores = scores;
  }
  index.keywordNumbers.set(keyword, numbers);
  return numbers;
}

/**
 * Returns the `limit` entries of `found` with the highest scores, highest first, ties in the
 * order of `found`: the first `limit` of a stable sort, without sorting every entry found.
 */
function highestScores(index: ScoringIndex, found: readonly number[], limit: number): CatalogEntry[] {
  if (limit <= 0) return [];
  const top: { number: number; score: number }[] = [];
  for (const number of found) {
    const score = index.scores[number]!;
    if (top.length >= limit && score <= top[top.length - 1]!.score) continue;
    let position = top.length;
    while (position > 0 && top[position - 1]!.score < score) position -= 1;
    top.splice(position, 0, { number, score });
    if (top.length > limit) top.pop();
  }
  return top.map((item) => index.entriesByNumber[item.number]!);
}

/** Each section's entry positions, built once per section rather than searched for each entry. */
const positions = new WeakMap<CatalogSection, Map<CatalogEntry, number>>();

/** Yields the entries of the entry's section by distance from it: next, previous, second next, ... */
function* sectionNeighbours(entry: CatalogEntry): Generator<CatalogEntry> {
  const siblings = entry.section.entries;
  let byEntry = positions.get(entry.section);
  if (!byEntry) {
    byEntry = new Map(siblings.map((sibling, index) => [sibling, index]));
    positions.set(entry.section, byEntry);
  }

  const position = byEntry.get(entry) ?? -1;
  for (let distance = 1; distance < siblings.length; distance += 1) {
    const after = siblings[position + distance];
    const before = position - distance >= 0 ? siblings[position - distance] : undefined;
    if (after) yield after;
    if (before) yield before;
  }
}
