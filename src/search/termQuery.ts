// Runs queries on a loaded lunr index with lunr's own scoring, without the objects that
// lunr.Index.query allocates for every matching field of every entry.
import { indexInternals, Query, TokenSet } from './lunrInternals.ts';
import { lunr } from './lunrPipeline.ts';

/** Match metadata as in lunr's MatchData: `metadata[index term][field]` is the term's metadata (match positions) in that field. */
export type MatchMetadata = Record<string, Record<string, object>>;

/** A matched entry: its lunr ref, its score, and the index terms it matched in which fields. */
export interface ScoredEntry {
  ref: string;
  score: number;
  /** The index terms the entry matched, in the order in which the query met them. */
  terms: string[];
  /** For each of `terms`, the fields it matched in: bit `i` is the index's field `i`. */
  termFields: number[];
  /** The fields the entry matched in: the union of `termFields`. */
  fieldMask: number;
  /** The index the entry belongs to; matchMetadata reads the match positions from it. */
  index: lunr.Index;
  /** The metadata, when lunr.Index.query produced the entry instead of this module. */
  metadata?: MatchMetadata;
}

/** lunr 2.3.9's clause as Index.query reads it; @types/lunr does not declare `presence`. */
type LunrClause = lunr.Query.Clause & { presence?: lunr.Query.presence };

interface Posting {
  _index: number;
  [field: string]: unknown;
}

/** A clause with its index terms found: the same work as lunr's Index.query before it scores. */
interface ExpandedClause {
  /** The index terms, in the order in which lunr's loop over pipeline terms and token-set expansions meets them. */
  terms: string[];
  /** Positions of the clause's fields in the index's field list. */
  fields: number[];
  boost: number;
  presence: lunr.Query.presence;
}

/**
 * Returns the entries of `index` that contain any of `clauses`' terms, with the score that lunr
 * 2.3.9's Index.query gives for clauses `{ term, boost, usePipeline: false }` over every field, in
 * the order in which the query first met them. Each term must be listed once. Terms that the
 * index does not have are skipped. matchMetadata reads an entry's match metadata when it is
 * needed. Throws a RangeError for an index of more than 31 fields.
 */
export function scoreIndexTerms(index: lunr.Index, clauses: readonly (readonly [term: string, boost: number])[]): ScoredEntry[] {
  const { invertedIndex, fields } = internals(index);
  const allFields = fields.map((_, position) => position);
  const expanded: ExpandedClause[] = [];
  for (const [term, boost] of clauses) {
    if (Object.hasOwn(invertedIndex, term)) expanded.push({ terms: [term], fields: allFields, boost, presence: lunr.Query.presence.OPTIONAL });
  }
  return scoreClauses(index, expanded);
}

/**
 * Runs `clauses`, parsed lunr query clauses, on `index` with the scores, matched terms and
 * filtering of lunr 2.3.9's Index.query: presence (`+`, `-`), fields (`title:`), boosts,
 * wildcards, edit distances and the index's search pipeline. Returns the entries in the order of
 * Index.query's results before it sorts them by score, so that a stable sort by score gives its
 * order. Returns undefined for the two queries that lunr runs in another way. For a query of
 * only prohibited clauses, lunr returns every entry that none of them matches. For a required
 * clause that the pipeline turns into no term, lunr throws a TypeError. Throws a RangeError for
 * an index of more than 31 fields.
 */
