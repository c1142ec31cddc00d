import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { describe, it } from 'node:test';
import { errorSummary, measureCommand } from '../../bench/measure.ts';

// Holds a 64 MiB buffer, touched so that it is resident, then exits.
const ALLOCATE = "const b = Buffer.alloc(64 * 1024 * 1024, 1); let s = 0; for (let i = 0; i < b.length; i += 4096) s += b[i]; console.log(s);";
const MIB = 2 ** 20;

describe('measureCommand', () => {
  it('reads peak memory and CPU through GNU time', { skip: !existsSync('/usr/bin/time') && 'no /usr/bin/time' }, async () => {
    const run = await measureCommand(process.execPath, ['-e', ALLOCATE], { cwd: tmpdir(), useGnuTime: true });
    assert.equal(run.exitCode, 0);
    assert.ok((run.peakRssBytes ?? 0) > 64 * MIB, `peak ${run.peakRssBytes}`);
    assert.notEqual(run.cpuSeconds, undefined);
    assert.ok((run.cpuSeconds ?? 0) > 0, `CPU ${run.cpuSeconds}`);
  });

  it('reads peak memory and CPU from Node itself', async () => {
    const run = await measureCommand(process.execPath, ['-e', ALLOCATE], { cwd: tmpdir(), useGnuTime: false });
    assert.equal(run.exitCode, 0);
    assert.ok((run.peakRssBytes ?? 0) > 64 * MIB, `peak ${run.peakRssBytes}`);
    assert.notEqual(run.cpuSeconds, undefined);
    assert.ok((run.cpuSeconds ?? 0) > 0, `CPU ${run.cpuSeconds}`);
  });

  it('reports a failing command without throwing', async () => {
    const run = await measureCommand(process.execPath, ['-e', "console.error('Error: broken config'); process.exit(3)"], { cwd: tmpdir() });
    assert.equal(run.exitCode, 3);
    assert.equal(errorSummary(run), 'Error: broken config');
  });

  it('names running out of heap', async () => {
    const run = await measureCommand(process.execPath, ['--max-old-space-size=32', '-e', 'const a = []; for (;;) a.push(new Array(1e5).fill(1));'], { cwd: tmpdir() });
    assert.notEqual(run.exitCode, 0);
    assert.match(errorSummary(run), /JavaScript heap out of memory/);
  });

  it('kills a command that runs past its timeout', async () => {
    const run = await measureCommand(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { cwd: tmpdir(), timeoutMs: 500 });
    assert.equal(run.timedOut, true);
    assert.notEqual(run.exitCode, 0);
  });
});
