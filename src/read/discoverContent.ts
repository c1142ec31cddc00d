// Finds the content files of every list folder, and reports files that are not where content
// belongs: outside a list folder, in a subfolder, or behind a symbolic link leading out.
import type { Dirent } from 'node:fs';
import { readdir, readlink, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { LIST_ID_PATTERN } from '../../schemas/fields.ts';
import { RESERVED_LIST_IDS } from '../validate/reservedListIds.ts';
import { LIST_FILE_NAME } from '../../schemas/list.ts';
import type { Problem } from '../problems/problem.ts';
import { compareCodeUnits } from '../text/compareCodeUnits.ts';

/**
 * Files skipped without a word: operating-system and editor litter. Any other file that is not
 * Markdown gets a warning, because it may be an entry saved under the wrong extension.
 */
const IGNORED_FILE = /^(?:\.DS_Store|\.gitkeep|\.gitignore|Thumbs\.db|desktop\.ini|\..*\.sw[a-p]|.*~)$/;

/** A Markdown file of a list folder, found but not yet read. */
export interface ContentFile {
  /** The path to read: the file itself, or the target of a symbolic link inside the content folder. */
  absolute: string;
  /** The file, relative to the project root with `/` separators. */
  file: string;
  listId: string;
  /** The file name without `.md`. */
  slug: string;
}

export interface DiscoveredContent {
  /** One `_list.md` per list folder that has one, by folder name A to Z. */
  lists: ContentFile[];
  /** Every other `.md` file of the list folders, folder by folder, by name A to Z. */
  entries: ContentFile[];
  problems: Problem[];
}

/**
 * Lists the content files under `<root>/<contentDir>`. Reports a file outside any list folder,
 * a folder name that is not a list id, a folder inside a list folder, a symbolic link leading
 * outside the content folder or to a missing file, a content folder without any list, and
 * warns about a non-Markdown file. A symbolic link
 * to a file inside the content folder is followed. A link to a folder is skipped, because it
 * would list the same files twice. Throws when the content folder itself cannot be read.
 */
export async function discoverContent(root: string, contentDir = 'content'): Promise<DiscoveredContent> {
  const contentRoot = path.resolve(root, contentDir);
  const realContentRoot = await realpath(contentRoot);
  const found: DiscoveredContent = { lists: [], entries: [], problems: [] };

  const relative = (absolute: string) => toPosix(path.relative(root, absolute));
  const report = (absolute: string, code: string, message: string, fix: string, severity: Problem['severity'] = 'error') =>
    found.problems.push({ stage: 'read', severity, code, file: relative(absolute), line: 1, column: 1, field: '', message, fix });

  for (const top of await sortedEntries(contentRoot)) {
    const topPath = path.join(contentRoot, top.name);
    const kind = await classify(top, topPath, realContentRoot);
    if (kind.type === 'dangling') {
      report(topPath, 'symlink-to-missing-file', `the symbolic link points to a missing file, ${relative(kind.target)}`, 'replace the link with the file or folder itself, or remove it');
      continue;
    }
    if (kind.type === 'outside') {
      report(topPath, 'symlink-outside-content', `the symbolic link points outside the content folder, to ${kind.target}`, 'replace the link with the file or folder itself');
      continue;
    }
    if (kind.type === 'file') {
      if (IGNORED_FILE.test(top.name)) continue;
      const suggested = toPosix(path.join(path.relative(root, contentRoot), '<list-id>', top.name));
      report(topPath, 'file-outside-list', 'the file is not inside a list folder', `move it into the folder of its list, such as ${suggested}`);
      continue;
    }
    if (kind.type !== 'directory' || top.name.startsWith('.')) continue;

    if (!LIST_ID_PATTERN.test(top.name)) {
      const suggested = top.name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
      report(topPath, 'invalid-list-id', `the list folder name "${top.name}" is not a list id: lower-case letters and digits joined by hyphens`, `rename the folder to "${suggested}"`);
      continue;
    }
    if (RESERVED_LIST_IDS.has(top.name)) {
      // The folder's files are still read, so that their own problems are reported too.
      report(
        topPath,
        'reserved-list-id',
        `the list folder name "${top.name}" is reserved: the site uses /${top.name}/ for its own pages`,
        `rename the folder, such as to "${top.name}-list"`,
      );
    }

    // A file's relative path is its folder's plus its name, which contains no separator, so
    // path.relative runs once per folder rather than once per file.
    const folderFile = relative(topPath);
    for (const item of await sortedEntries(topPath)) {
      const absolute = path.join(topPath, item.name);
      const itemKind = await classify(item, absolute, realContentRoot);
      if (itemKind.type === 'dangling') {
        report(absolute, 'symlink-to-missing-file', `the symbolic link points to a missing file, ${relative(itemKind.target)}`, 'replace the link with the file itself, or remove it');
        continue;
      }
      if (itemKind.type === 'outside') {
        report(absolute, 'symlink-outside-content', `the symbolic link points outside the content folder, to ${itemKind.target}`, 'replace the link with the file itself');
        continue;
      }
      if (itemKind.type === 'directory') {
        if (item.name.startsWith('.')) continue;
        report(absolute, 'nested-folder', 'a list folder may not contain folders: entry files sit directly in the list folder', `move the files of this folder into ${top.name}/ and delete the folder`);
        continue;
      }
      if (itemKind.type !== 'file') continue;
      if (!item.name.endsWith('.md')) {
        if (!IGNORED_FILE.test(item.name)) report(absolute, 'not-markdown', 'the file is not read: only .md files are content', 'rename it to end in .md if it is an entry, or remove it', 'warning');
        continue;
      }

      const contentFile: ContentFile = { absolute: itemKind.real, file: `${folderFile}/${item.name}`, listId: top.name, slug: item.name.slice(0, -'.md'.length) };
      if (item.name === LIST_FILE_NAME) found.lists.push(contentFile);
      else found.entries.push(contentFile);
    }
  }

  // A content folder without lists builds a site with no pages of content, which is more often a
  // wrong SITE_CONTENT_DIR or --content than the intent.
  if (found.lists.length === 0 && found.entries.length === 0) {
    report(
      contentRoot,
      'no-lists',
      'the content folder has no list: a list is a folder with a _list.md file and its entry files',
      `add a list folder with a _list.md, such as ${toPosix(path.join(path.relative(root, contentRoot), '<list-id>', LIST_FILE_NAME))}, or point SITE_CONTENT_DIR or --content at the content folder`,
    );
  }
  return found;
}

type Classified = { type: 'file' | 'directory'; real: string } | { type: 'outside' | 'dangling'; target: string } | { type: 'other' };

/** Tells a file from a folder, following a symbolic link only when it stays inside the content folder. */
async function classify(entry: Dirent, absolute: string, realContentRoot: string): Promise<Classified> {
  if (!entry.isSymbolicLink()) {
    if (entry.isFile()) return { type: 'file', real: absolute };
    if (entry.isDirectory()) return { type: 'directory', real: absolute };
    return { type: 'other' };
  }

  let real: string;
  try {
    real = await realpath(absolute);
  } catch {
    const written = await readlink(absolute);
    return { type: 'dangling', target: path.resolve(path.dirname(absolute), written) };
  }
  if (real !== realContentRoot && !real.startsWith(realContentRoot + path.sep)) return { type: 'outside', target: real };

  const target = await stat(real);
  return target.isFile() ? { type: 'file', real } : { type: 'other' };
}

async function sortedEntries(folder: string): Promise<Dirent[]> {
  const entries = await readdir(folder, { withFileTypes: true });
  return entries.sort((a, b) => compareCodeUnits(a.name, b.name));
}

function toPosix(file: string): string {
  return file.split(path.sep).join('/');
}
