// One place where a URL occurs in the content: the file and the line it is written on.

export interface LinkOccurrence {
  url: string;
  /** The file, relative to the project root with `/` separators. */
  file: string;
  /** The 1-based line of the URL in the file (of the `arxiv:` key for an arXiv id). */
  line: number;
}
