import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import path from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { makeContent } from '../support/contentFixture.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const TSX = path.join(ROOT, 'node_modules/.bin/tsx');
const CHECK = path.join(ROOT, 'src/cli/check.ts');

interface Run {
  status: number;
  stdout: string;
  stderr: string;
}

/** Runs `check` in a copy of the valid fixture with `files` added, without GITHUB_ACTIONS unless given. */
async function runCheck(files: Record<string, string | Uint8Array>, args: string[] = [], environment: Record<string, string> = {}): Promise<Run> {
  const fixture = await makeContent(files);
  const env = { ...process.env, ...environment };
  if (!('GITHUB_ACTIONS' in environment)) delete env.GITHUB_ACTIONS;
  try {
    const { stdout, stderr } = await promisify(execFile)(TSX, [CHECK, ...args], { cwd: fixture.root, env });
    return { status: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { status: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  } finally {
    await fixture.remove();
  }
}

const BAD = { 'training-basics/bad.md': '---\ntitle: 1984\ncategory: tricks\n---\n' };
const BAD_LINE = 'content/training-basics/bad.md:2:8  error  title: must be text, but YAML reads 1984 as a number (received 1984). Fix: put it in quotes: title: "1984".';
const BAD_ANNOTATION = '::error file=content/training-basics/bad.md,line=2,col=8,title=title (not-text)::must be text, but YAML reads 1984 as a number (received 1984).%0AFix: put it in quotes: title: "1984"';

describe('check command', () => {
  it('prints one line when clean', async () => {
    const run = await runCheck({});
    assert.equal(run.status, 0);
    assert.equal(run.stdout, 'checked 2 lists, 7 sections, 6 entries: no problems\n');
  });

  it('exits 1 on an error', async () => {
    const run = await runCheck(BAD);
    assert.equal(run.status, 1);
    assert.equal(run.stdout, `${BAD_LINE}\n1 error, 0 warnings\n`);
  });

  it('exits 0 on warnings only', async () => {
    const run = await runCheck({ 'training-basics/notes.txt': 'x' });
    assert.equal(run.status, 0);
    assert.equal(
      run.stdout,
      [
        'content/training-basics/notes.txt:1:1  warning  the file is not read: only .md files are content. Fix: rename it to end in .md if it is an entry, or remove it.',
        '0 errors, 1 warning',
        'checked 2 lists, 7 sections, 6 entries: no errors',
        '',
      ].join('\n'),
    );
  });

  it('prints annotations with --format github', async () => {
    const run = await runCheck(BAD, ['--format', 'github']);
    assert.equal(run.status, 1);
    assert.equal(run.stdout, `${BAD_ANNOTATION}\n`);
  });

  it('adds annotations under GITHUB_ACTIONS', async () => {
    const run = await runCheck(BAD, [], { GITHUB_ACTIONS: 'true' });
    assert.equal(run.status, 1);
    assert.equal(run.stdout, `${BAD_LINE}\n1 error, 0 warnings\n${BAD_ANNOTATION}\n`);
  });

  it('prints JSON with --format json', async () => {
    const run = await runCheck(BAD, ['--format', 'json']);
    assert.equal(run.status, 1);
    const report = JSON.parse(run.stdout);
    assert.equal(report.ok, false);
    assert.equal(report.errors, 1);
    assert.deepEqual(report.summary, { lists: 2, sections: 7, entries: 6 });
    assert.deepEqual(report.problems[0], {
      stage: 'validate',
      severity: 'error',
      code: 'not-text',
      file: 'content/training-basics/bad.md',
      line: 2,
      column: 8,
      field: 'title',
      message: 'must be text, but YAML reads 1984 as a number',
      received: '1984',
      fix: 'put it in quotes: title: "1984"',
    });
  });

  it('prints clean JSON', async () => {
    const run = await runCheck({}, ['--format', 'json']);
    assert.equal(run.status, 0);
    assert.deepEqual(JSON.parse(run.stdout), { ok: true, errors: 0, warnings: 0, summary: { lists: 2, sections: 7, entries: 6 }, problems: [] });
  });

  it('cuts a long line for people only', async () => {
    const line = `intro: NeurIPS: ${'x'.repeat(10 * 1024)}`;
    const files = { 'training-basics/long.md': `---\ntitle: Long\ncategory: tricks\n${line}\n---\n` };
    const human = await runCheck(files);
    assert.equal(human.status, 1);
    assert.equal(
      human.stdout,
      `content/training-basics/long.md:4:8  error  invalid YAML: Nested mappings are not allowed in compact mappings (received ${line.slice(0, 200)}... [10,256 characters, cut]). Fix: put the value in double quotes, because a colon followed by a space starts a new key.\n1 error, 0 warnings\n`,
    );
    const json = await runCheck(files, ['--format', 'json']);
    assert.equal(JSON.parse(json.stdout).problems[0].received, line);
  });

  it('reports a Latin-1 file', async () => {
    const run = await runCheck({ 'training-basics/cafe.md': Buffer.from('---\ntitle: Caf\u00e9\ncategory: tricks\n---\n', 'latin1') });
    assert.equal(run.status, 1);
    assert.match(run.stdout, /^content\/training-basics\/cafe\.md:2:11  error  the file is not valid UTF-8: the byte 0xE9 /);
  });

  it('checks only the given files', async () => {
    const run = await runCheck({ ...BAD, 'training-basics/other.md': '---\ntitle: Other\ncategory: nowhere\n---\n' }, ['content/training-basics/bad.md']);
    assert.equal(run.status, 1);
    assert.equal(run.stdout, `${BAD_LINE}\n1 error, 0 warnings\n`);
  });

  it('rejects an unknown format', async () => {
    const run = await runCheck({}, ['--format', 'xml']);
    assert.equal(run.status, 2);
    assert.equal(run.stderr, 'check: unknown format "xml"; use one of: human, github, json\n');
  });

  it('reports a missing content folder', async () => {
    const run = await runCheck({}, ['--content', 'missing']);
    assert.equal(run.status, 2);
    assert.match(run.stderr, /^check: cannot read the content folder missing: ENOENT/);
  });

  it('rejects an empty --content', async () => {
    const run = await runCheck({}, ['--content=']);
    assert.equal(run.status, 2);
    assert.match(run.stderr, /^check: --content needs a folder/);
  });

  it('reports a content folder without lists', async () => {
    const run = await runCheck({ 'empty/.keep': '' }, ['--content', 'content/empty']);
    assert.equal(run.status, 1);
    assert.match(run.stdout, /^content\/empty:1:1  error  the content folder has no list: a list is a folder with a _list\.md file and its entry files\. Fix: add a list folder with a _list\.md, such as content\/empty\/<list-id>\/_list\.md/);
  });
});
