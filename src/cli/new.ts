// `npm run new -- --list <id> --section <path> --title "..." [...]`: writes one new entry file,
// or explains why it will not; in a terminal, prompts for the options that are missing.
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { loadCatalog } from '../catalog/loadCatalog.ts';
import { ContentError } from '../problems/contentError.ts';
import type { Catalog, CatalogList } from '../catalog/types.ts';
import { formatRejection, NewEntryError, type Rejection } from '../new/NewEntryError.ts';
import { planEntry } from '../new/planEntry.ts';
import { promptForEntry, type PromptAnswers } from '../new/promptForEntry.ts';
import { renderEntryFile } from '../new/renderEntryFile.ts';
import { writeEntryFile } from '../new/writeEntryFile.ts';
import { formatHuman } from '../problems/format.ts';
import { suggest } from '../validate/suggest.ts';

/** The environment variable that sets the `added` date when `--date` is not given, for tests and scripts. */
export const DATE_VARIABLE = 'NEW_ENTRY_DATE';

const OPTIONS = {
  list: { type: 'string' },
  section: { type: 'string' },
  title: { type: 'string' },
  arxiv: { type: 'string' },
  link: { type: 'string', multiple: true },
  keyword: { type: 'string', multiple: true },
  intro: { type: 'string', multiple: true },
  date: { type: 'string' },
  sections: { type: 'boolean' },
  'dry-run': { type: 'boolean' },
  content: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

const USAGE = `Usage: npm run new -- --list <id> --section <path> --title "<title>" [options]

Writes content/<list>/<slug of the title>.md with the entry's frontmatter, after checking
that the list and section exist and that no entry of the list has the same arXiv id, URL or
title. Never overwrites a file. In a terminal, asks for the list, section and title when
they are not given. The list may be left out when there is only one.

  --list ID             the list: its folder name under content/
  --section PATH        the section path, such as activation-functions/relu (a section id
                        or title that only one section has also works)
  --title TEXT          the title of the work, on one line
  --arxiv ID|URL        an arXiv id (1502.03167, cs/0112017) or arXiv URL (abs or pdf)
  --link KIND=URL       a link, such as code=https://github.com/user/repo or
                        code(PyTorch)=https://...; repeat for more links
  --keyword TERM        a keyword; repeat, or separate several with commas
  --intro TEXT          a short line: venue, affiliation or a one-line summary; repeatable
  --date YYYY-MM-DD     the added date (default: today, or $${DATE_VARIABLE} when set)
  --sections            print the section paths of the list (or of every list) and exit
  --dry-run             print the file instead of writing it
  --content DIR         the content folder (default: content)

Exit status: 0 when the file was written, 1 when new rejected the entry, 2 on invalid options.`;

export interface NewIo {
  stdin: NodeJS.ReadableStream & { isTTY?: boolean };
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  environment: NodeJS.ProcessEnv;
  /** The project root: the folder holding `content/`. */
  root: string;
  /** The current time, for today's date; default now. */
  now?: Date | undefined;
}

/** Runs `new` and returns the exit status described in the usage text. */
export async function runNew(argv: readonly string[], io: NewIo): Promise<number> {
  const reject = (rejections: readonly Rejection[], status = 1) => {
    for (const rejection of rejections) io.stderr.write(`new: ${formatRejection(rejection)}\n`);
    return status;
  };

  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: false, strict: true });
  } catch (error) {
    return reject([optionError(error as Error)], 2);
  }
  const { values } = parsed;
  if (values.help) {
    io.stdout.write(`${USAGE}\n`);
    return 0;
  }

  let loaded;
  try {
    loaded = await loadCatalog(io.root, { contentDir: values.content });
  } catch (error) {
    if (!(error instanceof ContentError)) throw error;
    return reject([{ code: 'unreadable-content', message: error.message, fix: 'run the command in the project folder, or give the content folder with --content' }]);
  }
  const { catalog, problems } = loaded;
  if (catalog === undefined) {
    const errors = problems.filter((problem) => problem.severity === 'error').length;
    io.stderr.write(`${formatHuman(problems)}\n`);
    return reject([{
      code: 'invalid-content',
      message: `the content has ${errors} error${errors === 1 ? '' : 's'}, so new cannot check the new entry against it`,
      fix: 'correct the files above, then run "npm run check" and "npm run new" again',
    }]);
  }

  if (values.sections) return printSections(catalog, values.list, io, reject);

  let answers: Partial<PromptAnswers> = {
    list: values.list ?? (catalog.lists.length === 1 ? catalog.lists[0]!.id : undefined),
    section: values.section,
    title: values.title,
    arxiv: values.arxiv,
  };
  const missing = (['list', 'section', 'title'] as const).filter((key) => answers[key] === undefined);
  if (missing.length > 0) {
    if (io.stdin.isTTY !== true) {
      return reject([{
        code: 'missing-option',
        message: `missing ${missing.map((key) => `--${key}`).join(', ')}`,
        fix: 'give the missing options, or run the command in a terminal to be asked for them; "npm run new -- --help" lists every option',
      }], 2);
    }
    try {
      // A real terminal has setRawMode: readline then echoes and edits the line. An injected stream is read as plain lines.
      const terminal = typeof (io.stdin as { setRawMode?: unknown }).setRawMode === 'function';
      answers = await promptForEntry(answers, catalog, { input: io.stdin, output: io.stdout, terminal });
    } catch (error) {
      if (error instanceof NewEntryError) return reject(error.rejections);
      throw error;
    }
  }

  return writeEntry({ ...answers, values, catalog, io, reject });
}

