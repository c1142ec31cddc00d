// A stable, locale-free order of strings for sorting that must not depend on the machine.

/** Compares two strings by UTF-16 code units, as `<` does: -1, 0 or 1. */
export function compareCodeUnits(a: string, b: string): number {
  if (a < b) return -1;
  if (a > b) return 1;
  return 0;
}
