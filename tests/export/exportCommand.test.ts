import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { REPOSITORY_ROOT } from '../import/importFixtures.ts';

const SHIPPED_LIST = 'training-deep-neural-networks';
const scratch = mkdtempSync(path.join(tmpdir(), 'export-command-'));
after(() => rmSync(scratch, { recursive: true, force: true }));

function runExport(...args: string[]) {
  return spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/export.ts', ...args], { cwd: REPOSITORY_ROOT, encoding: 'utf8' });
}

describe('export command', () => {
  it('writes the document and the import command', () => {
    const out = path.join(scratch, 'list.md');
    const result = runExport('--list', SHIPPED_LIST, '--out', out);
    assert.equal(result.status, 0, result.stderr);
    assert.match(readFileSync(out, 'utf8'), /^---\n/);
    assert.match(result.stderr, /To import it again:\n {2}npm run import -- /);
  });

  it('reports a missing folder in one line', () => {
    const out = path.join(scratch, 'missing', 'list.md');
    const result = runExport('--list', SHIPPED_LIST, '--out', out);
    assert.equal(result.status, 1);
    assert.equal(result.stderr.trim().split('\n').length, 1, result.stderr);
    assert.match(result.stderr, /^export: cannot write .*list\.md: the folder .*missing\/ does not exist; create it or give another --out\./);
    assert.doesNotMatch(result.stderr, /ENOENT|\n {4}at /);
    assert.equal(existsSync(path.join(scratch, 'missing')), false);
  });

  it('reports a folder given as file', () => {
    const result = runExport('--list', SHIPPED_LIST, '--out', scratch);
    assert.equal(result.status, 1);
    assert.match(result.stderr, /is a folder; give a file name to --out/);
    assert.deepEqual(readdirSync(scratch).filter((name) => name.includes('.export-')), []);
  });
});
