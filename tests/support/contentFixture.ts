// Builds a throw-away project root whose content/ folder is a copy of the valid fixture lists
// plus the files a test adds, so that each bad input is checked beside good content.
import { cp, mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The valid fixture lists: `training-basics` (two levels of sections) and `optimization-notes`. */
export const VALID_CONTENT = fileURLToPath(new URL('../fixtures/content/valid/', import.meta.url));

export interface ContentFixture {
  root: string;
  /** Writes `text` to `content/<file>`, creating folders. */
  write(file: string, text: string | Uint8Array): Promise<void>;
  /** Creates `content/<file>` as a symbolic link to `target`. */
  link(file: string, target: string): Promise<void>;
  remove(): Promise<void>;
}

/**
 * Creates a temporary root with `content/` holding the valid fixture lists (unless `empty`)
 * and `files`, each path relative to `content/`. Call `remove()` when done.
 */
export async function makeContent(files: Record<string, string | Uint8Array> = {}, options: { empty?: boolean } = {}): Promise<ContentFixture> {
  const root = await mkdtemp(path.join(tmpdir(), 'reading-lists-content-'));
  const content = path.join(root, 'content');
  await mkdir(content, { recursive: true });
  if (!options.empty) await cp(VALID_CONTENT, content, { recursive: true });

  const fixture: ContentFixture = {
    root,
    async write(file, text) {
      const absolute = path.join(content, file);
      await mkdir(path.dirname(absolute), { recursive: true });
      await writeFile(absolute, text);
    },
    async link(file, target) {
      const absolute = path.join(content, file);
      await mkdir(path.dirname(absolute), { recursive: true });
      await symlink(target, absolute);
    },
    async remove() {
      await rm(root, { recursive: true, force: true });
    },
  };
  for (const [file, text] of Object.entries(files)) await fixture.write(file, text);
  return fixture;
}

/** Loads `files` beside the valid fixture lists and returns every problem, formatted on one line each. */
export async function problemsFor(files: Record<string, string | Uint8Array>): Promise<string[]> {
  const { loadCatalog } = await import('../../src/catalog/loadCatalog.ts');
  const { formatProblem } = await import('../../src/problems/format.ts');
  const fixture = await makeContent(files);
  try {
    const result = await loadCatalog(fixture.root);
    return result.problems.map(formatProblem);
  } finally {
    await fixture.remove();
  }
}
