import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { formatBytes, readStoredResults, renderTable, updateBenchmarksPage } from '../../bench/report.ts';
import { median, percentile, type SizeResult } from '../../bench/results.ts';

function result(label: string, entries: number, buildSeconds: number): SizeResult {
  const figures = { wallSeconds: buildSeconds, cpuSeconds: buildSeconds, peakRssBytes: 200 * 2 ** 20, allWallSeconds: [buildSeconds] };
  return {
    label,
    entries,
    lists: 1,
    date: '2026-01-02T03:04:05.000Z',
    command: 'npm run bench --',
    machine: '2 cores',
    loadAverage: 0.5,
    repeats: 1,
    build: { ok: true, value: figures },
    check: { ok: false, reason: 'src/cli/check.ts does not exist yet' },
    baseline: { ok: true, value: { ...figures, wallSeconds: buildSeconds * 2, cpuSeconds: buildSeconds * 2 } },
    search: { ok: false, reason: 'skipped with --skip' },
    browser: { ok: false, reason: 'skipped with --skip' },
  };
}

describe('renderTable', () => {
  it('puts sizes in columns, smallest first', () => {
    const table = renderTable([result('10k', 10_000, 8), result('1k', 1000, 2)]);
    const header = table.split('\n')[0] ?? '';
    assert.ok(header.indexOf('1k entries') < header.indexOf('10k entries'));
  });

  it('shows the build to baseline ratio', () => {
    assert.match(renderTable([result('1k', 1000, 2)]), /\| build \/ baseline: wall, CPU \| 0\.50, 0\.50 \|/);
  });

  it('shows the first runs into new folders', () => {
    const measured = result('1k', 1000, 2);
    assert.ok(measured.build.ok);
    assert.ok(measured.baseline.ok);
    measured.build.value.firstRun = { wallSeconds: 3, cpuSeconds: 4 };
    measured.baseline.value.firstRun = { wallSeconds: 4, cpuSeconds: 5 };

    assert.match(renderTable([measured]), /\| first run, into a new output folder: build, baseline, build \/ baseline \(wall\) \| 3\.00 s, 4\.00 s, 0\.75 \|/);
    assert.match(renderTable([result('1k', 1000, 2)]), /\| first run, into a new output folder: build, baseline, build \/ baseline \(wall\) \| not available \|/);
  });

  it('lists the reason for each missing figure', () => {
    assert.match(renderTable([result('1k', 1000, 2)]), /- 1k, check: src\/cli\/check\.ts does not exist yet/);
  });
});

describe('updateBenchmarksPage', () => {
  const page = '# Benchmarks\n\nHand-written text.\n\n<!-- bench:results:start -->\n<!-- bench:results:end -->\n\n## Analysis\n';

  it('keeps the text outside the markers', () => {
    const updated = updateBenchmarksPage(page, [result('1k', 1000, 2)]);
    assert.ok(updated.startsWith('# Benchmarks\n\nHand-written text.\n'));
    assert.ok(updated.endsWith('\n\n## Analysis\n'));
  });

  it('keeps other sizes and replaces measured ones', () => {
    const first = updateBenchmarksPage(page, [result('1k', 1000, 2), result('10k', 10_000, 9)]);
    const second = updateBenchmarksPage(first, [result('1k', 1000, 3)]);
    const stored = readStoredResults(second);
    assert.deepEqual(stored.map((entry) => entry.label).sort(), ['10k', '1k']);
    const build = stored.find((entry) => entry.label === '1k')?.build;
    assert.ok(build?.ok);
    assert.equal(build.value.wallSeconds, 3);
  });

  it('appends the block to a page without markers', () => {
    assert.match(updateBenchmarksPage('# Benchmarks\n', [result('1k', 1000, 2)]), /<!-- bench:results:start -->[\s\S]*<!-- bench:results:end -->\n$/);
  });
});

describe('statistics', () => {
  it('takes the median and 95th percentile', () => {
    assert.equal(median([3, 1, 2]), 2);
    assert.equal(percentile(Array.from({ length: 100 }, (_, i) => i + 1), 95), 95);
    assert.ok(Number.isNaN(median([])));
  });

  it('formats bytes in decimal units', () => {
    assert.equal(formatBytes(812), '812 B');
    assert.equal(formatBytes(80_100), '80.1 KB');
    assert.equal(formatBytes(14_800_000), '14.8 MB');
  });
});
