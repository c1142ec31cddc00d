// The raw form of one content file after reading: its frontmatter as data and as a YAML document
// with source positions, its Markdown body, and which list it belongs to.
import type { Document, LineCounter } from 'yaml';

/** A list file (`content/<list-id>/_list.md`) or an entry file (`content/<list-id>/<slug>.md`). */
export type DocumentKind = 'list' | 'entry';

export interface RawDocument {
  kind: DocumentKind;
  /** The folder name of the list the file belongs to. */
  listId: string;
  /** For an entry, the file name without `.md`; for a list file, `_list`. */
  slug: string;
  /** The file, relative to the project root with `/` separators. */
  file: string;
  /** The frontmatter as parsed; undefined when the file has none or it could not be read. */
  frontmatter: Frontmatter | undefined;
  /**
   * The Markdown body after the frontmatter, without blank lines at the start or whitespace at the
   * end. The spaces that begin its first line are kept, because they can start a code block.
   */
  body: string;
}

export interface Frontmatter {
  /** The frontmatter text given to the YAML parser; its line 1 is the line of the opening `---`. */
  readonly source: string;
  /**
   * The YAML document, keeping every node's range in `source`. For frontmatter read by the fast
   * parse it is built on first use.
   */
  readonly document: Document.Parsed;
  /** Turns an offset in `source` into a 1-based line and column of the file. */
  readonly lineCounter: LineCounter;
  /** The frontmatter as plain data; undefined when the YAML has errors or an alias cycle. */
  readonly data: unknown;
  /**
   * True when `data` came from `document` itself. False when the fast parse read it, which it
   * does only for YAML on which both parsers give the same data.
   */
  readonly parsedWithPositions: boolean;
}
