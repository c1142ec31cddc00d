// Formats problems for people, as GitHub workflow annotations, and as JSON: the one place where
// a Problem becomes text.
import { compareCodeUnits } from '../text/compareCodeUnits.ts';
import type { Problem } from './problem.ts';
import { escapeControlCharacters, excerptForDisplay, sentenceForDisplay } from './excerptForDisplay.ts';

export type ProblemFormat = 'human' | 'github' | 'json';

/**
 * The maximum length of a message or a fix as shown, in UTF-16 code units. The values quoted in
 * them are cut first, at the length of excerptForDisplay, so this bound is for the rest.
 */
const MAX_SENTENCE_LENGTH = 1000;

/** Orders problems by file, line and column, so that a report reads from top to bottom. */
export function sortProblems(problems: readonly Problem[]): Problem[] {
  return [...problems].sort(
    (a, b) => compareCodeUnits(a.file, b.file) || a.line - b.line || a.column - b.column || compareCodeUnits(a.field, b.field),
  );
}

/**
 * Writes one problem on one line: `path:line:column  error  field: message (received ...). Fix: ...`.
 * Every part is shown with control characters escaped, so that a file name, key or value cannot
 * act on the terminal or break the line. The field, the received value and the values quoted in
 * the message and the fix are cut as excerptForDisplay cuts them, so that no line grows without
 * bound. The file name is not cut, because the path must stay usable.
 */
export function formatProblem(problem: Problem): string {
  let text = `${escapeControlCharacters(problem.file)}:${problem.line}:${problem.column}  ${problem.severity}  `;
  if (problem.field !== '') text += `${excerptForDisplay(problem.field)}: `;
  text += sentenceForDisplay(problem.message, MAX_SENTENCE_LENGTH);
  if (problem.received !== undefined) text += ` (received ${excerptForDisplay(problem.received)})`;
  text += '.';
  if (problem.fix !== undefined) {
    const fix = sentenceForDisplay(problem.fix, MAX_SENTENCE_LENGTH);
    text += ` Fix: ${fix.replace(/\.$/, '')}${/[?!]$/.test(fix) ? '' : '.'}`;
  }
  return text;
}

/** Writes every problem, one a line, sorted, followed by a count of errors and warnings. */
export function formatHuman(problems: readonly Problem[]): string {
  if (problems.length === 0) return '';
  const lines = sortProblems(problems).map(formatProblem);
  lines.push(countLine(problems));
  return lines.join('\n');
}

/** Returns `2 errors, 1 warning` for the problems given. */
export function countLine(problems: readonly Problem[]): string {
  const errors = problems.filter((problem) => problem.severity === 'error').length;
  const warnings = problems.length - errors;
  return `${plural(errors, 'error')}, ${plural(warnings, 'warning')}`;
}

/**
 * Writes one GitHub workflow command per problem (`::error file=...,line=...,col=...,title=...::message`),
 * which GitHub shows on the pull request's diff at that line. The parts are escaped and cut as in
 * formatProblem, except that a line break in the file name is kept. The workflow command encodes
 * it as %0A, which the runner decodes, so the property stays the file's path.
 */
export function formatGithub(problems: readonly Problem[]): string {
  return sortProblems(problems)
    .map((problem) => {
      const title = problem.field === '' ? problem.code : `${excerptForDisplay(problem.field)} (${problem.code})`;
      const properties = [
        `file=${escapeProperty(escapeControlCharacters(problem.file, { keepLineBreaks: true }))}`,
        `line=${problem.line}`,
        `col=${problem.column}`,
        `title=${escapeProperty(title)}`,
      ].join(',');
      let message = sentenceForDisplay(problem.message, MAX_SENTENCE_LENGTH);
      if (problem.received !== undefined) message += ` (received ${excerptForDisplay(problem.received)})`;
      message += '.';
      if (problem.fix !== undefined) message += `\nFix: ${sentenceForDisplay(problem.fix, MAX_SENTENCE_LENGTH)}`;
      return `::${problem.severity} ${properties}::${escapeData(message)}`;
    })
    .join('\n');
}

/**
 * Writes the problems and a summary as one JSON document. Each problem is written as it is,
 * received value uncut, because programs read this format and JSON escapes control characters.
 */
export function formatJson(problems: readonly Problem[], summary?: object): string {
  const sorted = sortProblems(problems);
  const errors = sorted.filter((problem) => problem.severity === 'error').length;
  return JSON.stringify({ ok: errors === 0, errors, warnings: sorted.length - errors, ...(summary ? { summary } : {}), problems: sorted }, null, 2);
}

/** Escapes the message of a workflow command, as GitHub's toolkit does: `%`, CR and LF. */
export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Escapes a property of a workflow command: as a message, plus `:` and `,`. */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}