export function queryClauses(index: lunr.Index, clauses: readonly lunr.Query.Clause[]): ScoredEntry[] | undefined {
  const { fields } = internals(index);

  // lunr.Query.clause fills in the defaults that Index.query reads (fields, boost, usePipeline, presence).
  const query = new Query(fields);
  for (const clause of clauses) query.clause({ ...clause });
  const normalised = query.clauses as LunrClause[];
  if (normalised.every((clause) => clause.presence === lunr.Query.presence.PROHIBITED)) return undefined;

  // @types/lunr declares runString with one parameter; lunr 2.3.9 passes the second to the token's metadata.
  const pipeline = (index as unknown as { pipeline: { runString(text: string, metadata: object): string[] } }).pipeline;
  const expanded: ExpandedClause[] = [];
  for (const clause of normalised) {
    const presence = clause.presence ?? lunr.Query.presence.OPTIONAL;
    const pipelineTerms = clause.usePipeline === false ? [clause.term] : pipeline.runString(clause.term, { fields: clause.fields });
    if (pipelineTerms.length === 0 && presence === lunr.Query.presence.REQUIRED) return undefined;

    const terms: string[] = [];
    for (const term of pipelineTerms) {
      const expansion = expandTerm(index, term, clause);
      // A required term that the index lacks leaves lunr's set of required entries empty.
      if (expansion.length === 0 && presence === lunr.Query.presence.REQUIRED) return [];
      terms.push(...expansion);
    }
    const fieldPositions = (clause.fields ?? fields).map((field) => fields.indexOf(field));
    expanded.push({ terms, fields: fieldPositions, boost: clause.boost ?? 1, presence });
  }
  return scoreClauses(index, expanded);
}

/** Returns the metadata of `entry`'s matches, as lunr's MatchData stores it. The objects belong to the index: do not change them. */
export function matchMetadata(entry: ScoredEntry): MatchMetadata {
  if (entry.metadata !== undefined) return entry.metadata;

  const { invertedIndex, fields } = internals(entry.index);
  const metadata = Object.create(null) as MatchMetadata;
  entry.terms.forEach((term, position) => {
    const posting = invertedIndex[term]!;
    const byField = Object.create(null) as Record<string, object>;
    const mask = entry.termFields[position]!;
    fields.forEach((field, fieldPosition) => {
      if ((mask & (1 << fieldPosition)) !== 0) byField[field] = (posting[field] as Record<string, object>)[entry.ref]!;
    });
    metadata[term] = byField;
  });
  return metadata;
}

/**
 * Returns the match positions (`[start, length]`) of every term that `entry` matched in `field`,
 * term by term, as matchMetadata's `position` lists hold them. The arrays belong to the index: do not change them.
 */
export function matchPositions(entry: ScoredEntry, field: string): (readonly [number, number])[] {
  const positions: (readonly [number, number])[] = [];
  if (entry.metadata !== undefined) {
    for (const term in entry.metadata) {
      const found = (entry.metadata[term]![field] as { position?: [number, number][] } | undefined)?.position;
      if (found !== undefined) positions.push(...found);
    }
    return positions;
  }

  const { invertedIndex, fields } = internals(entry.index);
  const bit = 1 << fields.indexOf(field);
  if ((entry.fieldMask & bit) === 0) return positions;
  for (let position = 0; position < entry.terms.length; position += 1) {
    if ((entry.termFields[position]! & bit) === 0) continue;
    const byRef = invertedIndex[entry.terms[position]!]![field] as Record<string, { position?: [number, number][] }>;
    const found = byRef[entry.ref]!.position;
    if (found !== undefined) for (const mark of found) positions.push(mark);
  }
  return positions;
}

function internals(index: lunr.Index): { invertedIndex: Record<string, Posting>; fields: string[] } {
  const { invertedIndex, fields } = indexInternals(index) as { invertedIndex: Record<string, Posting>; fields: string[] };
  if (fields.length > 31) throw new RangeError(`the index has ${fields.length} fields, and this module reads at most 31`);
  return { invertedIndex, fields };
}

/**
 * Scores expanded clauses as lunr 2.3.9's Index.query does, to the last bit. Each field has one
 * query vector, built with lunr.Vector.upsert in clause order. Each matching field of an entry
 * gets lunr.Vector.similarity's number (see addDotProducts). An entry's field scores are added in
 * the order in which lunr's loop over clauses, terms, fields and postings first meets them.
 */
