// Runs a reader's query against the loaded index: the same code in the browser and in the tests.
import { expandIndex } from './compactIndex.ts';
import { indexInternals, Query, QueryParser, TokenSet } from './lunrInternals.ts';
import { lunr, stemTerm } from './lunrPipeline.ts';
import { SNIPPET_FIELDS } from './searchFields.ts';
import { matchPositions, queryClauses, scoreIndexTerms, type MatchMetadata, type ScoredEntry } from './termQuery.ts';
import {
  entryPosition,
  SEARCH_FILE_VERSION,
  snippetFieldName,
  type SearchFile,
  type SearchManifest,
  type SearchShard,
  type SearchStore,
} from './searchStore.ts';
import { abbreviationOf } from './synonyms.ts';
import { normaliseTerm, splitWords, type TextWord } from './tokenize.ts';

/** The loaded shards of the index, and the store with the entries of those shards filled in. */
export interface LoadedSearch {
  indexes: lunr.Index[];
  store: SearchStore;
}

/** A span `[start, length]` of text to highlight. */
export type Mark = [start: number, length: number];

export interface SearchHit {
  /** The entry's position in `store.entries`. */
  entry: number;
  score: number;
  /** The number of query words the entry matches; hits with more come first. */
  wordsMatched: number;
  /** Spans of the title and the snippet to highlight; empty for the hits after the first MARKED_HITS. */
  titleMarks: Mark[];
  snippetMarks: Mark[];
}

export interface SearchOutcome {
  hits: SearchHit[];
  /**
   * How the query was read: `syntax` as lunr query syntax, `plain` as words. `fuzzy` means that
   * no hit matches any word exactly, so every hit comes from close spellings.
   */
  mode: 'plain' | 'syntax' | 'fuzzy';
}

/** Clause boosts: a whole word outweighs a word that only starts with what was typed, or a near spelling. */
const EXACT_BOOST = 3;
const ABBREVIATION_BOOST = 1.5;
const PREFIX_BOOST = 1;
const FUZZY_BOOST = 1;

/**
 * Limits that keep every query fast whatever is typed or pasted. A pasted paper title has about
 * 150 characters and 20 words. lunr 2.3.9 builds a fuzzy term's automaton in time that grows
 * steeply with the term's length: 500 characters at edit distance 2 took 38 s in Chromium.
 * No term of this field is longer than about 30 characters, so longer words match exactly only.
 */
export const MAX_QUERY_LENGTH = 256;
export const MAX_QUERY_WORDS = 24;
export const MAX_FUZZY_LENGTH = 30;
/** The largest edit distance a query can ask for, as in `dropuot~5`. */
const MAX_EDIT_DISTANCE = 2;
/** The maximum number of `*` in one term of query syntax. */
const MAX_WILDCARDS = 3;

/**
 * Loads the search file that the build wrote. Throws an Error when its version is not the one
 * this code reads (a page cached from an older build), or when lunr rejects the index.
 */
export function loadSearchFile(file: SearchFile): LoadedSearch {
  checkVersion(file.version);
  const index = lunr.Index.load(expandIndex(file.index));
  return { indexes: [index], store: file.store };
}

/**
 * Returns a search over no shard yet, with the lists and sections of `manifest`; addSearchShard
 * adds the shards. Throws an Error when the manifest's version is not the one this code reads.
 */
export function loadSearchManifest(manifest: SearchManifest): LoadedSearch {
  checkVersion(manifest.version);
  return { indexes: [], store: { lists: manifest.lists, sections: manifest.sections, entries: [] } };
}

/**
 * Adds a shard's index and entries to `search`, in place, so that later queries find its entries.
 * Throws an Error when its version is not the one this code reads, or when lunr rejects the index.
 */
export function addSearchShard(search: LoadedSearch, shard: SearchShard): void {
  checkVersion(shard.version);
  search.indexes.push(lunr.Index.load(expandIndex(shard.index)));
  shard.entries.forEach((entry, offset) => {
    search.store.entries[shard.start + offset] = entry;
  });
}

function checkVersion(version: unknown): void {
  if (version !== SEARCH_FILE_VERSION) {
    throw new Error(`search file version ${String(version)} is not supported; expected ${SEARCH_FILE_VERSION}`);
  }
}

/**
 * Searches for `text`, one hit per entry, best first. Does not throw for any text: lunr query
 * syntax (`title:adam`, `+dropout -bayesian`, `adam~1`) is used when lunr can parse it, and
 * the text is read as plain words otherwise. Returns no hits for text without letters or digits.
 * Reads only the first MAX_QUERY_LENGTH characters and MAX_QUERY_WORDS words of `text`.
 */
