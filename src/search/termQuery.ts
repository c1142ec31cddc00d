// Runs a query of plain index terms on a loaded lunr index with lunr's own scoring, without the
// objects that lunr.Index.query allocates for every matching field of every entry.
import { indexInternals } from './lunrInternals.ts';
import { lunr } from './lunrPipeline.ts';

/** A matched entry: its lunr ref, its score, and the metadata of each index term in each field. */
export interface TermQueryResult {
  ref: string;
  score: number;
  /** `metadata[index term][field]`: the term's metadata (match positions) in that field of the entry, as in lunr's MatchData. */
  metadata: Record<string, Record<string, object>>;
}

interface Posting {
  _index: number;
  [field: string]: unknown;
}

/** A result while it is being scored: `fieldMask` has bit `i` set once `fields[i]` is scored. */
interface MatchedEntry extends TermQueryResult {
  fieldMask: number;
}

/**
 * Returns the entries of `index` that contain any of `clauses`' terms, with the score that
 * lunr 2.3.9's Index.query gives for clauses `{ term, boost, usePipeline: false }` over every
 * field, in no particular order. Each term must be listed once. Terms that the index does not
 * have are skipped. Throws a RangeError for an index of more than 31 fields.
 *
 * The score is the same number as lunr's, to the last bit, because it is computed the same way.
 * One query vector contains the boosts, built with lunr.Vector.upsert in clause order. Each matching
 * field is scored with lunr.Vector.similarity, and an entry's field scores are added in the order
 * in which lunr's loop over clauses, fields and postings first meets them.
 */
export function queryIndexTerms(index: lunr.Index, clauses: readonly (readonly [term: string, boost: number])[]): TermQueryResult[] {
  const { invertedIndex, fields } = indexInternals(index) as { invertedIndex: Record<string, Posting>; fields: string[] };
  if (fields.length > 31) throw new RangeError(`the index has ${fields.length} fields, and queryIndexTerms reads at most 31`);

  const queryVector = new lunr.Vector([]);
  for (const [term, boost] of clauses) {
    const posting = invertedIndex[term];
    if (posting !== undefined) queryVector.upsert(posting._index, boost, (a: number, b: number) => a + b);
  }

  const entries = new Map<string, MatchedEntry>();
  for (const [term] of clauses) {
    const posting = invertedIndex[term];
    if (posting === undefined) continue;

    for (let position = 0; position < fields.length; position += 1) {
      const field = fields[position]!;
      const byRef = posting[field] as Record<string, object> | undefined;
      if (byRef === undefined) continue;
      const vectors = cachedFieldVectors(index, field);
      const bit = 1 << position;

      for (const ref in byRef) {
        let entry = entries.get(ref);
        if (entry === undefined) {
          entry = { ref, score: 0, metadata: Object.create(null) as Record<string, Record<string, object>>, fieldMask: 0 };
          entries.set(ref, entry);
        }

        // Each field of an entry is scored once, when the loop first meets it, and added in that order.
        if ((entry.fieldMask & bit) === 0) {
          const vector = fieldVector(index, vectors, field, ref);
          const fieldScore = vector === undefined ? 0 : queryVector.similarity(vector);
          entry.score = entry.fieldMask === 0 ? fieldScore : entry.score + fieldScore;
          entry.fieldMask |= bit;
        }

        const byField = entry.metadata[term] ?? (entry.metadata[term] = Object.create(null) as Record<string, object>);
        byField[field] = byRef[ref]!;
      }
    }
  }

  return [...entries.values()];
}

/**
 * The field vectors that queries have looked up, by index, field and ref. A lookup by lunr's
 * `field/ref` key builds and hashes a new string for every match. The cache fills as queries
 * meet entries, so that the first query of a shard does not pay for all of its entries.
 */
const fieldVectorCache = new WeakMap<lunr.Index, Map<string, Record<string, lunr.Vector>>>();

/** Returns the cached vectors of `field` in `index`, by ref. */
function cachedFieldVectors(index: lunr.Index, field: string): Record<string, lunr.Vector> {
  let byField = fieldVectorCache.get(index);
  if (byField === undefined) {
    byField = new Map();
    fieldVectorCache.set(index, byField);
  }

  let byRef = byField.get(field);
  if (byRef === undefined) {
    byRef = Object.create(null) as Record<string, lunr.Vector>;
    byField.set(field, byRef);
  }
  return byRef;
}

/** Returns the vector of `field` in entry `ref` through `byRef`, its cache, or else under lunr.FieldRef's name `field/ref`. */
function fieldVector(index: lunr.Index, byRef: Record<string, lunr.Vector>, field: string, ref: string): lunr.Vector | undefined {
  let vector = byRef[ref];
  if (vector === undefined) {
    vector = (index as unknown as { fieldVectors: Record<string, lunr.Vector | undefined> }).fieldVectors[`${field}/${ref}`];
    if (vector !== undefined) byRef[ref] = vector;
  }
  return vector;
}