function scoreClauses(index: lunr.Index, clauses: readonly ExpandedClause[]): ScoredEntry[] {
  const { invertedIndex, fields } = internals(index);
  const compiled = compiledIndex(index);
  const { PROHIBITED, REQUIRED } = lunr.Query.presence;

  const queryVectors = fieldQueryVectors(invertedIndex, fields.length, clauses);

  // Compiling a posting can number new entries, so every posting is compiled before the arrays by entry number are sized.
  const postings = clauses.map((clause) => clause.terms.map((term) => compiledPosting(index, compiled, term)));
  const entryCount = compiled.refs.length;

  let requiredClauses = 0;
  let requiredHits: Int32Array | undefined;
  let lastRequiredClause: Int32Array | undefined;
  let prohibited: Uint8Array | undefined;

  const results: ScoredEntry[] = [];
  /** For each entry number, its position in `results` plus one, or 0: reused from the last query, which left it zeroed. */
  if (compiled.slots.length < entryCount) compiled.slots = new Int32Array(entryCount);
  const slots = compiled.slots;
  if (compiled.dots.length < entryCount * fields.length) compiled.dots = new Float64Array(entryCount * fields.length);
  const dots = compiled.dots;
  addDotProducts(dots, fields.length, queryVectors, clauses, postings);
  /** The fields already collected for each index term, as lunr's termFieldCache records them. */
  const collected = new Map<string, number>();

  for (let clauseNumber = 0; clauseNumber < clauses.length; clauseNumber += 1) {
    const clause = clauses[clauseNumber]!;
    if (clause.presence === REQUIRED) {
      requiredClauses += 1;
      requiredHits ??= new Int32Array(entryCount);
      lastRequiredClause ??= new Int32Array(entryCount);
    } else if (clause.presence === PROHIBITED) {
      prohibited ??= new Uint8Array(entryCount);
    }

    for (let termNumber = 0; termNumber < clause.terms.length; termNumber += 1) {
      const term = clause.terms[termNumber]!;
      const posting = postings[clauseNumber]![termNumber]!;
      for (const field of clause.fields) {
        const entries = posting.entries[field];
        if (entries === undefined) continue;

        if (clause.presence === PROHIBITED) {
          for (const entry of entries) prohibited![entry] = 1;
          continue;
        }
        if (clause.presence === REQUIRED) {
          // lunr counts an entry once per clause, whichever of the clause's terms and fields it matches.
          for (const entry of entries) {
            if (lastRequiredClause![entry] !== clauseNumber + 1) {
              lastRequiredClause![entry] = clauseNumber + 1;
              requiredHits![entry] = requiredHits![entry]! + 1;
            }
          }
        }

        const bit = 1 << field;
        const seen = collected.get(term) ?? 0;
        if ((seen & bit) !== 0) continue;
        collected.set(term, seen | bit);
        collectField(results, slots, compiled.refs, index, term, bit, entries, dots, fields.length, field, queryVectors[field]!.magnitude());
      }
    }
  }

  slots.fill(0, 0, entryCount);
  if (requiredHits === undefined && prohibited === undefined) return results;
  return results.filter((result) => {
    const entry = compiled.numbers.get(result.ref)!;
    return (requiredHits === undefined || requiredHits[entry] === requiredClauses) && (prohibited === undefined || prohibited[entry] === 0);
  });
}

/**
 * Returns the query vector of each field position: the clauses' boosts by term index, added with
 * lunr.Vector.upsert in clause order as Index.query adds them. When every clause that is not
 * prohibited searches every field, the fields' vectors are equal, and one vector serves them all.
 */
function fieldQueryVectors(invertedIndex: Record<string, Posting>, fieldCount: number, clauses: readonly ExpandedClause[]): lunr.Vector[] {
  const add = (a: number, b: number) => a + b;
  const scored = clauses.filter((clause) => clause.presence !== lunr.Query.presence.PROHIBITED);

  if (scored.every((clause) => clause.fields.length === fieldCount)) {
    const vector = new lunr.Vector([]);
    for (const clause of scored) {
      for (const term of clause.terms) vector.upsert(invertedIndex[term]!._index, clause.boost, add);
    }
    return new Array<lunr.Vector>(fieldCount).fill(vector);
  }

  const vectors: lunr.Vector[] = [];
  for (const clause of scored) {
    for (const term of clause.terms) {
      const termIndex = invertedIndex[term]!._index;
      for (const field of clause.fields) {
        const vector = vectors[field] ?? (vectors[field] = new lunr.Vector([]));
        vector.upsert(termIndex, clause.boost, add);
      }
    }
  }
  return vectors;
}