export function runSearch(search: LoadedSearch, text: string): SearchOutcome {
  const limited = text.slice(0, MAX_QUERY_LENGTH);

  if (looksLikeSyntax(limited)) {
    const hits = runSyntaxQuery(search, withoutLoneOperators(limited));
    if (hits !== undefined) return { hits, mode: 'syntax' };
  }

  const words = queryWords(search.indexes, limited, false);
  if (words.length === 0) return { hits: [], mode: 'plain' };

  const ranked = runWords(search, words);
  if (ranked.hits.length > 0) return { hits: ranked.hits, mode: ranked.exact ? 'plain' : 'fuzzy' };

  const fuzzyWords = queryWords(search.indexes, limited, true);
  const fuzzyHits = runWords(search, fuzzyWords).hits;
  const best = fuzzyHits[0]?.wordsMatched ?? 0;
  return { hits: fuzzyHits.filter((hit) => hit.wordsMatched === best), mode: 'fuzzy' };
}

/** A query term with the index terms it can match, so that hits can be checked word by word. */
interface QueryTerm {
  term: string;
  /** The term as the index pipeline stems it. */
  stem: string;
  prefix: boolean;
  editDistance: number;
  boost: number;
  /** Index terms that equal the term's stem or, for a prefix term, start with the term. */
  matches: Set<string>;
  /** Index terms within the edit distance. */
  nearMatches: Set<string>;
  /** Word ids of the stem and of the terms that a title word may match partly; set by termMatch once matching is done. */
  ids?: { stem: number; candidates: Set<number> };
}

/** A word the reader typed: it is matched when every term of one of its alternatives is. */
interface QueryWord {
  alternatives: QueryTerm[][];
  fuzzy: boolean;
  /** The word is a hyphenated compound: its second alternative is its parts. */
  compound: boolean;
  /** The word is a known abbreviation: its last alternative is the words it stands for. */
  abbreviation: boolean;
}

/**
 * Turns text into query words. The word being typed (the last, with no space after it) and any
 * term of three or more characters also match as a prefix. A one- or two-character part of a
 * compound (`t` of `t-SNE`) does not, because it would expand to most of the index. A word that the index has neither
 * exactly nor as a prefix is searched with an edit distance, as is every word when `fuzzy` and
 * every long word that only a few entries contain (`initilization`, a misspelling in one entry).
 */
function queryWords(indexes: readonly lunr.Index[], text: string, fuzzy: boolean): QueryWord[] {
  const split = splitWords(text).slice(0, MAX_QUERY_WORDS);
  const typing = !/[\s\p{P}]$/u.test(text);

  return split.map((word, position) => {
    const isTyped = typing && position === split.length - 1;
    const alternatives = wordAlternatives(word).map(({ terms, typed, part }) =>
      terms.map((term) => queryTerm(indexes, term, typed, isTyped && !(part && term.length < 3))),
    );

    const known = alternatives.some((terms) => terms.every((term) => term.matches.size > 0));
    const useFuzzy = fuzzy || !known;
    for (const term of alternatives.flat()) {
      if (useFuzzy || isRare(indexes, term)) addFuzzy(indexes, term);
    }
    return {
      alternatives,
      fuzzy: useFuzzy && alternatives.flat().some((term) => term.editDistance > 0),
      compound: word.parts.length > 0,
      abbreviation: abbreviationOf(word.whole.term) !== undefined,
    };
  });
}

/**
 * Returns the ways a word can match: the word itself, all the parts of a compound (`part`), or
 * the words an abbreviation stands for. `typed` is false for words the reader did not type themselves.
 */
function wordAlternatives(word: TextWord): { terms: string[]; typed: boolean; part: boolean }[] {
  const alternatives = [{ terms: [word.whole.term], typed: true, part: false }];
  if (word.parts.length > 0) alternatives.push({ terms: word.parts.map((part) => part.term), typed: true, part: true });

  const expansion = abbreviationOf(word.whole.term);
  if (expansion !== undefined) alternatives.push({ terms: expansion.split(' '), typed: false, part: false });

  return alternatives;
}

/** The maximum number of index terms a prefix expands to, which bounds the clauses of a one- or two-letter query. */
const MAX_PREFIX_COMPLETIONS = 40;

function queryTerm(indexes: readonly lunr.Index[], term: string, typed: boolean, isTyped: boolean): QueryTerm {
  const matches = new Set<string>();
  const stem = stemTerm(term);
  if (indexes.some((index) => Object.hasOwn(indexInternals(index).invertedIndex, stem))) matches.add(stem);

  const prefix = typed && (isTyped || term.length >= 3);
  if (prefix) {
    for (const match of prefixCompletions(indexes, term)) matches.add(match);
  }

  return { term, stem, prefix, editDistance: 0, boost: typed ? EXACT_BOOST : ABBREVIATION_BOOST, matches, nearMatches: new Set() };
}

