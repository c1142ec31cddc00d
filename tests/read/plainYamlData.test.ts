import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { isDeepStrictEqual } from 'node:util';
import { parseDocument } from 'yaml';
import { parseFrontmatter, parseFrontmatterDocument } from '../../src/read/parseFrontmatter.ts';
import { parsePlainYamlData } from '../../src/read/plainYamlData.ts';

const FILE = 'content/list/entry.md';

/** The data and problems of the `yaml` Document parse, which the fast parse must match. */
function documentResult(source: string) {
  const { frontmatter, problems } = parseFrontmatterDocument(source, FILE);
  return { data: frontmatter.data, problems };
}

/** Asserts that whatever path parseFrontmatter takes, its data and problems are the Document parse's. */
function assertSameAsDocument(yaml: string): void {
  const parsed = parseFrontmatter(`---\n${yaml}---\n`, FILE);
  const source = parsed.frontmatter?.source ?? '';
  const expected = documentResult(source);
  assert.deepEqual(parsed.frontmatter?.data, expected.data, JSON.stringify(yaml));
  assert.deepEqual(parsed.problems, expected.problems, JSON.stringify(yaml));
}

/** Asserts that the fast parse, where it returns data, returns what the `yaml` package returns without errors. */
function assertFastAgrees(source: string): boolean {
  const fast = parsePlainYamlData(source);
  if (fast === undefined) return false;
  const document = parseDocument(source, { prettyErrors: false, uniqueKeys: true });
  assert.deepEqual(document.errors.map((error) => error.message), [], `the fast parse read YAML that yaml rejects: ${JSON.stringify(source)}`);
  assert.ok(isDeepStrictEqual(fast.data, document.toJS()), `data differ for ${JSON.stringify(source)}: ${JSON.stringify(fast.data)}`);
  return true;
}

/** YAML on which js-yaml and the `yaml` package are known to differ, or where one of them reports an error. */
const DIVERGING_YAML: Record<string, string> = {
  'duplicate keys': 'title: A\ntitle: B\n',
  'duplicate keys of two types': 'order: 1\n"order": 2\n',
  'anchor and alias': 'title: &t Adam\naliases:\n  - *t\n',
  'alias cycle': 'a: &x\n  b: *x\n',
  'merge key': 'base: &b\n  kind: paper\nlinks:\n  - <<: *b\n    url: https://example.org\n',
  'plain merge key': '<<: {title: A}\n',
  'local tag': 'title: !custom Adam\n',
  'standard tag': 'title: !!str 1502\norder: !!int "3"\n',
  'YAML 1.1 booleans': 'title: yes\ncategory: no\nkeywords: [on, off, y, n]\n',
  'octal and hexadecimal': 'order: 012\narxiv: 0o17\ntitle: 0x1F\naliases: [0b101, 1_000]\n',
  'dates and times': 'added: 2024-05-31\ncreated: 2024-05-31T10:00:00Z\ntitle: 12:30\n',
  'floats': 'order: 1.0\narxiv: 1502.03160\ntitle: .inf\naliases: [+.5, -.Inf, .NaN, 1e3, 1.5e-3, 1.]\n',
  'very large numbers': 'order: 123456789012345678901234567890\ntitle: 1e400\n',
  'tab indentation': 'links:\n\t- kind: paper\n',
  'tab in a value': 'title: a\tb\n',
  'document end marker': 'title: Adam\n...\n',
  'directive': '%YAML 1.2\ntitle: Adam\n',
  'non-string keys': '1: a\ntrue: b\n1.5: c\n',
  'null keys': 'null: a\n',
  'tilde key': '~: a\n',
  'empty key': ': a\n',
  'flow sequence key': '[a, b]: c\n',
  'flow map key': '{a: 1}: c\n',
  'complex key': '? title\n: Adam\n',
  'key over 1024 characters': `source:\n  frontmatter:\n    ${'k'.repeat(1100)}: a\n`,
  'proto key': '__proto__: {polluted: true}\ntitle: Adam\n',
  'flow map value': 'links: [{kind: paper, url: "https://example.org"}]\n',
  'flow sequence over lines': 'keywords: [a,\nb]\n',
  'indented flow sequence over lines': 'keywords: [a,\n  b]\n',
  'flow map over lines': 'source: {url: a,\nlicence: b}\n',
  'quoted value over lines': 'title: "Adam:\nA Method"\n',
  'indented quoted value over lines': 'title: "Adam:\n  A Method"\n',
  'single-quoted value over lines': "title: 'Adam\n\n  A Method'\n",
  'literal block': 'description: |\n  Line one\n  Line two\n',
  'folded block with indicators': 'description: >-\n  Line one\n\n   more\n  two\n',
  'unclosed quote': 'title: "abc\ncategory: tricks\n',
  'colon in a value': 'intro: Attention: the paper\n',
  'nested compact sequences': 'keywords:\n  - - a\n  - :x\n',
  'empty nested compact sequence': 'é:\n  - -\n  - :x\n',
  'comment without space': 'title: "Adam"#note\n',
  'escapes outside JSON': 'title: "\\x41\\N\\_\\e\\L\\P\\ \\0"\n',
  'invalid escape': 'title: "\\q"\n',
  'lone surrogate escape': 'title: "\\ud800"\n',
  'control character': 'title: a\u0007b\n',
  'next line character': 'title: a\u0085b\n',
  'line separator': 'title: a\u2028b\n',
  'no-break space': 'title: a\u00a0b\n',
  'byte order mark inside': 'title: a\ufeffb\n',
  'lone carriage return': 'title: a\rcategory: b\n',
  'reserved indicator': 'title: @home\n',
  'backquote': 'title: `code`\n',
  'scalar document': 'just text\n',
  'sequence document': '- a\n- b\n',
  'comments only after a value': 'title: Adam # the optimizer\n# end\n',
};

