// A problem found in the content or the input of a command, kept as data until it is shown.

export type Severity = 'error' | 'warning';

/** The stage that found the problem. */
export type Stage = 'read' | 'validate' | 'assemble' | 'import' | 'new' | 'links' | 'settings';

export interface Problem {
  stage: Stage;
  severity: Severity;
  /** A stable code for the kind of problem, such as `unknown-key` or `invalid-yaml`. */
  code: string;
  /** The file, relative to the project root with `/` separators. */
  file: string;
  /** 1-based line and column; 1:1 when the problem concerns the whole file. */
  line: number;
  column: number;
  /** The field path, such as `links[2].url`; empty when the problem concerns the whole file. */
  field: string;
  /** The description of what is wrong, as one sentence. */
  message: string;
  /** The bad value as written, where showing it helps. */
  received?: string | undefined;
  /** How to fix it, as one sentence. */
  fix?: string | undefined;
}