/**
 * The prefix completions of recent terms, for the indexes loaded when they were found. Each
 * keystroke repeats the completions of the words before the one being typed, and each shard
 * costs one token-set intersection per term.
 */
const completionCache = new WeakMap<readonly lunr.Index[], { indexCount: number; completions: Map<string, readonly string[]> }>();
const COMPLETION_CACHE_SIZE = 200;

/** Returns at most MAX_PREFIX_COMPLETIONS index terms that start with `term`, the shortest when there are more. */
function prefixCompletions(indexes: readonly lunr.Index[], term: string): readonly string[] {
  let cache = completionCache.get(indexes);
  // A shard added since (indexes only grow) may hold further completions.
  if (!cache || cache.indexCount !== indexes.length) {
    cache = { indexCount: indexes.length, completions: new Map() };
    completionCache.set(indexes, cache);
  }

  let completions = cache.completions.get(term);
  if (!completions) {
    const found = expandTokenSets(indexes, TokenSet.fromString(`${term}*`));
    // The shortest completions are the likeliest words; a one-letter prefix has hundreds.
    if (found.length > MAX_PREFIX_COMPLETIONS) found.sort((a, b) => a.length - b.length || (a < b ? -1 : 1));
    completions = found.slice(0, MAX_PREFIX_COMPLETIONS);
    if (cache.completions.size >= COMPLETION_CACHE_SIZE) cache.completions.clear();
    cache.completions.set(term, completions);
  }
  return completions;
}

/** Adds near spellings: one edit from four characters on, two from eight, none below four or above MAX_FUZZY_LENGTH. */
function addFuzzy(indexes: readonly lunr.Index[], term: QueryTerm): void {
  const length = [...term.term].length;
  if (length < 4 || length > MAX_FUZZY_LENGTH) return;
  term.editDistance = length >= 8 ? 2 : 1;

  for (const index of indexes) {
    for (const match of fuzzyExpansion(index, term.term, term.editDistance)) {
      if (!term.matches.has(match)) term.nearMatches.add(match);
    }
  }
}

/** The most recent fuzzy expansions per index, because a fuzzy fallback and each keystroke repeat them. */
const fuzzyCache = new WeakMap<lunr.Index, Map<string, string[]>>();
const FUZZY_CACHE_SIZE = 200;

/** Returns the index terms within `editDistance` edits of `term`. */
function fuzzyExpansion(index: lunr.Index, term: string, editDistance: number): string[] {
  let cache = fuzzyCache.get(index);
  if (!cache) {
    cache = new Map();
    fuzzyCache.set(index, cache);
  }

  const key = `${editDistance}:${term}`;
  let expansion = cache.get(key);
  if (!expansion) {
    expansion = expandTokenSet(index, TokenSet.fromFuzzyString(term, editDistance));
    if (cache.size >= FUZZY_CACHE_SIZE) cache.clear();
    cache.set(key, expansion);
  }
  return expansion;
}

/** Long words found in at most this many entries may be misspellings, so near spellings are searched too. */
const RARE_DOCUMENT_COUNT = 2;
const RARE_MIN_LENGTH = 8;

function isRare(indexes: readonly lunr.Index[], term: QueryTerm): boolean {
  if (term.term.length < RARE_MIN_LENGTH || term.matches.size === 0) return false;

  const refs = new Set<string>();
  for (const index of indexes) {
    for (const match of term.matches) {
      const posting = indexInternals(index).invertedIndex[match] as Record<string, object> | undefined;
      for (const [field, byRef] of Object.entries(posting ?? {})) {
        if (field !== '_index') for (const ref of Object.keys(byRef)) refs.add(ref);
      }
      if (refs.size > RARE_DOCUMENT_COUNT) return false;
    }
  }
  return true;
}

function expandTokenSet(index: lunr.Index, tokenSet: lunr.TokenSet): string[] {
  return indexInternals(index).tokenSet.intersect(tokenSet).toArray();
}

/** Returns the terms of any of `indexes` that `tokenSet` accepts, each once. */
function expandTokenSets(indexes: readonly lunr.Index[], tokenSet: lunr.TokenSet): string[] {
  if (indexes.length === 1) return expandTokenSet(indexes[0]!, tokenSet);
  return [...new Set(indexes.flatMap((index) => expandTokenSet(index, tokenSet)))];
}

/** A matched entry, as termQuery.ts scores it or lunrResult turns a lunr result into. */
type ScoredResult = ScoredEntry;

