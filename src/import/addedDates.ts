// Reads the table of the dates on which each title was added to a list (`first_seen<TAB>title`).
import { isoDate } from '../../schemas/fields.ts';
import type { Problem } from '../problems/problem.ts';
import { titleKey } from '../text/titleKey.ts';

/** The header line the table must start with. */
export const ADDED_HEADER = 'first_seen\ttitle';

export interface AddedDate {
  date: string;
  title: string;
  /** The line of the table, 1-based. */
  line: number;
}

export interface AddedDates {
  /** The earliest date of each normalised title (see titleKey), or of the title as written when it has no key. */
  byTitle: Map<string, AddedDate>;
  problems: Problem[];
}

/**
 * Parses the table. `file` names it in problems. A title listed twice keeps its earliest date.
 * Reports a missing header, a line without a tab, an empty title and a date that is not
 * `YYYY-MM-DD`, each with its line.
 */
export function parseAddedDates(text: string, file: string): AddedDates {
  const byTitle = new Map<string, AddedDate>();
  const problems: Problem[] = [];
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const problem = (line: number, code: string, message: string, fix: string, received?: string) =>
    problems.push({ stage: 'import', severity: 'error', code, file, line, column: 1, field: '', message, fix, received });

  if ((lines[0] ?? '').trim() !== ADDED_HEADER) {
    problem(1, 'added-header', `the first line must be the header "first_seen<TAB>title"`, 'start the file with the line "first_seen", a tab, "title"', lines[0]);
    return { byTitle, problems };
  }

  lines.forEach((line, index) => {
    if (index === 0 || line.trim() === '') return;
    const number = index + 1;
    const tab = line.indexOf('\t');
    if (tab < 0) {
      problem(number, 'added-line', 'the line has no tab between the date and the title', 'write the date, a tab, then the title', line);
      return;
    }
    const date = line.slice(0, tab).trim();
    const title = line.slice(tab + 1).trim();
    if (!isoDate.safeParse(date).success) {
      problem(number, 'added-date', `"${date}" is not a date written YYYY-MM-DD`, 'write the date as YYYY-MM-DD, such as 2016-02-29', date);
      return;
    }
    if (title === '') {
      problem(number, 'added-title', 'the line has a date but no title', 'write the entry title after the tab', line);
      return;
    }

    // A title without letters or digits has no key, and is matched as written.
    const key = titleKey(title) || title;
    const known = byTitle.get(key);
    if (known === undefined || date < known.date) byTitle.set(key, { date, title, line: number });
  });
  return { byTitle, problems };
}
