// `npm run import -- <document.md> --list <id> [options]`: imports a single-document reading
// list into content/<id>/ and prints the report.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { formatProblem } from '../problems/format.ts';
import { importDocument, type ImportOptions } from '../import/importDocument.ts';
import { formatImportReport } from '../import/importReport.ts';
import { StaleFilesError, writeListFolder } from '../import/writeListFolder.ts';

const USAGE = `Usage: npm run import -- <document.md> --list <list-id> [options]

Imports a reading list written as one Markdown document into <out>/<list-id>/: a list file
(_list.md) and one file per entry. Prints what it read, every correction it made and every
line it kept as free text.

Options:
  --list <id>            the list's folder name, such as training-deep-neural-networks (required)
  --out <dir>            the content folder (default: content)
  --added <file.tsv>     dates each title was added: a header "first_seen<TAB>title", then one line per title
  --base-url <url>       resolve site-relative links and images (/assets/...) against this URL
  --source-url <url>     where the original document lives (needs --licence)
  --licence <text>       the licence of the original, such as MIT
  --licence-url <url>    the address of that licence
  --copyright <text>     the copyright line of the original
  --revision <text>      the revision of the original, such as a commit id
  --title <text>         the list's title (default: the document's front matter title)
  --description <text>   one or two sentences shown under the title
  --replace              remove Markdown files of the list folder that this import does not produce
  --dry-run              print the report without writing any file
  --help                 print this help`;

async function main(): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      allowPositionals: true,
      options: {
        list: { type: 'string' },
        out: { type: 'string', default: 'content' },
        added: { type: 'string' },
        'base-url': { type: 'string' },
        'source-url': { type: 'string' },
        licence: { type: 'string' },
        'licence-url': { type: 'string' },
        copyright: { type: 'string' },
        revision: { type: 'string' },
        title: { type: 'string' },
        description: { type: 'string' },
        replace: { type: 'boolean', default: false },
        'dry-run': { type: 'boolean', default: false },
        help: { type: 'boolean', default: false },
      },
    });
  } catch (error) {
    console.error(`import: ${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    console.log(USAGE);
    return 0;
  }

  const document = positionals[0];
  const usageError = (message: string) => {
    console.error(`import: ${message}\n\n${USAGE}`);
    return 2;
  };
  if (document === undefined || positionals.length > 1) return usageError('give exactly one document to import');
  if (values.list === undefined) return usageError('the option --list <list-id> is required');
  if ((values['source-url'] === undefined) !== (values.licence === undefined)) return usageError('give --source-url and --licence together');

  const text = await readText(document);
  if (text === undefined) return 1;
  let added: ImportOptions['added'];
  if (values.added !== undefined) {
    const addedText = await readText(values.added);
    if (addedText === undefined) return 1;
    added = { text: addedText, file: values.added };
  }

  const sourceUrl = values['source-url'];
  const result = importDocument(text, {
    listId: values.list,
    source: document,
    title: values.title,
    description: values.description,
    baseUrl: values['base-url'],
    origin:
      sourceUrl === undefined || values.licence === undefined
        ? undefined
        : { url: sourceUrl, licence: values.licence, licenceUrl: values['licence-url'], copyright: values.copyright, revision: values.revision },
    added,
  });
  if (!result.ok) {
    for (const problem of result.problems) console.error(formatProblem(problem));
    console.error(`import: nothing was written (${result.problems.length} problem${result.problems.length === 1 ? '' : 's'}).`);
    return 1;
  }

  console.log(formatImportReport(result.report));
  const folder = path.join(values.out, values.list);
  if (values['dry-run']) {
    console.log(`\nDry run: would write ${result.files.length} files to ${folder}/.`);
    return 0;
  }

  try {
    const written = await writeListFolder(folder, result.files, { replace: values.replace });
    const removed = written.removed.length > 0 ? `, ${written.removed.length} removed` : '';
    console.log(`\nWrote ${folder}/: ${written.written.length} files written, ${written.unchanged.length} unchanged${removed}.`);
    return 0;
  } catch (error) {
    if (error instanceof StaleFilesError) {
      console.error(`import: ${folder}/ contains Markdown files that this import does not produce:\n${error.files.map((name) => `  ${name}`).join('\n')}\nNothing was written. Run again with --replace to remove them, or import into another folder with --out.`);
      return 1;
    }
    console.error(`import: writing ${folder}/ failed: ${(error as Error).message}`);
    return 1;
  }
}

async function readText(file: string): Promise<string | undefined> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    console.error(`import: cannot read ${file}: ${(error as Error).message}`);
    return undefined;
  }
}

process.exitCode = await main();
