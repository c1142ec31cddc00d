// The tokenizer and pipeline functions that lunr runs over the index and the queries, registered
// under fixed names so that a serialised index loads with the same code in Node and the browser.
import lunr from 'lunr';
import { tokenize } from './tokenize.ts';

/** Only plain English words go through the Porter stemmer; `l2`, `c++`, `1502.03167` stay as they are. */
const STEMMABLE = /^[a-z]{3,}$/;

/** Stems already computed; ranking stems every title word of every hit, so most are repeats. */
const stems = new Map<string, string>();
const MAX_CACHED_STEMS = 50_000;

/** Stems a normalised term with lunr's Porter stemmer when it is a plain English word. */
export function stemTerm(term: string): string {
  if (!STEMMABLE.test(term)) return term;

  let stem = stems.get(term);
  if (stem === undefined) {
    if (stems.size >= MAX_CACHED_STEMS) stems.clear();
    stem = lunr.stemmer(new lunr.Token(term, {})).toString();
    stems.set(term, stem);
  }
  return stem;
}

/**
 * Index pipeline: stores the stem (`normal` for `normalization`) and, when it differs, the word
 * as written, so that a prefix typed so far (`normaliz*`) still matches. lunr's wildcards run
 * without the stemmer, so a stem alone would make results vanish while a word is typed.
 */
export function indexTerm(token: lunr.Token): lunr.Token[] {
  const term = token.toString();
  const stem = stemTerm(term);
  if (stem === term) return [token];
  return [token.clone(() => stem), token];
}

/** Search pipeline: stems a query term the way the index pipeline stemmed the stored words. */
export function queryTerm(token: lunr.Token): lunr.Token {
  return token.update((term) => stemTerm(term));
}

export const INDEX_TERM_LABEL = 'readingListIndexTerm';
export const QUERY_TERM_LABEL = 'readingListQueryTerm';

lunr.Pipeline.registerFunction(indexTerm as lunr.PipelineFunction, INDEX_TERM_LABEL);
lunr.Pipeline.registerFunction(queryTerm as lunr.PipelineFunction, QUERY_TERM_LABEL);

/**
 * lunr tokenizer built on `tokenize`: one token per term, with its position `[start, length]`
 * in the field's text. Arrays are joined with newlines; null and undefined give no tokens.
 */
export function lunrTokenizer(value?: unknown, metadata?: object): lunr.Token[] {
  if (value === null || value === undefined) return [];

  const text = Array.isArray(value) ? value.join('\n') : String(value);
  return tokenize(text).map(
    (token, index) => new lunr.Token(token.term, { ...metadata, position: [token.start, token.length], index }),
  );
}

/** Replaces a builder's tokenizer and pipelines with this module's, keeping match positions. */
export function configureBuilder(builder: lunr.Builder): void {
  (builder as unknown as { tokenizer: typeof lunrTokenizer }).tokenizer = lunrTokenizer;
  builder.pipeline.reset();
  builder.searchPipeline.reset();
  builder.pipeline.add(indexTerm as lunr.PipelineFunction);
  builder.searchPipeline.add(queryTerm as lunr.PipelineFunction);
  builder.metadataWhitelist = ['position'];
}

export { lunr };
