// Finds the section a contributor names on the command line: by path, or by a unique id or title.
import type { CatalogList, CatalogSection } from '../catalog/types.ts';
import { slugify } from '../text/slug.ts';

/**
 * Returns the section of `list` named by `name`: its path (`activation-functions/relu`), or else
 * its id (`relu`) or title (`ReLU`) when exactly one section has it. Returns undefined otherwise.
 */
export function findSection(list: CatalogList, name: string): CatalogSection | undefined {
  const trimmed = name.trim().replace(/^\/+|\/+$/g, '');
  const byPath = list.sectionsByPath.get(trimmed);
  if (byPath !== undefined) return byPath;

  const sections = [...list.sectionsByPath.values()];
  const slug = slugify(trimmed, '');
  const lowered = trimmed.toLowerCase();
  const matches = sections.filter((section) => section.id === slug || section.title.toLowerCase() === lowered);
  return matches.length === 1 ? matches[0] : undefined;
}
