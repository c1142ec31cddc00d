// Eleventy's command-line options read as Eleventy reads them.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isDryRun } from '../../src/site/commandLine.ts';

describe('isDryRun', () => {
  const cases: [string[], boolean][] = [
    [['--dryrun'], true],
    [['--dryrun=true'], true],
    [['--dryrun=1'], true],
    [['--dryrun=yes'], true],
    [['--output', '_site', '--dryrun'], true],
    [['--dryrun=false'], false],
    [['--dryrun', 'false'], false],
    [['--dryrun', '--no-dryrun'], false],
    [['--no-dryrun'], false],
    [[], false],
  ];
  for (const [argv, expected] of cases) {
    it(`reads ${argv.join(' ') || 'no options'} as ${expected}`, () => {
      assert.equal(isDryRun(argv), expected);
    });
  }
});