/** Turns a result of `index.query` into a scored entry, with the fields of its matches read from its metadata. */
function lunrResult(index: lunr.Index, result: lunr.Index.Result): ScoredResult {
  const metadata = result.matchData.metadata as MatchMetadata;
  const fields = indexInternals(index).fields;
  const terms = Object.keys(metadata);
  const termFields = terms.map((term) => Object.keys(metadata[term]!).reduce((mask, field) => mask | (1 << fields.indexOf(field)), 0));
  const fieldMask = termFields.reduce((mask, termMask) => mask | termMask, 0);
  return { ref: result.ref, score: result.score, terms, termFields, fieldMask, index, metadata };
}

/** The bit of the title field in the field masks of `index`'s results, by index. */
const titleBits = new WeakMap<lunr.Index, number>();

function titleBit(index: lunr.Index): number {
  let bit = titleBits.get(index);
  if (bit === undefined) {
    const position = indexInternals(index).fields.indexOf('title');
    bit = position < 0 ? 0 : 1 << position;
    titleBits.set(index, bit);
  }
  return bit;
}

/** Hits best first, and whether any hit matches a word exactly rather than only by a near spelling. */
interface RankedHits {
  hits: SearchHit[];
  exact: boolean;
}

function runWords(search: LoadedSearch, words: QueryWord[]): RankedHits {
  const terms = words.flatMap((word) => word.alternatives.flat());

  // Each term's expansions were found once in queryWords, so the index terms go to lunr as they
  // are, each with the boost of the way it matched.
  const boosts = new Map<string, number>();
  const addBoost = (indexTerm: string, boost: number) => boosts.set(indexTerm, (boosts.get(indexTerm) ?? 0) + boost);
  for (const term of terms) {
    for (const match of term.matches) addBoost(match, match === term.stem ? term.boost : PREFIX_BOOST);
    for (const match of term.nearMatches) addBoost(match, FUZZY_BOOST);
  }

  // A query without clauses counts as negated in lunr and would match every entry.
  if (boosts.size === 0) return { hits: [], exact: false };

  // Each shard gets only the terms it has: lunr would expand every other term against the
  // shard's token set to find nothing, and the scores do not change.
  const results: ScoredResult[] = [];
  for (const index of search.indexes) {
    const own = indexInternals(index).invertedIndex;
    const present = [...boosts].filter(([indexTerm]) => Object.hasOwn(own, indexTerm));
    if (present.length === 0) continue;
    for (const result of scoreIndexTerms(index, present)) results.push(result);
  }
  return rankResults(search, results, words, true);
}

/**
 * The number of best hits that get their match marks. Neither the result panel nor the search
 * page shows more, and computing marks for thousands of hits of a common word took most of a query.
 */
export const MARKED_HITS = 100;

/**
 * Orders lunr's results in tiers: entries that match more of the query's words first, then by
 * how the title starts with the words the entry matches (titlePhraseRank), then by lunr's score.
 * Tiers that start after the first MARKED_HITS hits skip the title phrase. Drops results that
 * match none of `words`. Only the first MARKED_HITS hits get marks. Set `everyTermQueried` when
 * every index term in the words' `matches` and `nearMatches` was a clause of the query: then a
 * result without a match in its title cannot match a phrase there, and its title is not read.
 */
