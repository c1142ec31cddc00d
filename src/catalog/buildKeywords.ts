// Groups the keywords of every entry case-insensitively, each group with a unique slug and the
// spelling most entries use.
import { slugify } from '../text/slug.ts';
import { compareText } from './compareText.ts';
import type { CatalogEntry, CatalogKeyword } from './types.ts';

/** Returns the key under which two spellings of a keyword are one keyword. */
export function keywordKey(term: string): string {
  return term.normalize('NFC').trim().replace(/\s+/g, ' ').toLocaleLowerCase('en');
}

/**
 * Builds the keyword index of `entries` (given in catalog order) and sets each entry's
 * `keywords`. Returns the keywords ordered A to Z; a slug that two keywords would share gets
 * `-2`, `-3`, ... on the later one in that order.
 */
export function buildKeywords(entries: readonly CatalogEntry[]): CatalogKeyword[] {
  const groups = new Map<string, { spellings: Map<string, number>; entries: CatalogEntry[]; keyword: CatalogKeyword }>();

  for (const entry of entries) {
    const own: CatalogKeyword[] = [];
    for (const term of entry.data.keywords ?? []) {
      const key = keywordKey(term);
      let group = groups.get(key);
      if (group === undefined) {
        group = { spellings: new Map(), entries: [], keyword: { slug: '', term, entries: [] } };
        groups.set(key, group);
      }
      const spelling = term.trim().replace(/\s+/g, ' ');
      group.spellings.set(spelling, (group.spellings.get(spelling) ?? 0) + 1);
      if (own.includes(group.keyword)) continue;
      own.push(group.keyword);
      group.keyword.entries.push(entry);
    }
    entry.keywords = own;
  }

  const keywords: CatalogKeyword[] = [];
  for (const group of groups.values()) {
    let best = '';
    let bestCount = 0;
    // Map iteration follows insertion, so a tie keeps the spelling seen first.
    for (const [spelling, count] of group.spellings) {
      if (count > bestCount) {
        best = spelling;
        bestCount = count;
      }
    }
    group.keyword.term = best;
    keywords.push(group.keyword);
  }

  keywords.sort((a, b) => compareText(a.term, b.term));
  const used = new Set<string>();
  for (const keyword of keywords) {
    const base = slugify(keyword.term, 'keyword');
    let slug = base;
    for (let suffix = 2; used.has(slug); suffix++) slug = `${base}-${suffix}`;
    used.add(slug);
    keyword.slug = slug;
  }
  return keywords;
}
