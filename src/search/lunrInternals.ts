// Typed access to the parts of lunr 2.3.9 that its own code uses but @types/lunr does not declare.
import { lunr } from './lunrPipeline.ts';

interface IndexInternals {
  invertedIndex: Record<string, unknown>;
  tokenSet: lunr.TokenSet;
  fields: string[];
}

interface TokenSetStatics {
  fromString(text: string): lunr.TokenSet;
  fromFuzzyString(text: string, editDistance: number): lunr.TokenSet;
}

type QueryParserConstructor = new (text: string, query: lunr.Query) => { parse(): lunr.Query };

/** The index's term dictionary, its token set and its field names. */
export function indexInternals(index: lunr.Index): IndexInternals {
  return index as unknown as IndexInternals;
}

export const TokenSet = lunr.TokenSet as unknown as TokenSetStatics;

/** lunr's query-string parser; `parse()` throws lunr.QueryParseError on text it cannot read. */
export const QueryParser = (lunr as unknown as { QueryParser: QueryParserConstructor }).QueryParser;

export const Query = lunr.Query as unknown as new (fields: string[]) => lunr.Query;
