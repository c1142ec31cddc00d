// Turns the issues zod reports for one frontmatter into Problems with the file position of the
// offending key or value, what is wrong, the value as written and a fix.
import type { z } from 'zod';
import type { Problem } from '../problems/problem.ts';
import type { Frontmatter } from '../read/rawDocument.ts';
import { formatFieldPath, locateField, type FieldPath } from './locateField.ts';
import { suggest } from './suggest.ts';

/** The file an issue belongs to, its frontmatter, and the keys allowed in each of its objects. */
export interface IssueContext {
  file: string;
  frontmatter: Frontmatter | undefined;
  /** Returns the keys allowed in the object at `fieldPath` (empty for the top level), for "did you mean". */
  knownKeys: (fieldPath: FieldPath) => readonly string[];
}

const MAX_RECEIVED_LENGTH = 80;

/** Converts every zod issue into one or more Problems (an unknown-keys issue gives one per key). */
export function issuesToProblems(issues: readonly z.core.$ZodIssue[], context: IssueContext): Problem[] {
  const problems: Problem[] = [];
  for (const issue of issues) problems.push(...issueToProblems(issue, issue.path as FieldPath, context));
  return problems;
}

function issueToProblems(issue: z.core.$ZodIssue, fieldPath: FieldPath, context: IssueContext): Problem[] {
  const make = (path: FieldPath, message: string, fix: string | undefined, at: 'key' | 'value' = 'value', code: string = issue.code): Problem => {
    const location = locateField(context.frontmatter, path, at);
    const written = location.source === '' ? undefined : location.source;
    const received = location.found ? clip(written ?? describeInput((issue as { input?: unknown }).input)) : undefined;
    return {
      stage: 'validate',
      severity: 'error',
      code: codeName(code),
      file: context.file,
      line: location.line,
      column: location.column,
      field: formatFieldPath(path),
      message,
      received: at === 'key' ? undefined : received,
      fix: fix ?? 'correct the value: the table of fields in CONTRIBUTING.md gives the form of each field',
    };
  };

  switch (issue.code) {
    case 'unrecognized_keys': {
      const known = context.knownKeys(fieldPath);
      return issue.keys.map((key) => {
        const nearest = suggest(key, known);
        const fix = nearest !== undefined ? `did you mean "${nearest}"?` : `remove it; the keys allowed here are: ${known.join(', ')}`;
        return make([...fieldPath, key], `unknown key "${key}"`, fix, 'key', 'unknown-key');
      });
    }

    case 'invalid_union': {
      // `intro` accepts one line or a list of lines: report against the form that was written.
      const input = issue.input;
      const branches = issue.errors;
      const rejectsList = (branch: readonly z.core.$ZodIssue[]) => branch.some((inner) => inner.code === 'invalid_type' && inner.path.length === 0);
      const chosen = (Array.isArray(input) ? branches.find((branch) => !rejectsList(branch)) : branches[0]) ?? branches[0];
      if (chosen === undefined || chosen.length === 0) return [make(fieldPath, 'has an invalid value', undefined)];
      return chosen.flatMap((inner) => issueToProblems({ ...inner, input: inner.input ?? input } as z.core.$ZodIssue, [...fieldPath, ...(inner.path as FieldPath)], context));
    }

    case 'invalid_type':
      return [invalidType(issue, fieldPath, make, context.frontmatter)];

    case 'too_small': {
      if (issue.origin === 'array') {
        if (fieldPath.length === 1 && fieldPath[0] === 'sections') return [make(fieldPath, 'must have at least one section', 'add a section with an id and a title, such as "- id: papers" and "title: Papers"')];
        return [make(fieldPath, `must have at least ${String(issue.minimum)} item${issue.minimum === 1 ? '' : 's'}`, 'add an item, or remove the key')];
      }
      if (issue.origin === 'string') return [make(fieldPath, 'must not be empty', fixFor(fieldPath) ?? 'write a value')];
      return [make(fieldPath, `must be ${String(issue.minimum)} or more`, `write a whole number from ${String(issue.minimum)} up`)];
    }

    default: {
      // `details[n].key` shares the form of a link kind, but its examples are not link kinds.
      const isDetailKey = fieldPath[0] === 'details' && fieldPath[fieldPath.length - 1] === 'key';
      const message = isDetailKey && issue.code === 'invalid_format' ? 'must be a lower-case word or words, such as "author", "comments" or "venue"' : ownMessage(issue);
      return [make(fieldPath, message, fixFor(fieldPath))];
    }
  }
}

