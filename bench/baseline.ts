// The baseline the build is compared with: plain Eleventy 3 rendering every generated entry file
// as one Markdown page through one minimal Nunjucks layout, in a folder of its own.
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { LIST_FILE_NAME } from '../schemas/list.ts';
import type { GeneratedFile } from './generate.ts';

const CONFIG = `// Plain Eleventy with one layout for every page: the benchmark baseline.
export default function (eleventyConfig) {
  eleventyConfig.addGlobalData('layout', 'entry.njk');
  return { dir: { input: 'input', output: '_site' } };
}
`;

const LAYOUT = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>{{ title }}</title></head>
<body>
<main>
<h1>{{ title }}</h1>
{% for line in intro %}<p>{{ line }}</p>
{% endfor %}{% if arxiv %}<p><a href="https://arxiv.org/abs/{{ arxiv }}">arXiv {{ arxiv }}</a></p>
{% endif %}<ul>
{% for link in links %}<li><a href="{{ link.url }}">{{ link.kind }}</a></li>
{% endfor %}</ul>
{{ content | safe }}
</main>
</body>
</html>
`;

/** The command-line entry point of the project's installed @11ty/eleventy, the file `npm run build` runs. */
export function eleventyCommandPath(): string {
  return fileURLToPath(new URL('../node_modules/@11ty/eleventy/cmd.cjs', import.meta.url));
}

/**
 * Writes the baseline project into `folder`: `eleventy.config.mjs`, the layout, and every entry
 * file of `files` (list files are left out) under `input/`. Returns the command and arguments that
 * build it with `folder` as working directory.
 */
export async function prepareBaseline(files: readonly GeneratedFile[], folder: string): Promise<{ command: string; args: string[] }> {
  const input = path.join(folder, 'input');
  await mkdir(path.join(input, '_includes'), { recursive: true });
  await writeFile(path.join(folder, 'eleventy.config.mjs'), CONFIG);
  await writeFile(path.join(input, '_includes', 'entry.njk'), LAYOUT);

  const entries = files.filter((file) => !file.path.endsWith(`/${LIST_FILE_NAME}`));
  for (const listId of new Set(entries.map((file) => file.path.split('/')[0] ?? ''))) {
    await mkdir(path.join(input, listId), { recursive: true });
  }

  const batchSize = 256;
  for (let start = 0; start < entries.length; start += batchSize) {
    await Promise.all(entries.slice(start, start + batchSize).map((file) => writeFile(path.join(input, file.path), file.text)));
  }

  return { command: process.execPath, args: [eleventyCommandPath(), '--config=eleventy.config.mjs', '--quiet'] };
}
