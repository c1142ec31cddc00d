// Bundles a worker module with esbuild into one CommonJS script for `new Worker(code, { eval: true })`,
// so that the worker needs neither tsx nor a module loader to start.
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

export interface WorkerBundleOptions {
  /**
   * Leaves npm packages out of the bundle and loads them from the worker module's folder. An
   * `eval` worker otherwise resolves packages from the working folder.
   */
  externalPackages?: boolean;
}

/**
 * Returns a function that bundles `entry` once per process and gives the script's text on
 * every call. A failed bundle is not kept, so the next call tries again.
 */
export function workerBundle(entry: URL, options: WorkerBundleOptions = {}): () => Promise<string> {
  const entryPath = fileURLToPath(entry);
  let code: Promise<string> | undefined;

  return () => {
    code ??= esbuild
      .build({
        entryPoints: [entryPath],
        bundle: true,
        ...(options.externalPackages
          ? { packages: 'external' as const, banner: { js: `var require = require('node:module').createRequire(${JSON.stringify(entryPath)});` } }
          : {}),
        platform: 'node',
        format: 'cjs',
        target: 'node20',
        write: false,
        logLevel: 'silent',
      })
      .then((result) => result.outputFiles[0]?.text ?? '');
    code.catch(() => {
      code = undefined;
    });
    return code;
  };
}