interface WriteRequest extends Partial<PromptAnswers> {
  values: { link?: string[] | undefined; keyword?: string[] | undefined; intro?: string[] | undefined; date?: string | undefined; 'dry-run'?: boolean | undefined };
  catalog: Catalog;
  io: NewIo;
  reject: (rejections: readonly Rejection[], status?: number) => number;
}

async function writeEntry(request: WriteRequest): Promise<number> {
  const { values, io, reject } = request;
  const added = values.date ?? io.environment[DATE_VARIABLE] ?? localDate(io.now ?? new Date());

  try {
    const plan = planEntry({
      list: request.list ?? '',
      section: request.section ?? '',
      title: request.title ?? '',
      arxiv: request.arxiv,
      links: values.link,
      keywords: values.keyword,
      intro: values.intro,
      added,
    }, request.catalog);
    const text = renderEntryFile(plan.frontmatter);

    if (values['dry-run']) {
      io.stdout.write(`${plan.file} (not written: --dry-run)\n${text}`);
      return 0;
    }

    await writeEntryFile(path.join(io.root, plan.file), plan.file, text);
    const place = plan.frontmatter.order === undefined ? '' : `, position ${plan.frontmatter.order}`;
    io.stdout.write(`Created ${plan.file}\n  in the section "${plan.section.title}" (${plan.section.path})${place} of the list "${plan.list.id}".\n`);
    io.stdout.write('Next: add notes below the closing "---" if you like, run "npm run check", and open a pull request.\n');
    return 0;
  } catch (error) {
    if (error instanceof NewEntryError) return reject(error.rejections);
    throw error;
  }
}

function printSections(catalog: Catalog, listId: string | undefined, io: NewIo, reject: WriteRequest['reject']): number {
  const lists = listId === undefined ? catalog.lists : catalog.lists.filter((list) => list.id === listId);
  if (lists.length === 0) {
    const nearest = suggest(listId ?? '', catalog.lists.map((list) => list.id));
    return reject([{ code: 'unknown-list', message: `unknown list "${listId}"`, fix: nearest === undefined ? `give one of the lists: ${catalog.lists.map((list) => list.id).join(', ')}` : `did you mean "${nearest}"?` }]);
  }
  for (const list of lists) io.stdout.write(`${sectionListing(list)}\n`);
  return 0;
}

/** Writes a list's id and title, then each section path with its title (indented by depth) and entry count. */
function sectionListing(list: CatalogList): string {
  const sections = [...list.sectionsByPath.values()];
  const width = Math.max(...sections.map((section) => section.path.length));
  const lines = sections.map((section) => {
    const count = `${section.totalEntries} entr${section.totalEntries === 1 ? 'y' : 'ies'}`;
    return `  ${section.path.padEnd(width)}  ${'  '.repeat(section.depth - 1)}${section.title} (${count})`;
  });
  return [`${list.id}: ${list.data.title}`, ...lines].join('\n');
}

function optionError(error: Error): Rejection {
  const unknown = /Unknown option '(--?[^']+)'/.exec(error.message)?.[1];
  if (unknown !== undefined) {
    const nearest = suggest(unknown.replace(/^-+/, ''), Object.keys(OPTIONS));
    return {
      code: 'unknown-option',
      message: `unknown option "${unknown}"`,
      fix: nearest === undefined ? 'run "npm run new -- --help" to see every option' : `did you mean "--${nearest}"?`,
    };
  }
  return { code: 'invalid-option', message: error.message.replace(/\.$/, ''), fix: 'run "npm run new -- --help" to see every option' };
}

/** Returns the calendar date of `now` in the local time zone, as YYYY-MM-DD. */
function localDate(now: Date): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  process.exitCode = await runNew(process.argv.slice(2), {
    stdin: process.stdin,
    stdout: process.stdout,
    stderr: process.stderr,
    environment: process.env,
    root: process.cwd(),
  });
}