/** Frontmatter in the forms the fast parse reads. */
const SIMPLE_YAML: Record<string, string> = {
  'plain entry': 'title: Adam\ncategory: optimizers\norder: 3\n',
  'quoted arXiv id': 'arxiv: "1502.03160"\n',
  'quoted date': 'added: "2016-02-29"\n',
  'lists and maps': 'keywords:\n  - learning rate\n  - Adam\nlinks:\n  - kind: paper\n    url: https://arxiv.org/abs/1412.6980\n    label: v9\n',
  'sequence at key indentation': 'keywords:\n- a\n- b\n',
  'flow sequence': 'keywords: [a, "b, c", \'d\', 1, true, null, ~]\n',
  'empty values': 'title:\nkeywords: []\nintro: ""\n',
  'comments': '# first\ntitle: Adam # the optimizer\n\n  # indented\ncategory: optimizers\n',
  'JSON escapes': 'title: "a\\"b\\\\c\\/d\\n\\t\\u00e9"\n',
  'single quotes': "title: 'it''s #1: done'\n",
  'indicators inside a plain value': 'title: A & B:C *D! [1] {2} e, f#3 50%\n',
  'plain value over lines': 'title: Adam\n  A Method\n\n  for SGD\n',
  'URL with fragment': 'url: https://example.org/a?b=c#d\n',
  'key with space before colon': 'title : Adam\n',
  'values that look typed': 'title: true\ncategory: 0o17\norder: -12\narxiv: 1502.03160\nadded: .5\nintro: +1\nkeywords: [0x1F, 1e3, .inf, .NaN, Null, TRUE, 012, 1_000, yes]\n',
  'keys that look typed': 'true: a\nyes: b\nnul: c\nNullable: d\n',
  'CRLF line endings': 'title: Adam\r\nkeywords:\r\n  - a\r\n',
  'key of 200 characters': `${'k'.repeat(200)}: a\n`,
  'unicode text': 'title: Réseaux — 深度学习 😀\n',
};

