// Finds where a field of a frontmatter is written: the line and column of its key or value, and
// its text as written in the source.
import { isAlias, isMap, isPair, isScalar, isSeq, type Node } from 'yaml';
import type { Frontmatter } from '../read/rawDocument.ts';

export type FieldPath = readonly PropertyKey[];

export interface FieldLocation {
  line: number;
  column: number;
  /** The value's text as written in the file, when the value was found. */
  source: string | undefined;
  /** True when the value itself was found; false when the location is that of its nearest parent. */
  found: boolean;
}

/**
 * Locates `fieldPath` in the frontmatter. With `at: 'key'` the location is that of the key
 * (for an unknown key); otherwise that of the value. A path that is not in the document, such as
 * a missing required key, resolves to its nearest existing parent, and an empty document to 1:1.
 * A value reached through a YAML alias is located at the alias.
 */
export function locateField(frontmatter: Frontmatter | undefined, fieldPath: FieldPath, at: 'key' | 'value' = 'value'): FieldLocation {
  if (frontmatter === undefined) return { line: 1, column: 1, source: undefined, found: false };
  const { document, lineCounter, source } = frontmatter;

  let node: unknown = document.contents;
  let keyNode: unknown;
  let found = true;
  let parentOffset: number | undefined = rangeStart(node);

  // A value reached through an alias is reported where the alias is written.
  let alias: Node | undefined;
  for (const segment of fieldPath) {
    if (isAlias(node) && alias === undefined) alias = node;
    node = resolve(node, frontmatter);
    keyNode = undefined;
    let next: unknown;
    if (isMap(node)) {
      const pair = node.items.find((item) => isPair(item) && isScalar(item.key) && String(item.key.value) === String(segment));
      if (pair) {
        keyNode = pair.key;
        next = pair.value;
      }
    } else if (isSeq(node) && typeof segment === 'number') {
      next = node.items[segment];
    }

    if (next === undefined && keyNode === undefined) {
      found = false;
      break;
    }
    parentOffset = rangeStart(keyNode) ?? rangeStart(next) ?? parentOffset;
    node = next;
  }

  let target: unknown;
  if (at === 'key' && keyNode !== undefined) target = keyNode;
  else if (found) target = node ?? keyNode;
  if (isAlias(target) && alias === undefined) alias = target;
  const offset = rangeStart(alias) ?? rangeStart(target) ?? parentOffset;
  if (offset === undefined) return { line: 1, column: 1, source: undefined, found: false };

  const position = lineCounter.linePos(offset);
  const range = (resolve(target, frontmatter) as Node | undefined)?.range;
  const text = found && range ? source.slice(range[0], range[1]).trim() : undefined;
  return { line: position.line, column: position.col, source: text, found };
}

function resolve(node: unknown, frontmatter: Frontmatter): unknown {
  let current = node;
  for (let step = 0; step < 10 && isAlias(current); step++) current = current.resolve(frontmatter.document);
  return current;
}

function rangeStart(node: unknown): number | undefined {
  const range = (node as Node | null | undefined)?.range;
  return Array.isArray(range) ? range[0] : undefined;
}

/** Writes a field path as `links[1].url`. */
export function formatFieldPath(fieldPath: FieldPath): string {
  let text = '';
  for (const segment of fieldPath) {
    if (typeof segment === 'number') text += `[${segment}]`;
    else text += text === '' ? String(segment) : `.${String(segment)}`;
  }
  return text;
}
