import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { escapeData, escapeProperty, formatGithub, formatHuman, formatJson, formatProblem } from '../../src/problems/format.ts';
import type { Problem } from '../../src/problems/problem.ts';

const PROBLEM: Problem = {
  stage: 'validate',
  severity: 'error',
  code: 'unquoted-arxiv',
  file: 'content/list/adam.md',
  line: 4,
  column: 8,
  field: 'arxiv',
  message: 'must be a quoted string: YAML reads 1502.03160 as the number 1502.0316, which drops the trailing zero',
  received: '1502.03160',
  fix: 'put the id in quotes: arxiv: "1502.03160"',
};

const WARNING: Problem = {
  stage: 'read',
  severity: 'warning',
  code: 'not-markdown',
  file: 'content/list/a,b%.txt',
  line: 1,
  column: 1,
  field: '',
  message: 'the file is not read: only .md files are content',
};

describe('formatProblem', () => {
  it('writes one line', () => {
    assert.equal(
      formatProblem(PROBLEM),
      'content/list/adam.md:4:8  error  arxiv: must be a quoted string: YAML reads 1502.03160 as the number 1502.0316, which drops the trailing zero (received 1502.03160). Fix: put the id in quotes: arxiv: "1502.03160".',
    );
  });

  it('leaves out empty parts', () => {
    assert.equal(formatProblem(WARNING), 'content/list/a,b%.txt:1:1  warning  the file is not read: only .md files are content.');
  });

  it('keeps a question as the end', () => {
    assert.equal(formatProblem({ ...WARNING, fix: 'did you mean "keywords"?' }), 'content/list/a,b%.txt:1:1  warning  the file is not read: only .md files are content. Fix: did you mean "keywords"?');
  });
});

describe('long received values', () => {
  const LONG: Problem = { ...PROBLEM, received: `intro: ${'x'.repeat(10 * 1024)}\r` };
  const SHOWN = `intro: ${'x'.repeat(193)}... [10,249 characters, cut]`;

  it('cuts them for people', () => {
    assert.ok(formatProblem(LONG).includes(`(received ${SHOWN}).`));
  });

  it('cuts them in annotations', () => {
    assert.ok(formatGithub([LONG]).includes(`(received ${SHOWN}).`));
  });

  it('keeps them whole in JSON', () => {
    assert.deepEqual(JSON.parse(formatJson([LONG])).problems, [LONG]);
  });

  it('escapes a carriage return for people', () => {
    assert.ok(formatProblem({ ...PROBLEM, received: 'a\rb' }).includes('(received a\\rb)'));
  });
});

describe('control characters in every part', () => {
  const HOSTILE: Problem = {
    stage: 'validate',
    severity: 'error',
    code: 'unknown-key',
    file: 'content/list/esc\u001b[31mred\nline.md',
    line: 4,
    column: 8,
    field: 'foo\u009b31m',
    message: 'unknown key "foo\u009b31m" and the title "Title\u001b"',
    fix: 'remove\r it\u0007',
  };

  it('escapes them for people', () => {
    assert.equal(
      formatProblem(HOSTILE),
      'content/list/esc\\x1B[31mred\\nline.md:4:8  error  foo\\x9B31m: unknown key "foo\\x9B31m" and the title "Title\\x1B". Fix: remove\\r it\\x07.',
    );
  });

  it('keeps a report line whole', () => {
    assert.equal(formatHuman([HOSTILE]).split('\n').length, 2);
  });

  it('escapes them in annotations', () => {
    assert.equal(
      formatGithub([HOSTILE]),
      '::error file=content/list/esc\\x1B[31mred%0Aline.md,line=4,col=8,title=foo\\x9B31m (unknown-key)::unknown key "foo\\x9B31m" and the title "Title\\x1B".%0AFix: remove\\r it\\x07',
    );
  });

  it('keeps them in JSON', () => {
    assert.deepEqual(JSON.parse(formatJson([HOSTILE])).problems, [HOSTILE]);
  });
});