function rankResults(search: LoadedSearch, results: readonly ScoredResult[], words: QueryWord[], everyTermQueried: boolean): RankedHits {
  let exact = false;
  // Keyed by the bit set of the words matched: there are at most MAX_QUERY_WORDS words.
  const phraseCache = new Map<number, QueryTerm[][]>();

  // Plain loops without closures: this runs for every result, thousands for a common word.
  /** `tier` is `wordsMatched * 8 + phrase` once the phrase is known (a phrase rank is at most 6), and `score` is the result's, so that sorting reads one object per hit. */
  const ranked: {
    result: ScoredResult;
    entry: number;
    score: number;
    wordsMatched: number;
    tier: number;
    wordPhrases: QueryTerm[][];
    inTitle: boolean;
  }[] = [];
  const bits = queryTermBits(words);
  for (const result of results) {
    const matched = result.terms;
    let wordSet = 0;
    let wordsMatched = 0;
    if (bits !== undefined) {
      let exactBits = 0;
      let nearBits = 0;
      for (let position = 0; position < matched.length; position += 1) {
        exactBits |= bits.exact.get(matched[position]!) ?? 0;
        nearBits |= bits.near.get(matched[position]!) ?? 0;
      }
      const anyBits = exactBits | nearBits;
      for (let position = 0; position < words.length; position += 1) {
        const alternatives = bits.alternatives[position]!;
        if (coversAlternative(alternatives, anyBits)) {
          wordSet |= 1 << position;
          wordsMatched += 1;
          if (!exact && coversAlternative(alternatives, exactBits)) exact = true;
        }
      }
    } else {
      for (let position = 0; position < words.length; position += 1) {
        const word = words[position]!;
        if (matchesWord(word, matched, true)) {
          wordSet |= 1 << position;
          wordsMatched += 1;
          if (!exact && matchesWord(word, matched, false)) exact = true;
        }
      }
    }
    if (wordsMatched === 0) continue;

    // Hits that match the same words try the same phrases.
    let wordPhrases = phraseCache.get(wordSet);
    if (wordPhrases === undefined) {
      wordPhrases = phrases(words.filter((_, position) => (wordSet & (1 << position)) !== 0));
      phraseCache.set(wordSet, wordPhrases);
    }

    const inTitle = !everyTermQueried || (result.fieldMask & titleBit(result.index)) !== 0;

    ranked.push({ result, entry: entryPosition(result.ref), score: result.score, wordsMatched, tier: wordsMatched * 8, wordPhrases, inTitle });
  }

  // The title phrase orders hits within a tier of words matched, so it is needed only in the
  // tiers that reach into the first MARKED_HITS hits. Below those, hits are ordered by score.
  const tierSizes = new Map<number, number>();
  for (const hit of ranked) tierSizes.set(hit.wordsMatched, (tierSizes.get(hit.wordsMatched) ?? 0) + 1);
  let lowestRankedTier = 0;
  let above = 0;
  for (const tier of [...tierSizes.keys()].sort((a, b) => b - a)) {
    lowestRankedTier = tier;
    above += tierSizes.get(tier) ?? 0;
    if (above >= MARKED_HITS) break;
  }
  for (const hit of ranked) {
    // A phrase matches title terms whose stems or words are index terms of the entry's title, so
    // with every term queried, an entry with no title match ranks 0.
    if (hit.wordsMatched >= lowestRankedTier && hit.inTitle) hit.tier += titlePhraseRank(search, hit.entry, hit.wordPhrases);
  }

  ranked.sort((a, b) => b.tier - a.tier || b.score - a.score || a.entry - b.entry);
  const hits = ranked.map(({ result, entry, wordsMatched }, rank) => toHit(search.store, result, entry, wordsMatched, rank < MARKED_HITS));
  return { hits, exact };
}

/**
 * Returns the query terms of `words` as bits: for each index term, the bits of the query terms whose
 * `matches` (`exact`) or `nearMatches` (`near`) contain it, and for each word the bits of each
 * alternative. Lets rankResults test a result's words with a few integer operations instead of
 * matchesWord's set lookups. Undefined when the words have more than 31 query terms.
 */
function queryTermBits(words: readonly QueryWord[]): { exact: Map<string, number>; near: Map<string, number>; alternatives: number[][] } | undefined {
  const exact = new Map<string, number>();
  const near = new Map<string, number>();
  const alternatives: number[][] = [];
  let next = 0;
  for (const word of words) {
    const masks: number[] = [];
    for (const alternative of word.alternatives) {
      let mask = 0;
      for (const term of alternative) {
        if (next === 31) return undefined;
        const bit = 1 << next;
        next += 1;
        mask |= bit;
        for (const match of term.matches) exact.set(match, (exact.get(match) ?? 0) | bit);
        for (const match of term.nearMatches) near.set(match, (near.get(match) ?? 0) | bit);
      }
      masks.push(mask);
    }
    alternatives.push(masks);
  }
  return { exact, near, alternatives };
}

/** Returns true when `bits` contain every bit of one of `alternatives`. */
function coversAlternative(alternatives: readonly number[], bits: number): boolean {
  for (const mask of alternatives) {
    if ((mask & bits) === mask) return true;
  }
  return false;
}

/** Returns true when `matched`, the index terms a result matched, contain every term of one of `word`'s alternatives. */
function matchesWord(word: QueryWord, matched: readonly string[], near: boolean): boolean {
  for (const alternative of word.alternatives) {
    let all = true;
    for (const term of alternative) {
      let found = false;
      for (const match of matched) {
        if (term.matches.has(match) || (near && term.nearMatches.has(match))) {
          found = true;
          break;
        }
      }
      if (!found) {
        all = false;
        break;
      }
    }
    if (all) return true;
  }
  return false;
}

