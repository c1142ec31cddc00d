// Builds the compact serialised lunr index of a set of documents in one pass: the JSON text of
// what lunr.Builder, `index.toJSON()` and compactIndex give together, without lunr's per-token
// objects. lunr stays the engine that loads and queries it (lunr.Index.load after expandIndex).
import { lunr, QUERY_TERM_LABEL, stemTerm } from './lunrPipeline.ts';
import { SCORE_DIGITS } from './compactIndex.ts';
import { JsonBytes } from './jsonBytes.ts';
import type { SearchField } from './searchFields.ts';
import { tokenize, type TextToken } from './tokenize.ts';

/**
 * Returns the offset in `field` of document `ref` below which match positions are kept: 0 keeps
 * none, Infinity keeps all. A compactIndex PositionPolicy that keeps a position when its start
 * is below this limit makes the same choice.
 */
export type PositionLimit = (field: string, ref: string) => number;

/** A document to index: its lunr ref and the text of each field. */
export type IndexedDocument = { ref: string } & Record<string, string>;

/** lunr 2.3.9's default BM25 parameters, which the project's lunr.Builder never changes. */
const K1 = 1.2;
const B = 0.75;

/** One document that contains a term in one field. */
interface Posting {
  term: Term;
  document: number;
  /** Occurrences of the term in the field of the document. */
  frequency: number;
  /** Kept match positions as `start, length` pairs; undefined when none is kept. */
  positions: number[] | undefined;
}

/** A term of the index, with its postings and the state of the field being read. */
interface Term {
  /** The term's number in the vector space: lunr numbers terms in the order they first occur. */
  index: number;
  /** By field number: the documents with the term in that field, in document order. */
  postings: (Posting[] | undefined)[];
  /** The (field, document) pairs that contain the term, which lunr.idf counts. */
  fieldDocuments: number;
  /** The number of the field being read when this term last occurred in it. */
  seenIn: number;
  /** The posting of the field being read. */
  current: Posting | undefined;
  /** lunr.idf of the term, computed once every document is read. */
  idf: number | undefined;
}

/** The terms of one field of one document, for its field vector. */
interface FieldTerms {
  key: string;
  boost: number;
  field: number;
  length: number;
  /** The postings of the field's terms in this document, by term index. */
  postings: Posting[];
}

const COMMA = 0x2c;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const CLOSE_BRACE = 0x7d;

/** JSON text of scores as lunr rounds them (to thousandths) and then as compactIndex does, by thousandths. */
const scoreTexts = new Map<number, string>();

/**
 * Builds the index of `documents` over `fields` (with their boosts) and returns the JSON text
 * that JSON.stringify(compactIndex(index.toJSON(), policy)) gives for a lunr.Builder configured
 * by configureBuilder: the same terms, term numbers, postings, match positions (those below
 * `keepBelow`), idf and BM25 field vectors, scores rounded to thousandths as lunr does and then
 * to SCORE_DIGITS significant digits, and the same key order. Every document needs a distinct
 * ref; a missing field is indexed as empty text.
 */
export function buildCompactIndexJson(documents: readonly IndexedDocument[], fields: readonly SearchField[], keepBelow: PositionLimit): string {
  const out = new JsonBytes();
  writeCompactIndex(out, documents, fields, keepBelow);
  return out.toString();
}

