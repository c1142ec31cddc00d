// The `order` of an entry added at the end of a section.
import type { CatalogSection } from '../catalog/types.ts';

/**
 * Returns the order that places a new entry after every entry of `section`: one more than the
 * largest order there, or 1 in an empty section, because orders count from 1 as the imported
 * content does. Returns undefined when some entry of the section
 * has no order: entries without one sort after those with one, so the new entry gets none either
 * and sorts by its `added` date among them.
 */
export function nextOrder(section: CatalogSection): number | undefined {
  let largest = 0;
  for (const entry of section.entries) {
    const order = entry.section === section
      ? entry.data.order
      : entry.data.also?.find((placement) => placement.category === section.path)?.order;
    if (order === undefined) return undefined;
    largest = Math.max(largest, order);
  }
  return largest + 1;
}
