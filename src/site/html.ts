// The `html` tagged template: every interpolated value is escaped unless it is marked safe, so
// entry text from contributors can never become markup.

/** Markup that is already safe to insert: built by `html`, or marked with `trustedHtml`. */
export class SafeHtml {
  constructor(readonly value: string) {}

  toString(): string {
    return this.value;
  }
}

/** A value `html` can interpolate: text is escaped, arrays are joined, null, undefined and false print nothing. */
export type HtmlValue = SafeHtml | string | number | boolean | null | undefined | readonly HtmlValue[];

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

const SPECIAL_CHARACTER = /[&<>"']/;
const SPECIAL_CHARACTERS = /[&<>"']/g;

/** Escapes `&`, `<`, `>`, `"` and `'`, so that `text` is safe in element content and quoted attributes. */
export function escapeHtml(text: string): string {
  // Most titles, paths and counts contain none of them, and a test costs less than a replace.
  if (!SPECIAL_CHARACTER.test(text)) return text;
  return text.replace(SPECIAL_CHARACTERS, (character) => ESCAPES[character] ?? character);
}

/**
 * Marks `markup` as safe without escaping it. Use it only for markup this project's code made,
 * such as the output of the Markdown renderer, never for text read from content.
 */
export function trustedHtml(markup: string): SafeHtml {
  return new SafeHtml(markup);
}

/**
 * Builds markup from a template literal, escaping every interpolated value that is not SafeHtml.
 * Interpolate only into element content or quoted attribute values.
 */
export function html(strings: TemplateStringsArray, ...values: HtmlValue[]): SafeHtml {
  let markup = strings[0] ?? '';
  for (let index = 0; index < values.length; index += 1) {
    markup += renderValue(values[index]) + (strings[index + 1] ?? '');
  }
  return new SafeHtml(markup);
}

/** Joins pieces of markup with `separator`, escaping the pieces that are not SafeHtml. */
export function joinHtml(values: readonly HtmlValue[], separator: HtmlValue = ''): SafeHtml {
  const separatorMarkup = renderValue(separator);
  return new SafeHtml(values.map(renderValue).join(separatorMarkup));
}

function renderValue(value: HtmlValue): string {
  if (typeof value === 'string') return escapeHtml(value);
  if (value instanceof SafeHtml) return value.value;
  if (value === null || value === undefined || value === false) return '';
  if (Array.isArray(value)) {
    let markup = '';
    for (const item of value as readonly HtmlValue[]) markup += renderValue(item);
    return markup;
  }
  return escapeHtml(String(value));
}
