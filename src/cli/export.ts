// `npm run export -- --list <id> [--out README.md] [--added-out added.tsv]`: writes a list back
// as one Markdown document in the format the importer reads.
import { rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadCatalog } from '../catalog/loadCatalog.ts';
import { exportAddedDates, exportListMarkdown, importArgumentsFor } from '../export/markdownDocument.ts';
import { formatHuman } from '../problems/format.ts';

const USAGE = `Usage: npm run export -- --list <list-id> [--out README.md] [--added-out added.tsv]

Writes the list as one Markdown document (to standard output without --out). Importing that
document with the options printed at the end gives the same content files.

Options:
  --list <id>             the list to export (required)
  --out <file>            write the document to this file
  --added-out <file>      also write the dates the entries were added, as "first_seen<TAB>title" lines
  --content <dir>         the content folder (default: content)
  --help                  print this help`;

async function main(): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      options: {
        list: { type: 'string' },
        out: { type: 'string' },
        'added-out': { type: 'string' },
        content: { type: 'string', default: 'content' },
        help: { type: 'boolean', default: false },
      },
    });
  } catch (error) {
    console.error(`export: ${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  const { values } = parsed;
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  if (values.list === undefined) {
    console.error(`export: the option --list <list-id> is required\n\n${USAGE}`);
    return 2;
  }

  const { catalog, problems } = await loadCatalog(process.cwd(), { contentDir: values.content });
  if (catalog === undefined) {
    console.error(`${formatHuman(problems)}\nexport: the content has errors; run npm run check and fix them first.`);
    return 1;
  }
  const list = catalog.lists.find((candidate) => candidate.id === values.list);
  if (list === undefined) {
    console.error(`export: no list "${values.list}" in ${values.content}/; the lists are: ${catalog.lists.map((candidate) => candidate.id).join(', ')}`);
    return 1;
  }

  const document = exportListMarkdown(list);
  if (values.out === undefined) process.stdout.write(document);
  else if (!(await writeOrReport(values.out, document, '--out'))) return 1;
  if (values['added-out'] !== undefined && !(await writeOrReport(values['added-out'], exportAddedDates(list), '--added-out'))) return 1;

  const args = importArgumentsFor(list, values['added-out']).map(quoteArgument).join(' ');
  console.error(`export: wrote the list "${list.id}" (${list.entries.length} entries). To import it again:\n  npm run import -- ${quoteArgument(values.out ?? 'README.md')} ${args}`);
  return 0;
}

/** Writes `file` through a temporary file and a rename. Prints a one-line error and returns false when that fails. */
async function writeOrReport(file: string, text: string, option: string): Promise<boolean> {
  const folder = path.dirname(file);
  const temporary = path.join(folder, `.${path.basename(file)}.export-${process.pid}`);
  try {
    await writeFile(temporary, text, 'utf8');
    await rename(temporary, file);
    return true;
  } catch (error) {
    await rm(temporary, { force: true }).catch(() => undefined);
    const code = (error as NodeJS.ErrnoException).code;
    const reason =
      code === 'ENOENT' ? `the folder ${folder}/ does not exist; create it or give another ${option}`
      : code === 'EISDIR' ? `${file} is a folder; give a file name to ${option}`
      : code === 'EACCES' || code === 'EPERM' ? `permission denied; give another ${option}`
      : (error as Error).message;
    console.error(`export: cannot write ${file}: ${reason}. Nothing was written there.`);
    return false;
  }
}

function quoteArgument(argument: string): string {
  return /^[\w@%+=:,./-]+$/.test(argument) ? argument : `'${argument.replace(/'/g, `'\\''`)}'`;
}

process.exitCode = await main();
