// Validates the frontmatter of one list or entry file against its zod schema.
import { detailSchema, ENTRY_KEYS, entrySchema, linkSchema, placementSchema, type EntryData } from '../../schemas/entry.ts';
import { LIST_KEYS, listSchema, sourceSchema, type ListData } from '../../schemas/list.ts';
import type { Problem } from '../problems/problem.ts';
import type { RawDocument } from '../read/rawDocument.ts';
import { checkValueCharacters } from './checkValueCharacters.ts';
import { issuesToProblems } from './issueToProblem.ts';
import type { FieldPath } from './locateField.ts';

const LINK_KEYS = Object.keys(linkSchema.shape);
const DETAIL_KEYS = Object.keys(detailSchema.shape);
const PLACEMENT_KEYS = Object.keys(placementSchema.shape);
const SOURCE_KEYS = Object.keys(sourceSchema.shape);
const SECTION_KEYS = ['id', 'title', 'description', 'sections'];

export type ValidatedDocument =
  | { kind: 'list'; raw: RawDocument; data: ListData }
  | { kind: 'entry'; raw: RawDocument; data: EntryData };

/**
 * Validates a raw document read without errors. Returns the typed data, or undefined with the
 * problems when the frontmatter is missing, does not match the schema, or has a key or value
 * with a control character that checkValueCharacters rejects.
 */
export function validateDocument(raw: RawDocument): { document: ValidatedDocument | undefined; problems: Problem[] } {
  const frontmatter = raw.frontmatter;
  if (frontmatter === undefined || frontmatter.data === undefined) return { document: undefined, problems: [] };

  // A control character written as a YAML escape passes the schemas, which check forms, not characters.
  const characterProblems = checkValueCharacters(frontmatter.data, frontmatter, raw.file);

  if (raw.kind === 'list') {
    const result = listSchema.safeParse(frontmatter.data, { reportInput: true });
    if (result.success && characterProblems.length === 0) return { document: { kind: 'list', raw, data: result.data }, problems: [] };
    const schemaProblems = result.success ? [] : issuesToProblems(result.error.issues, { file: raw.file, frontmatter, knownKeys: listKeys });
    return { document: undefined, problems: [...characterProblems, ...schemaProblems] };
  }

  const result = entrySchema.safeParse(frontmatter.data, { reportInput: true });
  if (result.success && characterProblems.length === 0) return { document: { kind: 'entry', raw, data: result.data }, problems: [] };
  const schemaProblems = result.success ? [] : issuesToProblems(result.error.issues, { file: raw.file, frontmatter, knownKeys: entryKeys });
  return { document: undefined, problems: [...characterProblems, ...schemaProblems] };
}

function entryKeys(fieldPath: FieldPath): readonly string[] {
  const top = fieldPath[0];
  if (top === 'links') return LINK_KEYS;
  if (top === 'details') return DETAIL_KEYS;
  if (top === 'also') return PLACEMENT_KEYS;
  return ENTRY_KEYS;
}

function listKeys(fieldPath: FieldPath): readonly string[] {
  const top = fieldPath[0];
  if (top === 'source') return SOURCE_KEYS;
  if (top === 'sections') return SECTION_KEYS;
  return LIST_KEYS;
}