describe('plain YAML data', () => {
  for (const [name, yaml] of Object.entries(DIVERGING_YAML)) {
    it(`matches the Document parse: ${name}`, () => {
      assertSameAsDocument(yaml);
      assertFastAgrees(yaml);
    });
  }

  for (const [name, yaml] of Object.entries(SIMPLE_YAML)) {
    it(`reads fast: ${name}`, () => {
      assert.equal(assertFastAgrees(yaml), true, 'the fast parse declined');
      assertSameAsDocument(yaml);
    });
  }

  it('falls back on diverging YAML', () => {
    for (const name of ['duplicate keys', 'anchor and alias', 'merge key', 'local tag', 'tab indentation', 'null keys', 'flow sequence over lines', 'quoted value over lines', 'literal block']) {
      assert.equal(parsePlainYamlData(DIVERGING_YAML[name]!), undefined, name);
    }
  });

  it('builds positions only on use', () => {
    const parsed = parseFrontmatter('---\ntitle: Adam\nlinks: 3\n---\n', FILE);
    assert.equal(parsed.frontmatter?.parsedWithPositions, false);
    assert.equal(parsed.frontmatter?.lineCounter.linePos(parsed.frontmatter.source.indexOf('links')).line, 3);
    assert.equal(parsed.frontmatter?.document.errors.length, 0);
  });

  it('matches the Document parse on shipped content', () => {
    const root = new URL('../../content/', import.meta.url);
    let fast = 0;
    for (const list of readdirSync(root)) {
      for (const name of readdirSync(new URL(`${list}/`, root))) {
        const parsed = parseFrontmatter(readFileSync(new URL(`${list}/${name}`, root), 'utf8'), `content/${list}/${name}`);
        const expected = documentResult(parsed.frontmatter?.source ?? '');
        assert.deepEqual(parsed.frontmatter?.data, expected.data, name);
        if (parsed.frontmatter?.parsedWithPositions === false) fast++;
      }
    }
    assert.ok(fast > 0, 'no shipped file took the fast parse');
  });

  it('agrees with yaml on random frontmatter', () => {
    // A fixed seed keeps the cases the same on every run; the generator mixes valid and broken
    // indentation, typed-looking scalars, quotes and flow sequences.
    let seed = 7;
    const random = () => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed / 0x7fffffff;
    };
    const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
    const keys = ['title', 'category', 'order', 'intro', 'links', 'kind', 'url', 'a', 'true', 'yes', 'toString', 'constructor', 'nul'];
    const values = ['x', 'Adam', 'yes', '0', '-1', '012', '0o17', '0x1F', '1e3', '.5', '1.', '.inf', '.NaN', 'null', '~', 'true', '2024-05-31', '1502.03160', 'a:b', 'a#b', 'a # b', 'A & B', '-x', '?x', ':x', 'x:', 'é', '"x"', '""', '"a\\"b"', '"\\u00e9"', "'a''b'", '[]', '[a, b]', '["a", \'b\']', '[a b]', '[1, true, null]', '- x', 'x  y', '%x', '[a', 'a]', '"x', "'x"];
    let fastCount = 0;
    for (let index = 0; index < 3000; index++) {
      const lines: string[] = [];
      const count = 1 + Math.floor(random() * 8);
      for (let line = 0; line < count; line++) {
        const indent = ' '.repeat(pick([0, 0, 0, 1, 2, 2, 3, 4, 6]));
        const dash = random() < 0.3 ? '- ' : '';
        const body = random() < 0.6 ? `${pick(keys)}${pick([':', ':', ' :'])}${random() < 0.7 ? ` ${pick(values)}` : ''}` : random() < 0.8 ? pick(values) : pick(['# c', '']);
        lines.push(indent + dash + body + (random() < 0.1 ? ' # note' : ''));
      }
      const newline = random() < 0.2 ? '\r\n' : '\n';
      if (assertFastAgrees(lines.join(newline) + newline)) fastCount++;
    }
    assert.ok(fastCount > 300, `only ${fastCount} cases took the fast parse`);
  });
});
