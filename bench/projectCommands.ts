// The project's own commands as the benchmark runs them: `npm run build` and `npm run check`
// pointed at a generated content folder, without npm's own start-up in the measurement.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

export interface ProjectCommand {
  command: string;
  args: string[];
  env: NodeJS.ProcessEnv;
  cwd: string;
}

/** Returns the script `npm run <name>` runs, from the project's package.json; undefined when there is none. */
function npmScript(root: string, name: string): string | undefined {
  const manifest = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { scripts?: Record<string, string> };
  return manifest.scripts?.[name];
}

/** Returns the environment npm gives a script: the project's node_modules/.bin first on PATH. */
function scriptEnvironment(root: string, extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  return { ...process.env, PATH: `${path.join(root, 'node_modules', '.bin')}${path.delimiter}${process.env.PATH ?? ''}`, ...extra };
}

function shellQuote(text: string): string {
  return `'${text.replaceAll("'", "'\\''")}'`;
}

/**
 * Returns the full build of the site from `contentDir` into `outputDir`: the `build` script with
 * `--output` and `--quiet`, and the content folder in SITE_CONTENT_DIR (relative to `root`, as
 * .eleventy.ts reads it). Returns the reason instead when the project has no build yet.
 */
export function buildCommand(root: string, contentDir: string, outputDir: string): ProjectCommand | string {
  const script = npmScript(root, 'build');
  if (!script) return 'package.json has no build script';
  if (!existsSync(path.join(root, '.eleventy.ts'))) return 'the site configuration .eleventy.ts does not exist yet';

  return {
    command: 'sh',
    args: ['-c', `${script} --output=${shellQuote(outputDir)} --quiet`],
    env: scriptEnvironment(root, { SITE_CONTENT_DIR: path.relative(root, contentDir), SITE_OUTPUT_DIR: outputDir }),
    cwd: root,
  };
}

/** `check` alone on `contentDir`. Returns the reason instead when the project has no check command yet. */
export function checkCommand(root: string, contentDir: string): ProjectCommand | string {
  const script = npmScript(root, 'check');
  if (!script) return 'package.json has no check script';
  if (!existsSync(path.join(root, 'src', 'cli', 'check.ts'))) return 'src/cli/check.ts does not exist yet';

  return {
    command: 'sh',
    args: ['-c', `${script} --content ${shellQuote(path.relative(root, contentDir))}`],
    env: scriptEnvironment(root),
    cwd: root,
  };
}