/** Appends the JSON text of buildCompactIndexJson to `out`, as UTF-8. */
export function writeCompactIndex(out: JsonBytes, documents: readonly IndexedDocument[], fields: readonly SearchField[], keepBelow: PositionLimit): void {
  const terms = new Map<string, Term>();
  // By token term: the terms the index pipeline makes of it (the stem, then the word when the two differ).
  const pipelineTerms = new Map<string, Term[]>();
  const termOf = (text: string): Term => {
    let term = terms.get(text);
    if (term === undefined) {
      term = { index: terms.size, postings: new Array(fields.length).fill(undefined), fieldDocuments: 0, seenIn: -1, current: undefined, idf: undefined };
      terms.set(text, term);
    }
    return term;
  };

  const fieldTerms: FieldTerms[] = [];
  const lengthSums = new Array<number>(fields.length).fill(0);
  // Field texts repeat (an entry's section titles, shared keywords), so each is tokenised once.
  const tokenCache = new Map<string, TextToken[]>();
  let reading = 0;

  documents.forEach((document, documentNumber) => {
    fields.forEach((field, fieldNumber) => {
      const text = document[field.name] ?? '';
      let tokens = tokenCache.get(text);
      if (tokens === undefined) {
        tokens = tokenize(text);
        tokenCache.set(text, tokens);
      }
      if (tokens.length === 0) return;

      reading += 1;
      const limit = keepBelow(field.name, document.ref);
      const seen: Posting[] = [];
      let length = 0;

      for (const token of tokens) {
        let outputs = pipelineTerms.get(token.term);
        if (outputs === undefined) {
          const stem = stemTerm(token.term);
          outputs = stem === token.term ? [termOf(stem)] : [termOf(stem), termOf(token.term)];
          pipelineTerms.set(token.term, outputs);
        }

        const kept = token.start < limit;
        for (const term of outputs) {
          length += 1;
          let posting = term.current;
          if (term.seenIn !== reading || posting === undefined) {
            term.seenIn = reading;
            posting = { term, document: documentNumber, frequency: 0, positions: undefined };
            term.current = posting;
            (term.postings[fieldNumber] ??= []).push(posting);
            term.fieldDocuments += 1;
            seen.push(posting);
          }
          posting.frequency += 1;
          if (kept) (posting.positions ??= []).push(token.start, token.length);
        }
      }

      lengthSums[fieldNumber]! += length;
      if (!inIndexOrder(seen)) seen.sort((a, b) => a.term.index - b.term.index);
      fieldTerms.push({ key: `${field.name}/${document.ref}`, boost: field.boost || 1, field: fieldNumber, length, postings: seen });
    });
  });

  const refs = documents.map((document) => JSON.stringify(document.ref));
  const fieldNames = fields.map((field) => field.name);

  out.ascii('{"version":');
  out.string(lunr.version);
  out.ascii(',"fields":');
  out.json(JSON.stringify(fieldNames));
  out.ascii(',"fieldVectors":[');
  fieldTerms.forEach((entry, position) => {
    if (position > 0) out.byte(COMMA);
    writeFieldVector(out, entry, documents.length, lengthSums[entry.field]! / documents.length);
  });

  out.ascii('],"invertedIndex":[');
  const fieldKeys = fieldNames.map((name) => `,${JSON.stringify(name)}:{`);
  const order = documentKeyOrder(documents);
  [...terms.keys()].sort().forEach((text, position) => {
    const term = terms.get(text)!;
    if (position > 0) out.byte(COMMA);
    out.byte(OPEN_BRACKET);
    out.string(text);
    out.ascii(',{"_index":');
    out.integer(term.index);
    term.postings.forEach((postings, fieldNumber) => {
      if (postings === undefined) return;
      out.json(fieldKeys[fieldNumber]!);
      inKeyOrder(postings, order).forEach((posting, at) => {
        if (at > 0) out.byte(COMMA);
        out.json(refs[posting.document]!);
        if (posting.positions === undefined) out.ascii(':{}');
        else writePositions(out, posting.positions);
      });
      out.byte(CLOSE_BRACE);
    });
    out.ascii('}]');
  });

  out.ascii('],"pipeline":');
  out.json(JSON.stringify([QUERY_TERM_LABEL]));
  out.byte(CLOSE_BRACE);
}

/** Builds the index of buildCompactIndexJson as an object, as JSON.parse reads that text. */
export function buildCompactIndex(documents: readonly IndexedDocument[], fields: readonly SearchField[], keepBelow: PositionLimit): object {
  return JSON.parse(buildCompactIndexJson(documents, fields, keepBelow)) as object;
}

/**
 * Appends the JSON of the `[field/ref, [term index, score, ...]]` pair of one field, ordered by
 * term index, with the scores of lunr.Builder's createFieldVectors: BM25 with lunr.idf, times the
 * field boost, rounded as scoreText describes. The arithmetic follows lunr's order of operations
 * so that every score is the same double.
 */
