// Shrinks a serialised lunr index for download and restores the shape lunr.Index.load expects.

/** Decides whether the match position at `start` of a term in `field` of entry `ref` is kept. */
export type PositionPolicy = (field: string, ref: string, start: number) => boolean;

type Metadata = { position?: [number, number][] };
type Posting = Record<string, unknown> & { _index: number };

interface SerialisedIndex {
  fields: string[];
  invertedIndex: [string, Posting][];
  /** `[field/ref, [term index, score, term index, score, ...]]`. */
  fieldVectors: [string, number[]][];
  [key: string]: unknown;
}

/**
 * Significant digits kept of each term score in the field vectors. lunr's scores carry 15, which
 * were a third of the gzipped index of the shipped list. The quality queries meet every
 * expectation with two, as with 15.
 */
export const SCORE_DIGITS = 2;

/**
 * Returns a copy of lunr's `index.toJSON()` without the fields in which a term occurs in no entry,
 * without empty field vectors, and with the field-vector scores rounded to SCORE_DIGITS. It keeps
 * only the match positions `keep` accepts: the result list highlights the title and the snippet,
 * so positions elsewhere would be downloaded and never used.
 */
export function compactIndex(serialised: object, keep: PositionPolicy): object {
  const index = serialised as SerialisedIndex;

  const invertedIndex = index.invertedIndex.map(([term, posting]): [string, Posting] => {
    const compact: Posting = { _index: posting._index };

    for (const field of index.fields) {
      const byRef = posting[field] as Record<string, Metadata> | undefined;
      if (byRef === undefined || Object.keys(byRef).length === 0) continue;

      const kept: Record<string, Metadata> = {};
      for (const [ref, metadata] of Object.entries(byRef)) {
        const positions = (metadata.position ?? []).filter((position) => position && keep(field, ref, position[0]));
        kept[ref] = positions.length > 0 ? { position: positions } : {};
      }
      compact[field] = kept;
    }

    return [term, compact];
  });

  // A field without terms has an empty vector, which lunr never reads: queries score only the
  // fields that a term's posting names.
  const fieldVectors = index.fieldVectors
    .filter(([, vector]) => vector.length > 0)
    .map(([key, vector]): [string, number[]] => [key, vector.map((value, position) => (position % 2 === 1 ? roundScore(value) : value))]);

  return { ...index, invertedIndex, fieldVectors };
}

/** Rounds a positive score to SCORE_DIGITS significant digits. */
function roundScore(score: number): number {
  return score > 0 ? Number(score.toPrecision(SCORE_DIGITS)) : score;
}

/**
 * Restores the empty per-field postings that compactIndex removed, in place, so that
 * lunr.Index.load and lunr's query code find every field of every term. Returns its argument.
 */
export function expandIndex(compact: object): object {
  const index = compact as SerialisedIndex;
  for (const [, posting] of index.invertedIndex) {
    for (const field of index.fields) {
      if (posting[field] === undefined) posting[field] = {};
    }
  }
  return index;
}
