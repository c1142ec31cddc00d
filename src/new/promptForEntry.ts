// Asks, in a terminal, for the options of `new` that were not given: the list, the section, the
// title and, optionally, the arXiv id. Each answer is checked before the next question.
import { createInterface } from 'node:readline';
import type { Catalog, CatalogList } from '../catalog/types.ts';
import { suggest } from '../validate/suggest.ts';
import { findSection } from './findSection.ts';
import { NewEntryError } from './NewEntryError.ts';
import { parseArxivInput } from './parseArxivInput.ts';

export interface PromptAnswers {
  list: string;
  section: string;
  title: string;
  arxiv?: string | undefined;
}

export interface PromptIo {
  input: NodeJS.ReadableStream;
  output: NodeJS.WritableStream;
  /** True when `input` is a terminal: readline then echoes and edits the line. */
  terminal: boolean;
}

/**
 * Asks for each field of `fromOptions` that is missing, or that names no list or section, and returns
 * them all. Asks again after an answer that names no list or section, an empty title or an
 * invalid arXiv id. The arXiv question may be skipped with Enter.
 * Throws a NewEntryError when the input ends (Ctrl-D) or is interrupted (Ctrl-C) before the end.
 */
export async function promptForEntry(fromOptions: Partial<PromptAnswers>, catalog: Catalog, io: PromptIo): Promise<PromptAnswers> {
  const readline = createInterface({ input: io.input, output: io.output, terminal: io.terminal });
  readline.on('SIGINT', () => readline.close());
  // The iterator buffers lines, so answers that arrive before their question are not lost.
  const lines = readline[Symbol.asyncIterator]();
  const say = (text: string) => io.output.write(`${text}\n`);

  const ask = async (question: string): Promise<string> => {
    readline.setPrompt(question);
    readline.prompt();
    const next = await lines.next();
    if (next.done) {
      throw new NewEntryError([{ code: 'prompt-cancelled', message: 'no entry was written, because the input ended before every question was answered', fix: 'run the command again and answer every question, or give --list, --section and --title on the command line' }]);
    }
    return String(next.value).trim();
  };

  try {
    let list = fromOptions.list === undefined ? undefined : findList(catalog, fromOptions.list);
    if (list === undefined) {
      if (fromOptions.list !== undefined) say(`There is no list "${fromOptions.list}".`);
      list = await askList(catalog, ask, say);
    }

    let section = fromOptions.section === undefined ? undefined : findSection(list, fromOptions.section)?.path;
    if (section === undefined) {
      if (fromOptions.section !== undefined) say(`There is no section "${fromOptions.section}" in the list "${list.id}".`);
      section = await askSection(list, ask, say);
    }

    const title = fromOptions.title ?? (await askTitle(ask, say));
    const arxiv = fromOptions.arxiv ?? (await askArxiv(ask, say));
    return { list: list.id, section, title, arxiv };
  } finally {
    readline.close();
  }
}

type Ask = (question: string) => Promise<string>;
type Say = (text: string) => void;

function findList(catalog: Catalog, id: string): CatalogList | undefined {
  return catalog.lists.find((list) => list.id === id);
}

async function askList(catalog: Catalog, ask: Ask, say: Say): Promise<CatalogList> {
  if (catalog.lists.length === 1) {
    const only = catalog.lists[0]!;
    say(`List: ${only.id} (${only.data.title})`);
    return only;
  }

  say('Lists:');
  for (const list of catalog.lists) say(`  ${list.id}  ${list.data.title}`);
  for (;;) {
    const answer = await ask('List id: ');
    const list = findList(catalog, answer);
    if (list !== undefined) return list;
    const nearest = suggest(answer, catalog.lists.map((candidate) => candidate.id));
    say(`There is no list "${answer}".${nearest === undefined ? '' : ` Did you mean "${nearest}"?`}`);
  }
}

async function askSection(list: CatalogList, ask: Ask, say: Say): Promise<string> {
  const sections = [...list.sectionsByPath.values()];
  const width = String(sections.length).length;
  say(`Sections of "${list.data.title}":`);
  sections.forEach((section, index) => {
    say(`  ${String(index + 1).padStart(width)}  ${'  '.repeat(section.depth - 1)}${section.title}  (${section.path})`);
  });

  for (;;) {
    const answer = await ask('Section (number or path): ');
    const number = /^\d+$/.test(answer) ? Number(answer) : undefined;
    const section = number !== undefined ? sections[number - 1] : findSection(list, answer);
    if (section !== undefined) return section.path;
    const nearest = number === undefined ? suggest(answer, sections.map((candidate) => candidate.path)) : undefined;
    say(`There is no section "${answer}".${nearest === undefined ? '' : ` Did you mean "${nearest}"?`} Give a number from the list above or a path.`);
  }
}

async function askTitle(ask: Ask, say: Say): Promise<string> {
  for (;;) {
    const answer = await ask('Title: ');
    if (answer !== '') return answer;
    say('The title must not be empty.');
  }
}

async function askArxiv(ask: Ask, say: Say): Promise<string | undefined> {
  for (;;) {
    const answer = await ask('arXiv id or URL (press Enter to skip): ');
    if (answer === '') return undefined;
    if (parseArxivInput(answer) !== undefined) return answer;
    say(`"${answer}" is neither an arXiv id nor an arXiv URL. Give an id such as 1502.03167 or a URL such as https://arxiv.org/abs/1502.03167.`);
  }
}
