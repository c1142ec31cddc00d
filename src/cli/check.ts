// `npm run check [-- files...] [--format human|github|json]`: validates the content and prints
// every problem; exits 1 on any error.
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { loadCatalog } from '../catalog/loadCatalog.ts';
import { ContentError } from '../problems/contentError.ts';
import { formatGithub, formatHuman, formatJson, type ProblemFormat } from '../problems/format.ts';

const FORMATS: readonly ProblemFormat[] = ['human', 'github', 'json'];

const USAGE = `Usage: npm run check [-- [files...] [--format human|github|json] [--content DIR]]

Validates every list and entry under content/ and prints each problem as
file:line:column, the field, what is wrong and the fix. Exits 1 on any error.

  files            report only on these files (the whole content is still read)
  --format FORMAT  human (default), github (workflow annotations) or json;
                   when GITHUB_ACTIONS is set, human output is followed by annotations
  --content DIR    the content folder, relative to the current folder (default: content)`;

/**
 * Runs the check and returns the exit status: 0 when clean or with warnings only, 1 on any
 * error in the content, 2 on a usage error or when the content folder cannot be read.
 */
export async function runCheck(argv: readonly string[], environment: NodeJS.ProcessEnv = process.env, root: string = process.cwd()): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: { format: { type: 'string' }, content: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    });
  } catch (error) {
    process.stderr.write(`check: ${(error as Error).message}\n\n${USAGE}\n`);
    return 2;
  }
  if (parsed.values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }

  const format = (parsed.values.format ?? 'human') as ProblemFormat;
  if (!FORMATS.includes(format)) {
    process.stderr.write(`check: unknown format "${format}"; use one of: ${FORMATS.join(', ')}\n`);
    return 2;
  }

  if (parsed.values.content === '') {
    process.stderr.write(`check: --content needs a folder, such as --content content\n\n${USAGE}\n`);
    return 2;
  }

  const files = parsed.positionals.length > 0 ? parsed.positionals : undefined;
  let loaded;
  try {
    loaded = await loadCatalog(root, { contentDir: parsed.values.content, files });
  } catch (error) {
    if (!(error instanceof ContentError)) throw error;
    process.stderr.write(`check: ${error.message}\n`);
    return 2;
  }
  const { problems, summary } = loaded;
  const errors = problems.filter((problem) => problem.severity === 'error').length;
  const status = errors > 0 ? 1 : 0;

  if (format === 'json') {
    process.stdout.write(`${formatJson(problems, summary)}\n`);
    return status;
  }

  const summaryLine = `checked ${summary.lists} list${summary.lists === 1 ? '' : 's'}, ${summary.sections} section${summary.sections === 1 ? '' : 's'}, ${summary.entries} entr${summary.entries === 1 ? 'y' : 'ies'}`;
  if (problems.length === 0) {
    process.stdout.write(`${summaryLine}: no problems\n`);
    return status;
  }

  if (format === 'human' || environment.GITHUB_ACTIONS === 'true') process.stdout.write(`${formatHuman(problems)}\n`);
  if (format === 'github' || environment.GITHUB_ACTIONS === 'true') process.stdout.write(`${formatGithub(problems)}\n`);
  if (errors === 0) process.stdout.write(`${summaryLine}: no errors\n`);
  return status;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  process.exitCode = await runCheck(process.argv.slice(2));
}
