// Checks the section tree of a list file: section ids unique among siblings, and every section
// path listed for the checks of entries' `category` and `also`.
import type { ListData, SectionData } from '../../schemas/list.ts';
import type { Problem } from '../problems/problem.ts';
import type { Frontmatter } from '../read/rawDocument.ts';
import { formatFieldPath, locateField, type FieldPath } from './locateField.ts';

/** Returns every section path of the tree, depth first in document order. */
export function sectionPaths(list: Pick<ListData, 'sections'>): string[] {
  const paths: string[] = [];
  const walk = (sections: readonly SectionData[], prefix: string) => {
    for (const section of sections) {
      const sectionPath = prefix === '' ? section.id : `${prefix}/${section.id}`;
      paths.push(sectionPath);
      if (section.sections) walk(section.sections, sectionPath);
    }
  };
  walk(list.sections, '');
  return paths;
}

/**
 * Returns the section paths of a list file's frontmatter data before schema validation, in
 * document order without repeats, or undefined when it has no section with a text id. Sections
 * without a text id are skipped with their subsections. Used to check entries against a list
 * file that has errors of its own.
 */
export function writtenSectionPaths(data: unknown): string[] | undefined {
  const sections = typeof data === 'object' && data !== null ? (data as { sections?: unknown }).sections : undefined;
  if (!Array.isArray(sections)) return undefined;

  const paths = new Set<string>();
  const walk = (items: unknown, prefix: string) => {
    if (!Array.isArray(items)) return;
    for (const item of items) {
      const id = typeof item === 'object' && item !== null ? (item as { id?: unknown }).id : undefined;
      if (typeof id !== 'string' || id.trim() === '') continue;
      const sectionPath = prefix === '' ? id.trim() : `${prefix}/${id.trim()}`;
      paths.add(sectionPath);
      walk((item as { sections?: unknown }).sections, sectionPath);
    }
  };
  walk(sections, '');
  // With no section at all, every entry would be reported: the list file's problem is enough.
  return paths.size > 0 ? [...paths] : undefined;
}

/**
 * Reports each section whose id repeats that of an earlier sibling, at the repeated id. Takes the
 * frontmatter data before schema validation, so that the check also runs on a list with other
 * errors. Sections without a text id are skipped, because the schema reports them.
 */
export function checkSectionTree(data: unknown, file: string, frontmatter: Frontmatter | undefined): Problem[] {
  const problems: Problem[] = [];

  const walk = (sections: unknown, fieldPath: FieldPath, prefix: string) => {
    if (!Array.isArray(sections)) return;
    const seen = new Map<string, number>();
    sections.forEach((item: unknown, index) => {
      if (typeof item !== 'object' || item === null || typeof (item as { id?: unknown }).id !== 'string') return;
      const section = item as { id: string; sections?: unknown };
      const here = [...fieldPath, index];
      const first = seen.get(section.id);
      if (first !== undefined) {
        const idPath = [...here, 'id'];
        const location = locateField(frontmatter, idPath);
        const firstLocation = locateField(frontmatter, [...fieldPath, first, 'id']);
        const sectionPath = prefix === '' ? section.id : `${prefix}/${section.id}`;
        problems.push({
          stage: 'validate',
          severity: 'error',
          code: 'duplicate-section-id',
          file,
          line: location.line,
          column: location.column,
          field: formatFieldPath(idPath),
          message: `the section id "${section.id}" is already used by a sibling section on line ${firstLocation.line}, so the path "${sectionPath}" would name two sections`,
          received: section.id,
          fix: `give one of the two sections another id, such as "${section.id}-2"`,
        });
      } else {
        seen.set(section.id, index);
      }
      walk(section.sections, [...here, 'sections'], prefix === '' ? section.id : `${prefix}/${section.id}`);
    });
  };
  if (typeof data === 'object' && data !== null) walk((data as { sections?: unknown }).sections, ['sections'], '');
  return problems;
}
