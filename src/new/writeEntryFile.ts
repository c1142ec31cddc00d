// Creates an entry file without ever replacing one.
import { writeFile } from 'node:fs/promises';
import { NewEntryError } from './NewEntryError.ts';
import { fileExists } from './planEntry.ts';

/**
 * Writes `text` to `absolutePath` with the `wx` flag, so that the write fails instead of
 * replacing a file that appeared since the catalog was read. Throws a NewEntryError naming
 * `file` (the path to show) when the file exists; rethrows any other file-system error.
 */
export async function writeEntryFile(absolutePath: string, file: string, text: string): Promise<void> {
  try {
    await writeFile(absolutePath, text, { flag: 'wx', encoding: 'utf8' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw new NewEntryError([fileExists(file)], { cause: error });
    throw error;
  }
}
