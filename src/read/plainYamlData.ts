// Parses frontmatter YAML to plain data with js-yaml, for the files that need no source
// positions. On the 10,000 generated entries of bench/generate.ts (seed 1, Node 20) it took
// about 0.36 s of CPU against 3 s for building `yaml` Documents. It returns nothing for any text
// on which the two parsers could disagree, and the caller then parses with the `yaml` package.
import { FAILSAFE_SCHEMA, load, Type } from 'js-yaml';

/**
 * The plain-scalar types of the `yaml` package's YAML 1.2 core schema (yaml 2.9.1,
 * `dist/schema/core`), with the same patterns and conversions, so that `title: yes`, `order:
 * 0o17`, `added: 2024-05-31` or `arxiv: 1502.03160` give the same value in both parsers.
 * js-yaml's own CORE_SCHEMA differs: it reads `0b101` as a number and `+.5` as a string.
 */
const FLOAT_NAN = /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/;
const FLOAT_EXP = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/;
const FLOAT = /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/;

const CORE_TYPES = [
  new Type('tag:yaml.org,2002:null', {
    kind: 'scalar',
    resolve: (data) => /^(?:~|[Nn]ull|NULL)?$/.test(data as string),
    construct: () => null,
  }),
  new Type('tag:yaml.org,2002:bool', {
    kind: 'scalar',
    resolve: (data) => /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/.test(data as string),
    construct: (data) => (data as string)[0] === 't' || (data as string)[0] === 'T',
  }),
  new Type('tag:yaml.org,2002:int', {
    kind: 'scalar',
    resolve: (data) => /^(?:0o[0-7]+|[-+]?[0-9]+|0x[0-9a-fA-F]+)$/.test(data as string),
    construct: (data) => {
      const text = data as string;
      if (text.startsWith('0o')) return parseInt(text.substring(2), 8);
      if (text.startsWith('0x')) return parseInt(text.substring(2), 16);
      return parseInt(text, 10);
    },
  }),
  // js-yaml keeps one type per tag, so the three float forms of `yaml` are one type here.
  new Type('tag:yaml.org,2002:float', {
    kind: 'scalar',
    resolve: (data) => FLOAT_NAN.test(data as string) || FLOAT_EXP.test(data as string) || FLOAT.test(data as string),
    construct: (data) => {
      const text = data as string;
      if (!FLOAT_NAN.test(text)) return parseFloat(text);
      if (text.slice(-3).toLowerCase() === 'nan') return NaN;
      return text[0] === '-' ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
    },
  }),
];

const CORE_SCHEMA = FAILSAFE_SCHEMA.extend({ implicit: CORE_TYPES });

// The lines the fast parse accepts; any other text is parsed with the `yaml` package. A line is
// blank, a comment, or an indent, an optional `- `, and then a `key:` with an optional value or a
// lone value, and an optional comment. A key is a plain word other than null and `__proto__`. A
// value is a plain scalar that does not start with an indicator character and contains no ": " or
// " #", a quoted string closed on its line (double-quoted with JSON escapes only), or a flow
// sequence of such items closed on its line (`[a, "b"]`). A lone value on a later line continues
// a plain scalar, which both parsers fold alike. So tabs, tags, anchors, aliases, merge keys,
// complex, null and non-string keys, flow maps, nested compact sequences, block scalars, quoted
// scalars and flow collections over several lines, directives and document markers all go to
// the `yaml` package.
const PLAIN_FIRST = String.raw`(?:[^\s\-?:,[\]{}#&*!|>'"%@\x60]|[-?:](?=[^\s,[\]{}]))`;
const PLAIN_REST = String.raw`(?:[^\s:#]|:(?=[^\s])|#| +(?=[^\s#]))*`;
const PLAIN = PLAIN_FIRST + PLAIN_REST;
const DOUBLE_QUOTED = String.raw`"(?:[^"\\\r\n]|\\["\\/bfnrt]|\\u[0-9a-fA-F]{4})*"`;
const SINGLE_QUOTED = String.raw`'(?:[^'\r\n]|'')*'`;
const FLOW_PLAIN = String.raw`(?:[^\s\-?:,[\]{}#&*!|>'"%@\x60]|[-?:](?=[^\s,[\]{}]))(?:[^\s:#,[\]{}]|:(?=[^\s,[\]{}])|#| +(?=[^\s#,[\]{}]))*`;
const FLOW_ITEM = `(?:${FLOW_PLAIN}|${DOUBLE_QUOTED}|${SINGLE_QUOTED})`;
const FLOW_SEQUENCE = String.raw`\[ *(?:${FLOW_ITEM} *(?:, *${FLOW_ITEM} *)*)?\]`;
const VALUE = `(?:${PLAIN}|${DOUBLE_QUOTED}|${SINGLE_QUOTED}|${FLOW_SEQUENCE})`;
const KEY = String.raw`(?!(?:null|Null|NULL|__proto__) *:)[A-Za-z_][A-Za-z0-9_-]{0,199}`;
const LINE = String.raw`(?!---|\.\.\.) *(?:#[^\r\n]*|(?:- +)?(?:${KEY} *:(?: +${VALUE})?|${VALUE})?(?: +#[^\r\n]*)? *)`;
const SIMPLE_YAML = new RegExp(String.raw`^(?:${LINE}(?:\r?\n|$))*$`);

/**
 * Returns the data of the YAML `source`, or undefined when the text is outside what the fast
 * parse handles or js-yaml reports an error: the caller then parses it with the `yaml` package,
 * which gives the error's position. Where it returns data, the data equals what the `yaml`
 * package's `parseDocument(source, { uniqueKeys: true }).toJS()` returns.
 */
export function parsePlainYamlData(source: string): { data: unknown } | undefined {
  if (!SIMPLE_YAML.test(source)) return undefined;
  let data: unknown;
  try {
    data = load(source, { schema: CORE_SCHEMA });
  } catch {
    return undefined;
  }
  // js-yaml returns undefined for a text of comments and blank lines, where `yaml` returns null.
  return data === undefined ? undefined : { data };
}
