// The fields of the search index, their boosts, and the fields whose match positions are kept.

/** A field of the index: its name (also the `name:` of the query syntax) and its boost. */
export interface SearchField {
  name: SearchFieldName;
  boost: number;
}

export type SearchFieldName = 'title' | 'aliases' | 'keywords' | 'arxiv' | 'intro' | 'section' | 'links' | 'notes';

/**
 * Boosts, applied when the index is built: lunr 2.3.9 multiplies a field's term weights by its
 * boost. Results are ranked first by query words matched and by the query's place in the title
 * (see runSearch), so boosts order hits within those tiers. The quality test "justifies the field
 * boosts" compares these with other weights: intro 1, or title 20 and keywords 10, each miss one
 * expectation, and section 1 lowers the mean reciprocal rank.
 */
export const SEARCH_FIELDS: readonly SearchField[] = [
  { name: 'title', boost: 10 },
  { name: 'aliases', boost: 8 },
  { name: 'keywords', boost: 8 },
  { name: 'arxiv', boost: 10 },
  { name: 'intro', boost: 4 },
  { name: 'section', boost: 2 },
  { name: 'links', boost: 2 },
  { name: 'notes', boost: 1 },
];

export const SEARCH_FIELD_NAMES: readonly SearchFieldName[] = SEARCH_FIELDS.map((field) => field.name);

/** The fields a result can show with highlights: the title and the field its snippet comes from. */
export const SNIPPET_FIELDS: readonly SearchFieldName[] = ['intro', 'keywords', 'notes'];
