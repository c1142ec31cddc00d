// `npm run links [-- files...]`: checks the URLs of the content, or of the files given, and
// prints the dead, moved and unverified ones per file and line.
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { loadCatalog } from '../catalog/loadCatalog.ts';
import { ContentError } from '../problems/contentError.ts';
import { checkLinks } from '../links/checkLinks.ts';
import { collectLinks } from '../links/collectLinks.ts';
import { formatLinkAnnotations, formatLinkProblems, formatLinkSummary } from '../links/formatLinkReport.ts';
import { LINK_CACHE_FILE, LinkCache } from '../links/LinkCache.ts';
import { formatHuman } from '../problems/format.ts';
import { loadSettings } from '../settings/loadSettings.ts';

const USAGE = `Usage: npm run links [-- [files...] [options]]

Checks every URL of the content (entry links, arXiv abstract pages, URLs in notes and list
files), or only those of the files given, and prints the dead, moved and unverified links
per file and line. Results are cached in ${LINK_CACHE_FILE}: a re-run checks only new URLs
and results that have expired (working links after 7 days, dead ones after 1 day).

Exit status: 1 when a link is dead (404, 410, host not found, connection refused, redirect
loop); 0 otherwise, because moved and unverified links (timeouts, 5xx, 401, 403, 429) are
often temporary or caused by bot protection. With --strict, moved and unverified links also
give exit status 1. Exit status 2: invalid options or content that does not pass check.

  files              check only these files (entry files, list files or any text file)
  --concurrency N    requests in flight across all hosts (default 8)
  --delay MS         pause between two requests to the same host, in ms (default 1000)
  --timeout MS       time allowed for one request, in ms (default 15000)
  --retries N        retries after a 5xx, 429 or network error (default 2)
  --no-cache         neither read nor write ${LINK_CACHE_FILE}
  --strict           exit 1 on moved and unverified links too
  --verbose          also list links that work after temporary redirects or an http to
                     https redirect
  --format FORMAT    human (default) or github (workflow annotations); when GITHUB_ACTIONS
                     is set, human output is followed by annotations
  --content DIR      the content folder (default: content)`;

export interface LinksIo {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
  environment: NodeJS.ProcessEnv;
  /** The project root: the folder holding `content/` and `.cache/`. */
  root: string;
}

/** Runs the link checker and returns the exit status described in the usage text. */
export async function runLinks(argv: readonly string[], io: LinksIo): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        concurrency: { type: 'string' },
        delay: { type: 'string' },
        timeout: { type: 'string' },
        retries: { type: 'string' },
        'no-cache': { type: 'boolean' },
        strict: { type: 'boolean' },
        verbose: { type: 'boolean' },
        format: { type: 'string' },
        content: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    io.stderr.write(`links: ${(error as Error).message}\n\n${USAGE}\n`);
    return 2;
  }
  const { values } = parsed;
  if (values.help) {
    io.stdout.write(`${USAGE}\n`);
    return 0;
  }

  const numbers = {
    concurrency: readNumber('--concurrency', values.concurrency, 8, 1),
    delay: readNumber('--delay', values.delay, 1000, 0),
    timeout: readNumber('--timeout', values.timeout, 15_000, 1),
    retries: readNumber('--retries', values.retries, 2, 0),
  };
  const format = values.format ?? 'human';
  const invalid = Object.values(numbers).filter((value): value is string => typeof value === 'string');
  if (format !== 'human' && format !== 'github') invalid.push(`--format must be human or github, not "${format}"`);
  if (invalid.length > 0) {
    io.stderr.write(invalid.map((message) => `links: ${message}\n`).join(''));
    return 2;
  }

  let loaded;
  try {
    loaded = await loadCatalog(io.root, { contentDir: values.content });
  } catch (error) {
    if (!(error instanceof ContentError)) throw error;
    io.stderr.write(`links: ${error.message}. Fix: run the command in the project folder, or give the content folder with --content.\n`);
    return 2;
  }
  const { catalog, problems } = loaded;
  if (catalog === undefined) {
    const errors = problems.filter((problem) => problem.severity === 'error').length;
    io.stderr.write(`${formatHuman(problems)}\n`);
    io.stderr.write(`links: the content has ${errors} error${errors === 1 ? '' : 's'}, so its links cannot be read. Fix: correct the files above, then run "npm run check".\n`);
    return 2;
  }

  let occurrences;
  try {
    occurrences = await collectLinks(catalog, io.root, parsed.positionals.length > 0 ? parsed.positionals : undefined);
  } catch (error) {
    io.stderr.write(`links: ${(error as Error).message}. Fix: check the file path.\n`);
    return 2;
  }

  const cacheFile = path.join(io.root, LINK_CACHE_FILE);
  const cache = values['no-cache'] ? LinkCache.empty(cacheFile) : await LinkCache.load(cacheFile);
  const distinct = new Set(occurrences.map((occurrence) => occurrence.url)).size;
  const showProgress = io.stderr.isTTY === true;
  let done = 0;

  const started = Date.now();
  const report = await checkLinks(occurrences, {
    cache,
    maxConcurrency: numbers.concurrency as number,
    hostDelayMs: numbers.delay as number,
    timeoutMs: numbers.timeout as number,
    retries: numbers.retries as number,
    backoffMs: 1000,
    maxRedirects: 10,
    userAgent: userAgent(io.root),
    onResult: () => {
      done += 1;
      if (showProgress) io.stderr.write(`\rlinks: ${done}/${distinct}`);
    },
  });
  if (showProgress) io.stderr.write('\n');
  if (!values['no-cache']) await cache.save(Date.now());

  const problemsText = formatLinkProblems(report, values.verbose === true);
  if (problemsText !== '') io.stdout.write(`${problemsText}\n\n`);
  if (format === 'github' || io.environment.GITHUB_ACTIONS === 'true') {
    const annotations = formatLinkAnnotations(report);
    if (annotations !== '') io.stdout.write(`${annotations}\n`);
  }
  io.stdout.write(`${formatLinkSummary(report, Date.now() - started)}\n`);

  const failing = values.strict ? new Set(['dead', 'moved', 'unverified']) : new Set(['dead']);
  return report.links.some((link) => failing.has(link.result.status)) ? 1 : 0;
}

/** Reads a whole number option; returns the number, or a message when it is not one or below `minimum`. */
function readNumber(option: string, text: string | undefined, fallback: number, minimum: number): number | string {
  if (text === undefined) return fallback;
  const value = Number(text);
  if (!Number.isInteger(value) || value < minimum) return `${option} must be a whole number of at least ${minimum}, not "${text}"`;
  return value;
}

/** Names the checker and the repository in each request, so that a site owner can see who is asking. */
function userAgent(root: string): string {
  try {
    return `reading-lists-link-checker (+${loadSettings(root).repository})`;
  } catch {
    return 'reading-lists-link-checker';
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  process.exitCode = await runLinks(process.argv.slice(2), {
    stdout: process.stdout,
    stderr: process.stderr,
    environment: process.env,
    root: process.cwd(),
  });
}