/**
 * Adds to `dots` the dot product of each query vector with the field vectors of the entries that
 * the clauses meet. lunr.Vector.dot adds the products of the term indexes that both vectors have,
 * in ascending order of term index, starting from 0. Here each field's query terms are taken in
 * that order. A term's posting lists exactly the entries whose field vector has the term, with
 * its weight, so each entry's sum adds the same products in the same order. Reading the weights
 * from the compiled postings saves a search through every field vector.
 */
function addDotProducts(
  dots: Float64Array,
  fieldCount: number,
  queryVectors: readonly lunr.Vector[],
  clauses: readonly ExpandedClause[],
  postings: readonly CompiledPosting[][],
): void {
  const byTermIndex = new Map<number, CompiledPosting>();
  clauses.forEach((clause, clauseNumber) => {
    if (clause.presence === lunr.Query.presence.PROHIBITED) return;
    for (const posting of postings[clauseNumber]!) byTermIndex.set(posting.termIndex, posting);
  });

  for (let field = 0; field < fieldCount; field += 1) {
    const queryVector = queryVectors[field];
    if (queryVector === undefined) continue;
    const elements = (queryVector as unknown as { elements: number[] }).elements;
    for (let element = 0; element < elements.length; element += 2) {
      const posting = byTermIndex.get(elements[element]!)!;
      const entries = posting.entries[field];
      if (entries === undefined) continue;
      const weights = posting.weights[field]!;
      const boost = elements[element + 1]!;
      for (let position = 0; position < entries.length; position += 1) {
        const at = entries[position]! * fieldCount + field;
        dots[at] = dots[at]! + boost * weights[position]!;
      }
    }
  }
}

/** Adds the entries of one term's posting in one field to `results`, scoring the field of each entry the first time it is met. */
function collectField(
  results: ScoredEntry[],
  slots: Int32Array,
  refs: readonly string[],
  index: lunr.Index,
  term: string,
  bit: number,
  entries: Int32Array,
  dots: Float64Array,
  fieldCount: number,
  field: number,
  magnitude: number,
): void {
  for (let position = 0; position < entries.length; position += 1) {
    const entry = entries[position]!;
    const slot = slots[entry]!;
    let result: ScoredEntry;
    if (slot === 0) {
      result = { ref: refs[entry]!, score: 0, terms: [term], termFields: [bit], fieldMask: 0, index };
      results.push(result);
      slots[entry] = results.length;
    } else {
      result = results[slot - 1]!;
      addTermField(result, term, bit);
    }

    if ((result.fieldMask & bit) === 0) {
      // lunr.Vector.similarity: the dot product over the query's magnitude, or 0 for NaN.
      const at = entry * fieldCount + field;
      const fieldScore = dots[at]! / magnitude || 0;
      dots[at] = 0;
      result.score = result.fieldMask === 0 ? fieldScore : result.score + fieldScore;
      result.fieldMask |= bit;
    }
  }
}

/** Returns the value of `termIndex` in `vector`, or 0 when the vector does not have it. */
function vectorWeight(vector: lunr.Vector, termIndex: number): number {
  const elements = (vector as unknown as { elements: number[] }).elements;
  let low = 0;
  let high = (elements.length >> 1) - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const value = elements[2 * middle]!;
    if (value < termIndex) {
      low = middle + 1;
    } else if (value > termIndex) {
      high = middle - 1;
    } else {
      return elements[2 * middle + 1]!;
    }
  }
  return 0;
}

/** Records that `result` matched `term` in the field of `bit`. A term usually repeats the last one met, in its next field. */
function addTermField(result: ScoredEntry, term: string, bit: number): void {
  const last = result.terms.length - 1;
  if (result.terms[last] === term) {
    result.termFields[last]! |= bit;
    return;
  }
  const position = result.terms.indexOf(term);
  if (position >= 0) {
    result.termFields[position] = result.termFields[position]! | bit;
  } else {
    result.terms.push(term);
    result.termFields.push(bit);
  }
}

/**
 * An index's postings as typed arrays. Entries are numbered in the order in which postings first
 * list them, so that a query can keep its state in arrays instead of maps keyed by ref.
 */
