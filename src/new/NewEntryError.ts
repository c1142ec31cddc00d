// The reasons `new` rejects to write an entry, kept as data until the command prints them.

export interface Rejection {
  /** A stable code for the kind of rejection, such as `unknown-section` or `duplicate-arxiv`. */
  code: string;
  /** The problem, as one sentence without the final full stop. */
  message: string;
  /** How to fix it, as one sentence. */
  fix?: string | undefined;
  /** The existing file concerned, relative to the project root, for a duplicate or a file that exists. */
  file?: string | undefined;
}

/** Thrown when `new` will not write the entry; carries every reason found, not only the first. */
export class NewEntryError extends Error {
  readonly rejections: readonly Rejection[];

  constructor(rejections: readonly Rejection[], options?: ErrorOptions) {
    super(rejections.map(formatRejection).join('\n'), options);
    this.name = 'NewEntryError';
    this.rejections = rejections;
  }
}

/** Writes a rejection on one line: `message. Fix: fix` (as `check` writes a problem). */
export function formatRejection(rejection: Rejection): string {
  if (rejection.fix === undefined) return `${rejection.message}.`;
  const fix = rejection.fix.replace(/\.$/, '');
  return `${rejection.message}. Fix: ${fix}${/[?!]$/.test(fix) ? '' : '.'}`;
}
