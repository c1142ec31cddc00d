// The few entries an entry page suggests next: those sharing the most specific keywords, then
// the entry's neighbours in its own section.
import type { CatalogEntry, CatalogSection } from '../catalog/types.ts';

/**
 * Keywords carried by more entries than this are skipped when scoring, because they tell little
 * about a particular entry and scanning them for every entry would make the build quadratic.
 */
const MAX_KEYWORD_ENTRIES = 500;

/**
 * Returns up to `limit` entries related to `entry` (default 5), never the entry itself.
 * Entries sharing keywords come first, each shared keyword weighing more the fewer entries
 * carry it. Ties keep the order found: by the entry's keywords, then catalog order. The rest
 * are the nearest entries of the same section, after and before it in turn.
 */
export function relatedEntries(entry: CatalogEntry, limit = 5): CatalogEntry[] {
  const scores = new Map<CatalogEntry, number>();
  for (const keyword of entry.keywords) {
    if (keyword.entries.length > MAX_KEYWORD_ENTRIES) continue;

    const weight = 1 / Math.log2(1 + keyword.entries.length);
    for (const other of keyword.entries) {
      if (other !== entry) scores.set(other, (scores.get(other) ?? 0) + weight);
    }
  }

  const related = [...scores.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, limit)
    .map(([other]) => other);
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
