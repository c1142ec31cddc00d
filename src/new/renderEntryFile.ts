// Writes the text of an entry file: YAML frontmatter between `---` lines, then the body.
import { Document, isScalar } from 'yaml';
import type { EntryInput } from '../../schemas/entry.ts';

/** Values written in double quotes whatever they contain. */
const QUOTED_KEYS = ['arxiv', 'added'] as const;

/**
 * Returns the file text for `frontmatter` and an optional Markdown `body`. The arXiv id is
 * always double-quoted, because YAML reads an unquoted `1502.03160` as a number and drops the
 * last zero, and so is the `added` date, which YAML 1.1 parsers read as a timestamp. Lines are
 * never folded, so that a title stays on one line.
 */
export function renderEntryFile(frontmatter: EntryInput, body = ''): string {
  const document = new Document(frontmatter);
  for (const key of QUOTED_KEYS) {
    const node = document.get(key, true);
    if (isScalar(node)) node.type = 'QUOTE_DOUBLE';
  }

  const yaml = document.toString({ lineWidth: 0 });
  const trimmedBody = body.trim();
  return `---\n${yaml}---\n${trimmedBody === '' ? '' : `\n${trimmedBody}\n`}`;
}