/**
 * Ranks how `wordPhrases`, the phrases of the query's words that the entry matches, occur in its
 * title in the order typed: 3 when they are the whole title or its name before a colon
 * (`Adam: A Method for ...` for `adam`), 2 when the title starts with them, 1 when they occur
 * together elsewhere, 0 otherwise (see phraseRank for how whole words double the tier). In
 * reading lists a paper's title usually opens with its name, so this puts the paper above those
 * that cite the name. An abbreviation may stand for its words (`BN` for `Batch Normalization: ...`).
 */
function titlePhraseRank(search: LoadedSearch, entry: number, wordPhrases: QueryTerm[][]): number {
  const title = search.store.entries[entry]?.[0] ?? '';
  const titleTerms = titleTermsOf(search, entry, title);
  let best = 0;
  for (const phrase of wordPhrases) {
    best = Math.max(best, phraseRank(title, titleTerms, phrase));
    if (best === 6) break;
  }
  return best;
}

/**
 * Ids of the words of titles and query terms, so that ranking compares numbers. Ranking reads
 * the title of every hit in the top tiers, thousands for a common word, and reading a few numbers
 * per title from one array costs far fewer cache misses than an object and two strings per word.
 * NOTE: the map keeps every word it has met, which is bounded by the loaded titles' words and the
 * index terms that the session's queries matched.
 */
const wordIds = new Map<string, number>();

function wordId(word: string): number {
  let id = wordIds.get(word);
  if (id === undefined) {
    id = wordIds.size;
    wordIds.set(word, id);
  }
  return id;
}

/**
 * A title's terms, split and stemmed, in reading order: four numbers per term, its word id, its
 * stem's word id, and its start and length in the title.
 */
type TitleTerms = Int32Array;
const TITLE_TERM_SIZE = 4;

/** Each title's terms, split and stemmed once per loaded index. */
const titleTermCache = new WeakMap<LoadedSearch, (TitleTerms | undefined)[]>();

function titleTermsOf(search: LoadedSearch, entry: number, title: string): TitleTerms {
  let cache = titleTermCache.get(search);
  if (!cache) {
    cache = [];
    titleTermCache.set(search, cache);
  }
  let terms = cache[entry];
  if (!terms) {
    const tokens = splitWords(title).flatMap((word) => (word.parts.length > 0 ? word.parts : [word.whole]));
    terms = new Int32Array(tokens.length * TITLE_TERM_SIZE);
    tokens.forEach((token, position) => {
      const at = position * TITLE_TERM_SIZE;
      terms![at] = wordId(token.term);
      terms![at + 1] = wordId(stemTerm(token.term));
      terms![at + 2] = token.start;
      terms![at + 3] = token.length;
    });
    cache[entry] = terms;
  }
  return terms;
}

/** The maximum number of phrases tried per hit, because abbreviations multiply them. */
const MAX_PHRASES = 8;

/** Returns the sequences of terms the query can stand for: each word as typed, or an abbreviation's words. */
function phrases(words: QueryWord[]): QueryTerm[][] {
  let result: QueryTerm[][] = [[]];
  for (const word of words) {
    const own = word.alternatives.length > 1 && word.compound ? word.alternatives[1] : word.alternatives[0];
    const choices = [own ?? [], ...(word.abbreviation ? [word.alternatives.at(-1) ?? []] : [])];
    result = result.flatMap((phrase) => choices.map((choice) => [...phrase, ...choice])).slice(0, MAX_PHRASES);
  }
  return result.filter((phrase) => phrase.length > 0);
}

/**
 * Ranks one phrase in the title by the tiers 3, 2, 1 and 0 of titlePhraseRank. The tier is
 * doubled when every word matches whole (`SGD`), and doubled less one when a word matches only as
 * a prefix or near spelling (`SGDR` for `sgd`), so whole words come first within each tier.
 */
function phraseRank(title: string, titleTerms: TitleTerms, phrase: QueryTerm[]): number {
  const termCount = titleTerms.length / TITLE_TERM_SIZE;
  if (phrase.length > termCount) return 0;

  const atStart = phraseMatchAt(titleTerms, phrase, 0);
  if (atStart !== NO_MATCH) {
    const last = (phrase.length - 1) * TITLE_TERM_SIZE;
    const rest = phrase.length > 0 ? title.slice(titleTerms[last + 2]! + titleTerms[last + 3]!).trimStart() : '';
    return tierScore(rest === '' || rest.startsWith(':') ? 3 : 2, atStart);
  }

  let best = 0;
  for (let offset = 1; offset + phrase.length <= termCount; offset += 1) {
    const match = phraseMatchAt(titleTerms, phrase, offset);
    if (match !== NO_MATCH) best = Math.max(best, tierScore(1, match));
    if (best === 2) break;
  }
  return best;
}

