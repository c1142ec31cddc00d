// Eleventy's command-line options that Eleventy 3.1 passes to no event handler, read from
// process.argv the way its command line reads them.
import minimist from 'minimist';

/**
 * The options of Eleventy 3.1's command line (cmd.cjs) that take a value, and those that are
 * flags. With them, minimist reads `--dryrun false`, `--dryrun=1` and `--no-dryrun` as Eleventy
 * does. A simpler test of the arguments once took `--dryrun false` for a dry run, and the build
 * then wrote Eleventy's pages without the entry pages and search files.
 */
const ELEVENTY_OPTIONS = {
  string: ['input', 'output', 'formats', 'config', 'pathprefix', 'port', 'to', 'incremental', 'loader'],
  boolean: ['quiet', 'version', 'watch', 'dryrun', 'help', 'serve', 'ignore-initial'],
};

/** Returns whether Eleventy runs with `--dryrun`, which writes no file. */
export function isDryRun(argv: readonly string[] = process.argv.slice(2)): boolean {
  return minimist([...argv], ELEVENTY_OPTIONS).dryrun === true;
}