interface CompiledIndex {
  numbers: Map<string, number>;
  /** Scratch space of scoreClauses, one number per entry, zero between queries. */
  slots: Int32Array;
  /** Scratch space of scoreClauses: the dot product of each entry's field vector, at `entry * fields + field`, zero between queries. */
  dots: Float64Array;
  refs: string[];
  postings: Map<string, CompiledPosting>;
}

/**
 * One term's posting: for each field position, the entry numbers in lunr's order, and the term's
 * weight in each entry's field vector (NaN when the entry has no vector for the field).
 */
interface CompiledPosting {
  termIndex: number;
  entries: (Int32Array | undefined)[];
  weights: (Float64Array | undefined)[];
}

const compiledIndexes = new WeakMap<lunr.Index, CompiledIndex>();

/** Postings compiled per index before the cache starts again: a guess at more terms than a session's queries meet. */
const MAX_COMPILED_POSTINGS = 20_000;

function compiledIndex(index: lunr.Index): CompiledIndex {
  let compiled = compiledIndexes.get(index);
  if (compiled === undefined) {
    compiled = { numbers: new Map(), refs: [], postings: new Map(), slots: new Int32Array(0), dots: new Float64Array(0) };
    compiledIndexes.set(index, compiled);
  }
  return compiled;
}

/** Returns `term`'s posting in `index` as entry numbers and weights, compiling it on first use. */
function compiledPosting(index: lunr.Index, compiled: CompiledIndex, term: string): CompiledPosting {
  let posting = compiled.postings.get(term);
  if (posting !== undefined) return posting;

  const { invertedIndex, fields } = internals(index);
  const fieldVectors = (index as unknown as { fieldVectors: Record<string, lunr.Vector | undefined> }).fieldVectors;
  const source = invertedIndex[term]!;
  posting = { termIndex: source._index, entries: [], weights: [] };
  fields.forEach((field, fieldPosition) => {
    const byRef = source[field] as Record<string, object> | undefined;
    if (byRef === undefined) return;

    // Object.keys gives the order of lunr's own loop over the posting.
    const refs = Object.keys(byRef);
    const entries = new Int32Array(refs.length);
    const weights = new Float64Array(refs.length);
    refs.forEach((ref, position) => {
      let number = compiled.numbers.get(ref);
      if (number === undefined) {
        number = compiled.refs.length;
        compiled.numbers.set(ref, number);
        compiled.refs.push(ref);
      }
      entries[position] = number;
      const vector = fieldVectors[`${field}/${ref}`];
      weights[position] = vector === undefined ? Number.NaN : vectorWeight(vector, source._index);
    });
    posting.entries[fieldPosition] = entries;
    posting.weights[fieldPosition] = weights;
  });

  if (compiled.postings.size >= MAX_COMPILED_POSTINGS) compiled.postings.clear();
  compiled.postings.set(term, posting);
  return posting;
}

/** Token-set expansions of wildcard and fuzzy terms per index, because each keystroke repeats the words before it. */
const expansionCache = new WeakMap<lunr.Index, Map<string, string[]>>();
const EXPANSION_CACHE_SIZE = 200;

/**
 * Returns the index terms that `term` matches under `clause`'s wildcards and edit distance, in
 * the order of lunr's TokenSet.toArray, as Index.query expands it.
 */
function expandTerm(index: lunr.Index, term: string, clause: lunr.Query.Clause): string[] {
  const fuzzy = 'editDistance' in clause;
  if (!fuzzy && !term.includes('*')) return Object.hasOwn(internals(index).invertedIndex, term) ? [term] : [];

  let cache = expansionCache.get(index);
  if (cache === undefined) {
    cache = new Map();
    expansionCache.set(index, cache);
  }
  const key = `${fuzzy ? String(clause.editDistance) : '*'}:${term}`;
  let expansion = cache.get(key);
  if (expansion === undefined) {
    const tokenSet = fuzzy ? TokenSet.fromFuzzyString(term, clause.editDistance!) : TokenSet.fromString(term);
    expansion = indexInternals(index).tokenSet.intersect(tokenSet).toArray();
    if (cache.size >= EXPANSION_CACHE_SIZE) cache.clear();
    cache.set(key, expansion);
  }
  return expansion;
}
