// Errors thrown when content cannot be used: one base class that keeps its cause and the
// problems found, and a subclass per stage of the data flow.
import type { Problem } from './problem.ts';

export class ContentError extends Error {
  /** Every problem found, errors and warnings, as data. */
  readonly problems: readonly Problem[];

  constructor(message: string, problems: readonly Problem[] = [], options?: ErrorOptions) {
    super(message, options);
    this.name = 'ContentError';
    this.problems = problems;
  }
}

/** The content folder or a file could not be read. */
export class ReadError extends ContentError {
  constructor(message: string, problems: readonly Problem[] = [], options?: ErrorOptions) {
    super(message, problems, options);
    this.name = 'ReadError';
  }
}

/** A file's frontmatter does not match its schema, or files contradict each other. */
export class ValidationError extends ContentError {
  constructor(message: string, problems: readonly Problem[] = [], options?: ErrorOptions) {
    super(message, problems, options);
    this.name = 'ValidationError';
  }
}

/** The validated content could not be assembled into a catalog. */
export class AssembleError extends ContentError {
  constructor(message: string, problems: readonly Problem[] = [], options?: ErrorOptions) {
    super(message, problems, options);
    this.name = 'AssembleError';
  }
}
