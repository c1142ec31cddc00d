// The order in which titles, terms and ids are shown: A to Z for people, stable for machines.
import { compareCodeUnits } from '../text/compareCodeUnits.ts';

const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });

/** Compares two texts for display order, ignoring case and accents, numbers by value. */
export function compareText(a: string, b: string): number {
  return collator.compare(a, b) || compareCodeUnits(a, b);
}