function invalidType(
  issue: z.core.$ZodIssueInvalidType,
  fieldPath: FieldPath,
  make: (path: FieldPath, message: string, fix: string | undefined) => Problem,
  frontmatter: Frontmatter | undefined,
): Problem {
  const input = issue.input;
  const key = String(fieldPath[fieldPath.length - 1] ?? '');
  const field = formatFieldPath(fieldPath);

  if (input === undefined) {
    const problem = make(fieldPath, 'is required but missing', `add a line "${key}: ..."`);
    return { ...problem, code: 'missing-field' };
  }

  if (issue.expected === 'string' && (typeof input === 'number' || typeof input === 'boolean')) {
    const problem = make(fieldPath, '', undefined);
    const written = problem.received ?? String(input);
    const quoted = JSON.stringify(written.replace(/^["']|["']$/g, ''));
    const label = typeof fieldPath[fieldPath.length - 1] === 'number' ? `- ${quoted}` : `${key}: ${quoted}`;
    if (key === 'arxiv' && typeof input === 'number') {
      return {
        ...problem,
        code: 'unquoted-arxiv',
        message: `must be a quoted string: YAML reads ${written} as the number ${String(input)}${String(input) !== written ? ', which drops the trailing zero' : ''}`,
        fix: `put the id in quotes: ${label}`,
      };
    }
    return {
      ...problem,
      code: 'not-text',
      message: `must be text, but YAML reads ${written} as a ${typeof input === 'number' ? 'number' : 'true/false value'}`,
      fix: `put it in quotes: ${label}`,
    };
  }

  if (issue.expected === 'string' && Array.isArray(input)) {
    return make(fieldPath, 'must be one line of text, not a list', `write ${field} on one line after the colon, such as ${key}: ...`);
  }

  if (issue.expected === 'string' && input === null) {
    const comment = commentedValue(frontmatter, fieldPath);
    if (comment !== undefined) {
      const label = typeof fieldPath[fieldPath.length - 1] === 'number' ? `- ${JSON.stringify(comment)}` : `${key}: ${JSON.stringify(comment)}`;
      return make(fieldPath, `is empty, because YAML reads a value that starts with "#" as a comment`, `put the value in quotes: ${label}`);
    }
    return make(fieldPath, 'is empty', `write a value after "${key}:", or remove the line`);
  }

  if (issue.expected === 'string') {
    const problem = make(fieldPath, `must be text, not ${describeKind(input)}`, fixFor(fieldPath) ?? 'write the value on one line after the colon');
    const written = problem.received;
    const oneKey = typeof input === 'object' && input !== null && !Array.isArray(input) && Object.keys(input).length === 1;
    if (!oneKey || written === undefined || written.endsWith('...')) return problem;

    // `- Attention: the paper` is valid YAML for a one-key map: the text needed quotes.
    const quoted = JSON.stringify(written);
    const label = typeof fieldPath[fieldPath.length - 1] === 'number' ? `- ${quoted}` : `${key}: ${quoted}`;
    return { ...problem, fix: `put the text in double quotes, because a colon followed by a space makes it a key: ${label}` };
  }

  if (issue.expected === 'array') {
    return make(fieldPath, `must be a list, not ${describeKind(input)}`, `write each item on its own line starting with "- " under "${key}:"`);
  }

  if (issue.expected === 'object') {
    return make(fieldPath, `must be a set of "key: value" lines, not ${describeKind(input)}`, fixFor(fieldPath) ?? 'check the indentation');
  }

  if (issue.expected === 'int' || issue.expected === 'number') {
    return make(fieldPath, `must be a whole number, not ${describeKind(input)}`, 'write a whole number such as 3, without quotes');
  }

  return make(fieldPath, `must be ${issue.expected}, not ${describeKind(input)}`, fixFor(fieldPath));
}

/**
 * Returns the text written after `key:` (or after `- ` in a list) on the line of `fieldPath` when
 * it starts with `#`, which YAML reads as a comment: `title: #hash` gives `#hash`.
 */
function commentedValue(frontmatter: Frontmatter | undefined, fieldPath: FieldPath): string | undefined {
  if (frontmatter === undefined) return undefined;
  const location = locateField(frontmatter, fieldPath, 'key');
  const { source, lineCounter } = frontmatter;
  const start = lineCounter.lineStarts[location.line - 1];
  if (start === undefined) return undefined;
  const end = source.indexOf('\n', start);
  const line = source.slice(start, end === -1 ? undefined : end).replace(/\r$/, '');
  const last = fieldPath[fieldPath.length - 1];
  const pattern = typeof last === 'number' ? /^\s*(?:-\s+)+(#.*?)\s*$/ : new RegExp(`^\\s*(?:-\\s+)?["']?${escapeRegExp(String(last))}["']?\\s*:\\s+(#.*?)\\s*$`);
  return pattern.exec(line)?.[1];
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Returns the message of an issue that the schema words itself, replacing zod's generic wording. */
function ownMessage(issue: z.core.$ZodIssue): string {
  if (issue.code === 'invalid_format' && issue.format === 'regex' && issue.message.startsWith('Invalid')) return 'has an invalid form';
  if (issue.code === 'invalid_value') return `must be one of ${issue.values.map((value) => JSON.stringify(value)).join(', ')}`;
  return issue.message;
}

/** Returns a fix for a field whose value has the wrong form, by what the field holds. */
function fixFor(fieldPath: FieldPath): string | undefined {
  const key = String(fieldPath[fieldPath.length - 1] ?? '');
  const parent = String(fieldPath[0] ?? '');
  if (key === 'url' || key === 'licenceUrl' || key === 'baseUrl') return 'write the full address starting with https:// (or http://)';
  if (key === 'arxiv') return 'write the id as arXiv shows it, in quotes, such as arxiv: "1502.03167"';
  if (key === 'added' || key === 'created') return `write the date as YYYY-MM-DD, such as ${key}: 2024-05-31`;
  if (key === 'category' || (parent === 'also' && key === 'category')) return 'write the section path of the list file: section ids joined by "/", such as activation-functions/relu';
  if (key === 'id') return 'use lower-case words joined by hyphens, such as batch-normalization';
  if (key === 'key' && parent === 'details') return 'write the label in lower case, such as key: author';
  if (key === 'kind') return 'write the kind in lower case, such as paper, code, blog, slides or project page';
  if (parent === 'keywords') return 'write one keyword per list item, on one line, without commas';
  if (key === 'title' || key === 'description' || key === 'label' || key === 'text' || parent === 'intro' || parent === 'aliases') {
    return 'write it as one line of text';
  }
  return undefined;
}

function codeName(code: string): string {
  return code.replace(/_/g, '-');
}

function describeKind(input: unknown): string {
  if (input === null) return 'an empty value';
  if (Array.isArray(input)) return 'a list';
  if (typeof input === 'object') return 'a set of "key: value" lines';
  if (typeof input === 'number') return `the number ${String(input)}`;
  if (typeof input === 'boolean') return `the value ${String(input)}`;
  if (typeof input === 'string') return `the text ${JSON.stringify(clip(input))}`;
  return typeof input;
}

function describeInput(input: unknown): string | undefined {
  if (input === undefined || input === null) return undefined;
  if (typeof input === 'string') return input;
  try {
    return JSON.stringify(input);
  } catch {
    return String(input);
  }
}

function clip(text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  const oneLine = text.replace(/\s*\r?\n\s*/g, ' ');
  return oneLine.length > MAX_RECEIVED_LENGTH ? `${oneLine.slice(0, MAX_RECEIVED_LENGTH - 3)}...` : oneLine;
}