describe('long values quoted in messages', () => {
  const CATEGORY = 'c'.repeat(200_000);
  const UNKNOWN_SECTION: Problem = {
    ...PROBLEM,
    code: 'unknown-section',
    field: 'category',
    message: `unknown section "${CATEGORY}" in the list "list"`,
    received: CATEGORY,
    fix: `did you mean "${'d'.repeat(300)}"?`,
  };
  const SHOWN_MESSAGE = `unknown section "${'c'.repeat(200)}... [200,000 characters, cut]" in the list "list"`;
  const SHOWN_RECEIVED = `${'c'.repeat(200)}... [200,000 characters, cut]`;
  const SHOWN_FIX = `did you mean "${'d'.repeat(200)}... [300 characters, cut]"?`;

  it('cuts them for people', () => {
    assert.equal(formatProblem(UNKNOWN_SECTION), `content/list/adam.md:4:8  error  category: ${SHOWN_MESSAGE} (received ${SHOWN_RECEIVED}). Fix: ${SHOWN_FIX}`);
  });

  it('cuts them in annotations', () => {
    assert.equal(
      formatGithub([UNKNOWN_SECTION]),
      `::error file=content/list/adam.md,line=4,col=8,title=category (unknown-section)::${SHOWN_MESSAGE} (received ${SHOWN_RECEIVED}).%0AFix: ${SHOWN_FIX}`,
    );
  });

  it('cuts a long field', () => {
    const key = 'k'.repeat(10_000);
    const line = formatProblem({ ...PROBLEM, code: 'unknown-key', field: key, message: `unknown key "${key}"`, received: undefined });
    assert.ok(line.startsWith(`content/list/adam.md:4:8  error  ${'k'.repeat(200)}... [10,000 characters, cut]: unknown key "${'k'.repeat(200)}... [10,000 characters, cut]".`), line.slice(0, 300));
    assert.ok(line.length < 1000, String(line.length));
  });

  it('bounds a message without quotes', () => {
    const line = formatProblem({ ...PROBLEM, message: 'm'.repeat(50_000), received: undefined, fix: undefined });
    assert.ok(line.endsWith(`${'m'.repeat(10)}... [50,000 characters, cut].`), line.slice(-80));
    assert.ok(line.length < 1100, String(line.length));
  });

  it('keeps them whole in JSON', () => {
    assert.deepEqual(JSON.parse(formatJson([UNKNOWN_SECTION])).problems, [UNKNOWN_SECTION]);
  });
});

describe('formatHuman', () => {
  it('sorts and counts', () => {
    assert.equal(
      formatHuman([PROBLEM, WARNING]),
      [formatProblem(WARNING), formatProblem(PROBLEM), '1 error, 1 warning'].join('\n'),
    );
  });

  it('writes nothing without problems', () => {
    assert.equal(formatHuman([]), '');
  });
});

describe('formatGithub', () => {
  it('writes workflow commands', () => {
    assert.equal(
      formatGithub([PROBLEM]),
      '::error file=content/list/adam.md,line=4,col=8,title=arxiv (unquoted-arxiv)::must be a quoted string: YAML reads 1502.03160 as the number 1502.0316, which drops the trailing zero (received 1502.03160).%0AFix: put the id in quotes: arxiv: "1502.03160"',
    );
  });

  it('escapes properties and data', () => {
    assert.equal(formatGithub([WARNING]), '::warning file=content/list/a%2Cb%25.txt,line=1,col=1,title=not-markdown::the file is not read: only .md files are content.');
    assert.equal(escapeData('100%\r\nnext'), '100%25%0D%0Anext');
    assert.equal(escapeProperty('a:b,c%\n'), 'a%3Ab%2Cc%25%0A');
  });
});

describe('formatJson', () => {
  it('writes problems and summary', () => {
    const parsed = JSON.parse(formatJson([PROBLEM, WARNING], { lists: 1, sections: 2, entries: 3 }));
    assert.deepEqual(parsed, { ok: false, errors: 1, warnings: 1, summary: { lists: 1, sections: 2, entries: 3 }, problems: [WARNING, PROBLEM] });
  });
});
