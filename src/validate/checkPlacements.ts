// Checks that each entry's `category` and `also` name sections of the entry's own list.
import { SECTION_PATH_PATTERN } from '../../schemas/fields.ts';
import type { Problem } from '../problems/problem.ts';
import type { RawDocument } from '../read/rawDocument.ts';
import { formatFieldPath, locateField, type FieldPath } from './locateField.ts';
import { suggest } from './suggest.ts';

/** The section paths of one list, in document order and as a set. */
export interface ListSectionPaths {
  paths: readonly string[];
  set: ReadonlySet<string>;
}

/**
 * Reports a `category` or `also[n].category` that is not a section path of the entry's list,
 * suggesting the nearest path of that list, or naming the other list that has such a section.
 * Takes the frontmatter data before schema validation, so that an entry with other errors is
 * checked too. A `category` that is not a section path in form is left to the schema.
 * `sectionsByList` contains every list whose sections could be read, even from a list file with
 * errors. An entry of a list without one is skipped.
 */
export function checkPlacements(
  raw: Pick<RawDocument, 'file' | 'frontmatter' | 'listId'>,
  data: unknown,
  sectionsByList: ReadonlyMap<string, ListSectionPaths>,
): Problem[] {
  const own = sectionsByList.get(raw.listId);
  if (own === undefined) return [];
  const { paths, set: pathSet } = own;

  // Most entries have one category of their own list and no "also": nothing to report.
  const { category, also } = placementsOf(data);
  if (also.length === 0 && (category === undefined || pathSet.has(category))) return [];

  const problems: Problem[] = [];
  const check = (category: string, fieldPath: FieldPath) => {
    // A path of the wrong form is reported by the schema.
    if (pathSet.has(category) || !SECTION_PATH_PATTERN.test(category)) return;
    const location = locateField(raw.frontmatter, fieldPath);
    const otherLists = [...sectionsByList].filter(([listId, other]) => listId !== raw.listId && other.set.has(category)).map(([listId]) => listId);
    const nearest = suggestPath(category, paths);

    let message = `unknown section "${category}" in the list "${raw.listId}"`;
    if (otherLists.length > 0) message += `: that section belongs to the list "${otherLists.join('", "')}"`;
    let fix: string;
    if (nearest !== undefined) fix = `did you mean "${nearest}"?`;
    else if (otherLists.length > 0) fix = `move the file into content/${otherLists[0]}/, or choose a section of "${raw.listId}" from its _list.md`;
    else fix = `use one of the section paths of content/${raw.listId}/_list.md, such as "${paths[0] ?? ''}"`;

    problems.push({
      stage: 'validate',
      severity: 'error',
      code: otherLists.length > 0 ? 'section-of-other-list' : 'unknown-section',
      file: raw.file,
      line: location.line,
      column: location.column,
      field: formatFieldPath(fieldPath),
      message,
      received: category,
      fix,
    });
  };

  const reportRepeat = (position: number, placement: string, message: string, fix: string) => {
    const fieldPath: FieldPath = ['also', position, 'category'];
    const location = locateField(raw.frontmatter, fieldPath);
    problems.push({
      stage: 'validate',
      severity: 'error',
      code: 'repeated-placement',
      file: raw.file,
      line: location.line,
      column: location.column,
      field: formatFieldPath(fieldPath),
      message,
      received: placement,
      fix,
    });
  };

  if (category !== undefined) check(category, ['category']);
  also.forEach((placement, position) => {
    if (placement === undefined) return;
    check(placement, ['also', position, 'category']);
    if (placement === category) {
      reportRepeat(position, placement, `the section "${placement}" is already the entry's category`, 'remove this item from "also"');
    }
  });

  const seen = new Set<string>();
  also.forEach((placement, position) => {
    if (placement === undefined) return;
    if (seen.has(placement)) {
      reportRepeat(position, placement, `the section "${placement}" is listed twice under "also"`, 'remove one of the two items');
    }
    seen.add(placement);
  });
  return problems;
}

/** Picks `category` and each `also[n].category` that is text out of unvalidated frontmatter data. */
function placementsOf(data: unknown): { category: string | undefined; also: (string | undefined)[] } {
  if (typeof data !== 'object' || data === null) return { category: undefined, also: [] };
  const record = data as { category?: unknown; also?: unknown };
  const category = typeof record.category === 'string' ? record.category.trim() : undefined;
  const also = Array.isArray(record.also)
    ? record.also.map((item: unknown) => {
        const value = typeof item === 'object' && item !== null ? (item as { category?: unknown }).category : undefined;
        return typeof value === 'string' ? value.trim() : undefined;
      })
    : [];
  return { category, also };
}

/** Suggestions already computed, by list of paths and category: a renamed section is often named by many entries. */
const suggestions = new WeakMap<readonly string[], Map<string, string | undefined>>();

/** Suggests the nearest section path, comparing whole paths and, failing that, the last id alone. */
function suggestPath(category: string, paths: readonly string[]): string | undefined {
  let known = suggestions.get(paths);
  if (known === undefined) {
    known = new Map();
    suggestions.set(paths, known);
  }
  if (known.has(category)) return known.get(category);

  const suggestion = nearestPath(category, paths);
  known.set(category, suggestion);
  return suggestion;
}

function nearestPath(category: string, paths: readonly string[]): string | undefined {
  const whole = suggest(category, paths);
  if (whole !== undefined) return whole;

  const lastId = category.split('/').pop() ?? category;
  const byLastId = paths.filter((path) => path.split('/').pop() === lastId);
  if (byLastId.length === 1) return byLastId[0];
  return undefined;
}
