// "Did you mean" suggestions: the known name nearest to a misspelt one.
import { closest, distance } from 'fastest-levenshtein';

/**
 * Returns the candidate nearest to `input` by edit distance (ignoring case), or undefined when
 * none is close: at most 2 edits, or a third of the input's length for longer names.
 */
export function suggest(input: string, candidates: readonly string[]): string | undefined {
  if (candidates.length === 0) return undefined;
  const lowered = input.toLowerCase();
  const exact = candidates.find((candidate) => candidate.toLowerCase() === lowered);
  if (exact !== undefined) return exact;

  const best = closest(lowered, candidates.map((candidate) => candidate.toLowerCase()));
  const index = candidates.findIndex((candidate) => candidate.toLowerCase() === best);
  const limit = Math.max(2, Math.floor(input.length / 3));
  return distance(lowered, best) <= limit ? candidates[index] : undefined;
}
