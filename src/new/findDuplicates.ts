// Finds the entries of a list that a new entry would duplicate, by the rules that `check` uses:
// the same arXiv id (any version, given as `arxiv` or as an arXiv link), the same URL, or the same normalised title or alias.
import type { EntryData } from '../../schemas/entry.ts';
import type { CatalogList } from '../catalog/types.ts';
import { titleKey } from '../text/titleKey.ts';
import { arxivKey, arxivUrlKey, urlKey } from '../validate/checkDuplicates.ts';
import type { Rejection } from './NewEntryError.ts';

const FIX = 'edit that entry instead; to list it in a second section, add the section to its "also" field';

/** Returns one rejection per existing entry and reason, naming the entry's file; none when `data` is new. */
export function findDuplicates(data: EntryData, list: CatalogList): Rejection[] {
  const rejections: Rejection[] = [];
  // arXiv links count as arXiv ids, as in `check`.
  const arxivIds = new Set<string>();
  if (data.arxiv !== undefined) arxivIds.add(arxivKey(data.arxiv));
  const urls = new Set<string>();
  for (const link of data.links ?? []) {
    const fromUrl = arxivUrlKey(link.url);
    if (fromUrl !== undefined) arxivIds.add(fromUrl);
    else urls.add(urlKey(link.url));
  }
  // A title of punctuation only has an empty key, which matches nothing.
  const titles = new Set([data.title, ...(data.aliases ?? [])].map(titleKey).filter((key) => key !== ''));

  for (const entry of list.entries) {
    const existing = entry.data;

    if (existing.arxiv !== undefined && arxivIds.has(arxivKey(existing.arxiv))) {
      rejections.push({ code: 'duplicate-arxiv', file: entry.file, message: `${entry.file} already has the arXiv id "${existing.arxiv}"`, fix: FIX });
    } else {
      const sameArxivLink = (existing.links ?? []).find((link) => {
        const key = arxivUrlKey(link.url);
        return key !== undefined && arxivIds.has(key);
      });
      if (sameArxivLink !== undefined) {
        rejections.push({ code: 'duplicate-arxiv', file: entry.file, message: `${entry.file} already links to the same arXiv paper: ${sameArxivLink.url}`, fix: FIX });
      }
    }

    const sameUrl = (existing.links ?? []).find((link) => arxivUrlKey(link.url) === undefined && urls.has(urlKey(link.url)));
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
