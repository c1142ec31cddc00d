import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { REPOSITORY_ROOT } from './importFixtures.ts';

const scratch = mkdtempSync(path.join(tmpdir(), 'import-command-'));
after(() => rmSync(scratch, { recursive: true, force: true }));

function runImport(...args: string[]) {
  return spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/import.ts', ...args], { cwd: REPOSITORY_ROOT, encoding: 'utf8' });
}

describe('import command', () => {
  it('writes a list and its report', () => {
    const out = path.join(scratch, 'ok');
    const result = runImport('tests/fixtures/import/bad-key-typo.md', '--list', 'typos', '--out', out);
    assert.equal(result.status, 0, result.stderr);
    assert.match(result.stdout, /^Imported tests\/fixtures\/import\/bad-key-typo\.md as the list "typos": 1 section, 1 entry/);
    assert.match(result.stdout, /bad-key-typo\.md:7 {2}the key "gihtub" is corrected to "github"/);
    assert.deepEqual(readdirSync(path.join(out, 'typos')).sort(), ['_list.md', 'expressiveness-of-rectifier-networks.md']);
  });

  it('names the line and writes nothing on bad input', () => {
    const out = path.join(scratch, 'bad');
    const result = runImport('tests/fixtures/import/bad-no-entries.md', '--list', 'empty', '--out', out);
    assert.equal(result.status, 1);
    assert.match(result.stderr, /^tests\/fixtures\/import\/bad-no-entries\.md:1:1 {2}error {2}the document has no entries/);
    assert.equal(existsSync(out), false);
  });

  it('stops on stale files without replace', () => {
    const out = path.join(scratch, 'stale');
    assert.equal(runImport('tests/fixtures/import/bad-key-typo.md', '--list', 'typos', '--out', out).status, 0);
    writeFileSync(path.join(out, 'typos', 'removed-entry.md'), '---\ntitle: Old\n---\n');

    const refused = runImport('tests/fixtures/import/bad-key-typo.md', '--list', 'typos', '--out', out);
    assert.equal(refused.status, 1);
    assert.match(refused.stderr, /removed-entry\.md/);
    assert.ok(existsSync(path.join(out, 'typos', 'removed-entry.md')));

    const replaced = runImport('tests/fixtures/import/bad-key-typo.md', '--list', 'typos', '--out', out, '--replace');
    assert.equal(replaced.status, 0, replaced.stderr);
    assert.equal(existsSync(path.join(out, 'typos', 'removed-entry.md')), false);
  });

  it('rejects a missing list id', () => {
    const result = runImport('tests/fixtures/import/bad-key-typo.md');
    assert.equal(result.status, 2);
    assert.match(result.stderr, /--list <list-id> is required/);
  });
});