/** Match kinds of a query term on a title term: the same stem, only a prefix or near spelling, or none. */
const WHOLE = 2;
const PARTIAL = 1;
const NO_MATCH = 0;

function tierScore(tier: number, match: number): number {
  return match === WHOLE ? 2 * tier : 2 * tier - 1;
}

/** Matches `phrase` against the title terms from `offset`: WHOLE, PARTIAL when any term matches only partly, or NO_MATCH. */
function phraseMatchAt(titleTerms: TitleTerms, phrase: QueryTerm[], offset: number): number {
  let result = WHOLE;
  for (let position = 0; position < phrase.length; position += 1) {
    const match = termMatch(phrase[position]!, titleTerms, offset + position);
    if (match === NO_MATCH) return NO_MATCH;
    if (match === PARTIAL) result = PARTIAL;
  }
  return result;
}

/** Matches `term` against the title term at `position`: WHOLE for the same stem, PARTIAL for a prefix or near spelling, or NO_MATCH. */
function termMatch(term: QueryTerm, titleTerms: TitleTerms, position: number): number {
  const at = position * TITLE_TERM_SIZE;
  if (at >= titleTerms.length) return NO_MATCH;

  const ids = term.ids ?? (term.ids = queryTermIds(term));
  const stem = titleTerms[at + 1]!;
  if (stem === ids.stem) return WHOLE;
  return ids.candidates.has(titleTerms[at]!) || ids.candidates.has(stem) ? PARTIAL : NO_MATCH;
}

/** Returns the word ids of `term`'s stem and of the index terms it matches as a prefix or near spelling. */
function queryTermIds(term: QueryTerm): NonNullable<QueryTerm['ids']> {
  const candidates = term.matches.size > 0 ? term.matches : term.nearMatches;
  return { stem: wordId(term.stem), candidates: new Set([...candidates].map(wordId)) };
}

/** Query syntax is tried only when the text uses it: `:`, `~`, `^`, `*`, or `+`/`-` attached to the start of a word. */
function looksLikeSyntax(text: string): boolean {
  return /[:~^*]|(?:^|\s)[+-]+[^\s+-]/.test(text);
}

/**
 * Removes each `+` or `-` with white space on both sides (`dropout - bayesian`), because lunr
 * would apply it to the next word. Only a sign attached to a word is an operator.
 */
function withoutLoneOperators(text: string): string {
  return text.replace(/(^|\s)[+-]+(?=\s|$)/g, '$1');
}

/**
 * Parses `text` with lunr's query parser and runs it with each clause's term normalised like the
 * index, at most MAX_QUERY_WORDS clauses. Ranks the hits like plain words, with the terms that
 * are not excluded as the words. Returns undefined when lunr cannot parse the text or no clause
 * has a term left.
 */
function runSyntaxQuery(search: LoadedSearch, text: string): SearchHit[] | undefined {
  const first = search.indexes[0];
  if (first === undefined) return [];

  let clauses: lunr.Query.Clause[];
  try {
    const parsed = new QueryParser(text, new Query(indexInternals(first).fields)).parse();
    clauses = parsed.clauses.flatMap(normaliseClause).slice(0, MAX_QUERY_WORDS);
  } catch {
    return undefined;
  }
  if (clauses.length === 0) return undefined;

  const results: ScoredResult[] = [];
  try {
    for (const index of search.indexes) {
      const scored = queryClauses(index, clauses);
      if (scored !== undefined) {
        // The order of lunr's results, which are sorted by score with a stable sort: the rest below keep it.
        for (const result of scored.sort((a, b) => b.score - a.score)) results.push(result);
      } else {
        const lunrResults = index.query((query) => {
          for (const clause of clauses) query.clause({ ...clause });
        });
        for (const result of lunrResults) results.push(lunrResult(index, result));
      }
    }
  } catch {
    return undefined;
  }

  const words = clauses
    .filter((clause) => (clause as { presence?: number }).presence !== lunr.Query.presence.PROHIBITED)
    .map((clause): QueryWord => ({ alternatives: [[clauseTerm(search.indexes, clause)]], fuzzy: false, compound: false, abbreviation: false }));
  // Results that match only through a term the ranking cannot see stay, after the ranked ones.
  // A clause's own expansion (a fuzzy term stemmed first, wildcards past MAX_PREFIX_COMPLETIONS)
  // can differ from the words' terms, so every result gets its title phrase checked.
  const ranked = rankResults(search, results, words, false).hits;
  const rankedEntries = new Set(ranked.map((hit) => hit.entry));
  const rest = results
    .filter((result) => !rankedEntries.has(entryPosition(result.ref)))
    .map((result, rank) => toHit(search.store, result, entryPosition(result.ref), 0, ranked.length + rank < MARKED_HITS));
  return [...ranked, ...rest];
}

