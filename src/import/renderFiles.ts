// Writes the list file and the entry files of a list as text: YAML frontmatter, then the body.
import { stringify } from 'yaml';
import type { EntryInput } from '../../schemas/entry.ts';
import type { ListInput } from '../../schemas/list.ts';

/**
 * Writes frontmatter with the `yaml` package. YAML 1.1 rules decide the quoting, so that values
 * such as `2016-02-29`, `yes` or `1502.03160` stay strings for a YAML 1.1 reader as well.
 * Lines are never folded.
 */
export function renderFrontmatter(data: object): string {
  return stringify(data, { version: '1.1', lineWidth: 0, minContentWidth: 0 });
}

/** Writes one content file: `---`, the frontmatter, `---`, and the body after a blank line when there is one. */
export function renderContentFile(data: object, body: string): string {
  const head = `---\n${renderFrontmatter(data)}---\n`;
  return body.trim() === '' ? head : `${head}\n${body.trim()}\n`;
}

export function renderEntryFile(data: EntryInput, body: string): string {
  return renderContentFile(data, body);
}

export function renderListFile(data: ListInput, body: string): string {
  return renderContentFile(data, body);
}
