// Lists the output folder that an earlier build left, for the prune after the build, and deletes
// what the build must not write through (see prepareOldOutput in outputFolder.ts).
import { existsSync, lstatSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';

/** The contents of the output folder that an earlier build left, listed by prepareOldOutput. */
export interface OldOutput {
  /** The links, hard-linked and read-only files, pipes, sockets and devices that were deleted. */
  removed: string[];
  /** The files that remain, for the prune to check. */
  files: string[];
  /** The folders that held nothing. */
  emptyFolders: string[];
}

/**
 * Walks the absolute folder `target`, when it exists, and lists its regular files. It deletes
 * links, files with other hard links, files without their owner's write permission, pipes,
 * sockets and devices. It performs no safety check: callers check the folder with
 * assertSafeOutputFolder first.
 */
export function listOldOutput(target: string): OldOutput {
  const old: OldOutput = { removed: [], files: [], emptyFolders: [] };
  if (existsSync(target)) listOldFiles(target, old);
  return old;
}

function listOldFiles(folder: string, old: OldOutput): void {
  const children = readdirSync(folder, { withFileTypes: true });
  if (children.length === 0) old.emptyFolders.push(folder);
  for (const child of children) {
    const file = path.join(folder, child.name);
    if (child.isDirectory()) {
      listOldFiles(file, old);
      continue;
    }
    // A pipe, socket or device would make a write block or go elsewhere, so only regular files stay.
    if (child.isFile()) {
      const info = lstatSync(file);
      if (info.nlink === 1 && (info.mode & 0o200) !== 0) {
        old.files.push(file);
        continue;
      }
    }
    rmSync(file, { force: true });
    old.removed.push(file);
  }
}
