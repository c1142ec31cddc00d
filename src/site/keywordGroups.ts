// Groups keywords by initial for the A to Z keyword index.
import type { CatalogKeyword } from '../catalog/types.ts';

export interface KeywordGroup {
  /** The heading: a letter A to Z, `0–9`, or `Other` for keywords that start with another character. */
  label: string;
  /** The fragment id of the group's heading on the keyword index. */
  id: string;
  keywords: CatalogKeyword[];
}

/**
 * Groups `keywords` by the initial of their term, accents ignored (`Élan` goes under E), and
 * returns the groups A to Z, then `0–9`, then `Other` (any other script or symbol).
 * Keywords keep their order within a group.
 */
export function groupKeywordsByInitial(keywords: readonly CatalogKeyword[]): KeywordGroup[] {
  const groups = new Map<string, KeywordGroup>();
  for (const keyword of keywords) {
    const { label, id } = initialOf(keyword.term);
    const group = groups.get(id) ?? { label, id, keywords: [] };
    group.keywords.push(keyword);
    groups.set(id, group);
  }
  return [...groups.values()].sort((a, b) => rank(a.id) - rank(b.id) || a.id.localeCompare(b.id));
}

function initialOf(term: string): { label: string; id: string } {
  const first = term.normalize('NFKD').replace(/\p{M}/gu, '').charAt(0).toUpperCase();
  if (/^[A-Z]$/.test(first)) return { label: first, id: `letter-${first.toLowerCase()}` };
  if (/^[0-9]$/.test(first)) return { label: '0–9', id: 'letter-digits' };
  return { label: 'Other', id: 'letter-other' };
}

function rank(id: string): number {
  if (id === 'letter-digits') return 1;
  if (id === 'letter-other') return 2;
  return 0;
}
