// Finds the entries of a list that a new entry would duplicate, by the rules that `check` uses:
// the same arXiv id (any version), the same URL, or the same normalised title or alias.
import type { EntryData } from '../../schemas/entry.ts';
import type { CatalogList } from '../catalog/types.ts';
import { titleKey } from '../text/titleKey.ts';
import { arxivKey, urlKey } from '../validate/checkDuplicates.ts';
import type { Rejection } from './NewEntryError.ts';

const FIX = 'edit that entry instead; to list it in a second section, add the section to its "also" field';

/** Returns one rejection per existing entry and reason, naming the entry's file; none when `data` is new. */
export function findDuplicates(data: EntryData, list: CatalogList): Rejection[] {
  const rejections: Rejection[] = [];
  const arxiv = data.arxiv === undefined ? undefined : arxivKey(data.arxiv);
  const urls = new Set((data.links ?? []).map((link) => urlKey(link.url)));
  const titles = new Set([data.title, ...(data.aliases ?? [])].map(titleKey));

  for (const entry of list.entries) {
    const existing = entry.data;

    if (arxiv !== undefined && existing.arxiv !== undefined && arxivKey(existing.arxiv) === arxiv) {
      rejections.push({ code: 'duplicate-arxiv', file: entry.file, message: `${entry.file} already has the arXiv id "${existing.arxiv}"`, fix: FIX });
    }

    const sameUrl = (existing.links ?? []).find((link) => urls.has(urlKey(link.url)));
    if (sameUrl !== undefined) {
      rejections.push({ code: 'duplicate-url', file: entry.file, message: `${entry.file} already has the URL ${sameUrl.url}`, fix: FIX });
    }

    const sameTitle = [existing.title, ...(existing.aliases ?? [])].find((title) => titles.has(titleKey(title)));
    if (sameTitle !== undefined) {
      rejections.push({ code: 'duplicate-title', file: entry.file, message: `${entry.file} already has the title "${sameTitle}"`, fix: FIX });
    }
  }
  return rejections;
}
