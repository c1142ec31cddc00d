// arXiv facts that the outputs derive from an entry: its id, abstract and PDF URLs, the month of
// first submission that the id encodes, and the archive of an old-style id.
import type { EntryData } from '../../schemas/entry.ts';

/** An arXiv abstract or PDF URL; the id is captured without a `.pdf` suffix. */
const ARXIV_URL_PATTERN =
  /^https?:\/\/(?:www\.|export\.)?arxiv\.org\/(?:abs|pdf)\/((?:\d{4}\.\d{4,5}|[a-z-]+(?:\.[A-Z]{2})?\/\d{7})(?:v\d+)?)(?:\.pdf)?\/?(?:[?#].*)?$/;

/**
 * Returns the entry's arXiv id: its `arxiv` field, or else the id in the first of its links
 * that points at an arXiv abstract or PDF. Returns undefined when it has neither.
 */
export function arxivIdOf(data: Pick<EntryData, 'arxiv' | 'links'>): string | undefined {
  if (data.arxiv !== undefined) return data.arxiv;

  for (const link of data.links ?? []) {
    const match = ARXIV_URL_PATTERN.exec(link.url);
    if (match?.[1] !== undefined) return match[1];
  }
  return undefined;
}

export function arxivAbsUrl(id: string): string {
  return `https://arxiv.org/abs/${id}`;
}

export function arxivPdfUrl(id: string): string {
  return `https://arxiv.org/pdf/${id}`;
}

/**
 * Returns the year and month (1 to 12) of the first submission, which every arXiv id encodes
 * as `YYMM`: `1502.03167` is February 2015, `cs/0112017` December 2001.
 * Returns undefined for a string that is not an arXiv id.
 */
export function arxivSubmissionMonth(id: string): { year: number; month: number } | undefined {
  const match = /^(?:[a-z-]+(?:\.[A-Z]{2})?\/)?(\d{2})(\d{2})/.exec(id);
  if (match?.[1] === undefined || match[2] === undefined) return undefined;

  const twoDigitYear = Number(match[1]);
  const month = Number(match[2]);
  if (month < 1 || month > 12) return undefined;

  // Old-style ids began in August 1991 and new-style ids in April 2007, so 91-99 are 1990s years.
  const year = twoDigitYear >= 91 ? 1900 + twoDigitYear : 2000 + twoDigitYear;
  return { year, month };
}

/**
 * Returns the archive of an old-style id (`cs` for `cs/0112017`, `math.GT` for
 * `math.GT/0309136`). New-style ids do not name their category, so they return undefined.
 */
export function arxivArchive(id: string): string | undefined {
  return /^([a-z-]+(?:\.[A-Z]{2})?)\//.exec(id)?.[1];
}