/** Returns the index terms that a parsed clause matches, as a query term for ranking. */
function clauseTerm(indexes: readonly lunr.Index[], clause: lunr.Query.Clause): QueryTerm {
  const term: QueryTerm = {
    term: clause.term,
    stem: stemTerm(clause.term),
    prefix: false,
    editDistance: clause.editDistance ?? 0,
    boost: clause.boost ?? 1,
    matches: new Set(),
    nearMatches: new Set(),
  };

  if (clause.term.includes('*')) {
    for (const match of expandTokenSets(indexes, TokenSet.fromString(clause.term)).slice(0, MAX_PREFIX_COMPLETIONS)) term.matches.add(match);
  } else {
    const stem = clause.usePipeline === false ? clause.term : stemTerm(clause.term);
    if (indexes.some((index) => Object.hasOwn(indexInternals(index).invertedIndex, stem))) term.matches.add(stem);
    if (term.editDistance > 0) {
      for (const index of indexes) {
        for (const match of fuzzyExpansion(index, clause.term, term.editDistance)) {
          if (!term.matches.has(match)) term.nearMatches.add(match);
        }
      }
    }
  }
  return term;
}

/**
 * Normalises a parsed clause's term like the tokenizer does; a term with no letters or digits is
 * dropped. Caps the edit distance at MAX_EDIT_DISTANCE (none for terms longer than
 * MAX_FUZZY_LENGTH) and drops terms with more than MAX_WILDCARDS wildcards, so no clause is slow.
 */
function normaliseClause(clause: lunr.Query.Clause): lunr.Query.Clause[] {
  if (clause.term.includes('*')) {
    const pieces = clause.term.split('*');
    if (pieces.length - 1 > MAX_WILDCARDS) return [];
    const term = pieces.map((piece) => normaliseTerm(piece)).join('*');
    if (!/[\p{L}\p{N}]/u.test(term)) return [];
    // lunr reads a clause that has an editDistance key as fuzzy, with `*` as a plain character.
    const { editDistance: _ignored, ...withoutDistance } = clause;
    return [{ ...withoutDistance, term } as lunr.Query.Clause];
  }

  return splitWords(clause.term).map((word) => {
    const term = word.whole.term;
    const { editDistance, ...withoutDistance } = clause;
    const maxDistance = [...term].length > MAX_FUZZY_LENGTH ? 0 : MAX_EDIT_DISTANCE;
    const distance = Math.min(editDistance ?? 0, maxDistance);
    return (distance > 0 ? { ...withoutDistance, term, editDistance: distance } : { ...withoutDistance, term }) as lunr.Query.Clause;
  });
}

/** Turns a lunr result for stored entry `entry` into a hit, with its marks only when `marked`. */
function toHit(store: SearchStore, result: ScoredResult, entry: number, wordsMatched: number, marked: boolean): SearchHit {
  if (!marked) return { entry, score: result.score, wordsMatched, titleMarks: [], snippetMarks: [] };

  const stored = store.entries[entry];
  const snippetField = stored ? snippetFieldName(stored, SNIPPET_FIELDS) : undefined;

  const titleMarks = mergeMarks(matchPositions(result, 'title'));
  const snippetMarks = snippetField === undefined ? [] : mergeMarks(matchPositions(result, snippetField));
  return { entry, score: result.score, wordsMatched, titleMarks, snippetMarks };
}

/** Sorts marks and merges those that overlap or touch, so each character is highlighted once. */
export function mergeMarks(marks: readonly (readonly [number, number])[]): Mark[] {
  const sorted = [...marks].sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const merged: Mark[] = [];
  for (const [start, length] of sorted) {
    const last = merged.at(-1);
    if (last && start <= last[0] + last[1]) {
      last[1] = Math.max(last[1], start + length - last[0]);
    } else {
      merged.push([start, length]);
    }
  }
  return merged;
}

/**
 * Returns true when stored entry `entry` is filed in section `section` or below it, through its
 * category or any of its further sections.
 */
export function entryInSection(store: SearchStore, entry: number, section: number): boolean {
  const stored = store.entries[entry];
  if (!stored) return false;

  for (let current of [stored[2], ...stored[5]]) {
    while (current >= 0) {
      if (current === section) return true;
      current = store.sections[current]?.[3] ?? -1;
    }
  }
  return false;
}

/** Returns true when stored entry `entry` belongs to list number `list`. */
export function entryInList(store: SearchStore, entry: number, list: number): boolean {
  const stored = store.entries[entry];
  return stored !== undefined && store.sections[stored[2]]?.[0] === list;
}
