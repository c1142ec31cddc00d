// Writes the files of an imported list into its folder: each file through a temporary file and
// a rename, so that a file is either old or new, never half-written.
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { ImportedFile } from './importDocument.ts';

export interface WriteOptions {
  /** Remove the folder's Markdown files that the import does not produce; without it such files stop the write. */
  replace?: boolean | undefined;
}

export interface WriteResult {
  /** File names written because they were new or changed. */
  written: string[];
  /** File names whose content was already the same. */
  unchanged: string[];
  /** File names removed with `replace`. */
  removed: string[];
}

/** The folder contains Markdown files that the import does not produce, and `replace` was not given. */
export class StaleFilesError extends Error {
  readonly files: readonly string[];

  constructor(folder: string, files: readonly string[]) {
    super(`${folder} contains ${files.length} Markdown file(s) that this import does not produce: ${files.join(', ')}`);
    this.name = 'StaleFilesError';
    this.files = files;
  }
}

/**
 * Writes `files` into `folder`. A new folder is written under a temporary name and renamed
 * when complete. In an existing folder, only changed files are rewritten, each through a
 * temporary file. Markdown files the import does not produce are removed with `replace`.
 * Without it the function throws a StaleFilesError before writing anything. Other files of
 * the folder are left alone. Throws the file system's error when a write fails, after removing
 * its temporary files.
 */
export async function writeListFolder(folder: string, files: readonly ImportedFile[], options: WriteOptions = {}): Promise<WriteResult> {
  const exists = await stat(folder).then((found) => found.isDirectory(), () => false);
  if (!exists) return writeNewFolder(folder, files);

  const names = new Set(files.map((file) => file.name));
  const present = (await readdir(folder)).filter((name) => name.endsWith('.md') && !name.startsWith('.'));
  const stale = present.filter((name) => !names.has(name)).sort();
  if (stale.length > 0 && options.replace !== true) throw new StaleFilesError(folder, stale);

  const result: WriteResult = { written: [], unchanged: [], removed: [] };
  const pending: { temporary: string; target: string; name: string }[] = [];
  try {
    for (const file of files) {
      const target = path.join(folder, file.name);
      const old = present.includes(file.name) ? await readFile(target, 'utf8') : undefined;
      if (old === file.text) {
        result.unchanged.push(file.name);
        continue;
      }
      const temporary = path.join(folder, `.${file.name}.import-${process.pid}`);
      await writeFile(temporary, file.text, 'utf8');
      pending.push({ temporary, target, name: file.name });
    }
  } catch (error) {
    await Promise.all(pending.map((item) => rm(item.temporary, { force: true })));
    throw error;
  }

  for (const item of pending) {
    await rename(item.temporary, item.target);
    result.written.push(item.name);
  }
  for (const name of stale) {
    await rm(path.join(folder, name));
    result.removed.push(name);
  }
  return result;
}

async function writeNewFolder(folder: string, files: readonly ImportedFile[]): Promise<WriteResult> {
  const parent = path.dirname(folder);
  const temporary = path.join(parent, `.${path.basename(folder)}.import-${process.pid}`);
  await mkdir(parent, { recursive: true });
  await rm(temporary, { recursive: true, force: true });

  try {
    await mkdir(temporary);
    for (const file of files) await writeFile(path.join(temporary, file.name), file.text, 'utf8');
    await rename(temporary, folder);
  } catch (error) {
    await rm(temporary, { recursive: true, force: true });
    throw error;
  }
  return { written: files.map((file) => file.name), unchanged: [], removed: [] };
}
