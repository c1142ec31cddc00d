// Shrinks a serialised lunr index for download and restores the shape lunr.Index.load expects.

/** Decides whether the match position at `start` of a term in `field` of entry `ref` is kept. */
export type PositionPolicy = (field: string, ref: string, start: number) => boolean;

type Metadata = { position?: [number, number][] };
type Posting = Record<string, unknown> & { _index: number };

interface SerialisedIndex {
  fields: string[];
  invertedIndex: [string, Posting][];
  [key: string]: unknown;
}

/**
 * Returns a copy of lunr's `index.toJSON()` without the fields in which a term occurs in no entry
 * and with only the match positions `keep` accepts: the result list highlights the title and
 * the snippet, so positions elsewhere would be downloaded and never used.
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

  return { ...index, invertedIndex };
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
