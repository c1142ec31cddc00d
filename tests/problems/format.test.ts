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