function writeFieldVector(out: JsonBytes, entry: FieldTerms, documentCount: number, averageLength: number): void {
  out.byte(OPEN_BRACKET);
  out.string(entry.key);
  out.ascii(',[');
  const lengthNorm = K1 * (1 - B + B * (entry.length / averageLength));

  entry.postings.forEach(({ term, frequency }, position) => {
    term.idf ??= inverseDocumentFrequency(term.fieldDocuments, documentCount);
    let score = (term.idf * ((K1 + 1) * frequency)) / (lengthNorm + frequency);
    score *= entry.boost;
    if (position > 0) out.byte(COMMA);
    out.integer(term.index);
    out.byte(COMMA);
    out.ascii(scoreText(Math.round(score * 1000)));
  });
  out.ascii(']]');
}

/** Returns lunr.idf, the inverse document frequency of a term found in `fieldDocuments` of the (field, document) pairs. */
function inverseDocumentFrequency(fieldDocuments: number, documentCount: number): number {
  const x = (documentCount - fieldDocuments + 0.5) / (fieldDocuments + 0.5);
  return Math.log(1 + Math.abs(x));
}

/**
 * Returns the JSON text of `thousandths / 1000` (lunr's score) rounded to SCORE_DIGITS significant
 * digits when positive, as compactIndex rounds it. Scores repeat, so each is converted once.
 */
function scoreText(thousandths: number): string {
  let text = scoreTexts.get(thousandths);
  if (text === undefined) {
    const score = thousandths / 1000;
    text = JSON.stringify(score > 0 ? Number(score.toPrecision(SCORE_DIGITS)) : score);
    scoreTexts.set(thousandths, text);
  }
  return text;
}

/** Returns whether `postings` are in ascending term index order, as they mostly are because terms are numbered as they first occur. */
function inIndexOrder(postings: readonly Posting[]): boolean {
  for (let at = 1; at < postings.length; at += 1) {
    if (postings[at]!.term.index < postings[at - 1]!.term.index) return false;
  }
  return true;
}

/** Appends `:{"position":[[start,length],...]}` for `positions`, a flat list of `start, length` pairs. */
function writePositions(out: JsonBytes, positions: readonly number[]): void {
  out.ascii(':{"position":[');
  for (let at = 0; at < positions.length; at += 2) {
    if (at > 0) out.byte(COMMA);
    out.byte(OPEN_BRACKET);
    out.integer(positions[at]!);
    out.byte(COMMA);
    out.integer(positions[at + 1]!);
    out.byte(CLOSE_BRACKET);
  }
  out.ascii(']}');
}

/**
 * Returns, for each document, its rank in the order in which a JavaScript object lists keys: refs
 * that are array indices (`0`, `10`) first in numeric order, then the others in document order.
 * The postings of lunr's index are objects keyed by ref, so JSON lists them in this order.
 */
function documentKeyOrder(documents: readonly IndexedDocument[]): number[] {
  const numbers = documents.map((document, position) => ({ position, index: arrayIndex(document.ref) }));
  const sorted = [...numbers].sort((a, b) => {
    if (a.index !== undefined && b.index !== undefined) return a.index - b.index;
    if (a.index !== undefined) return -1;
    if (b.index !== undefined) return 1;
    return a.position - b.position;
  });
  const rank = new Array<number>(documents.length);
  sorted.forEach(({ position }, order) => (rank[position] = order));
  return rank;
}

/** Returns `postings` sorted by `rank` of their documents, or `postings` itself when already in that order. */
function inKeyOrder(postings: Posting[], rank: readonly number[]): Posting[] {
  for (let at = 1; at < postings.length; at += 1) {
    if (rank[postings[at]!.document]! < rank[postings[at - 1]!.document]!) {
      return [...postings].sort((a, b) => rank[a.document]! - rank[b.document]!);
    }
  }
  return postings;
}

/** Returns the number that `key` names when it is an array index (a canonical integer below 2^32 - 1), otherwise undefined. */
function arrayIndex(key: string): number | undefined {
  if (!/^(?:0|[1-9]\d*)$/.test(key)) return undefined;
  const number = Number(key);
  return number < 4294967295 ? number : undefined;
}
