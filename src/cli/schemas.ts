// `npm run schemas [-- --check]`: writes the JSON Schema files of the entry frontmatter, the list
// file and the site settings from their zod schemas, for editors that complete and check YAML,
// and that of the JSON export.
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { z } from 'zod';
import { entrySchema } from '../../schemas/entry.ts';
import { httpUrl, keyword, oneLine } from '../../schemas/fields.ts';
import { listSchema, sectionSchema } from '../../schemas/list.ts';
import { settingsSchema } from '../../schemas/settings.ts';
import { EXPORT_SCHEMA_FILE, renderExportJsonSchema } from '../outputs/entriesJson.ts';

type JsonSchema = Record<string, unknown>;

interface Annotation {
  description: string;
  examples?: unknown[];
}

interface SchemaFile {
  /** The file, relative to the project root. */
  file: string;
  title: string;
  description: string;
  schema: z.ZodType;
  /** The description and examples of each property, by path: `links[].url`, `section.id` for a definition. */
  annotations: Record<string, Annotation>;
}

const ENTRY_ANNOTATIONS: Record<string, Annotation> = {
  title: { description: 'The title of the work, on one line.', examples: ['Batch Normalization: Accelerating Deep Network Training by Reducing Internal Covariate Shift'] },
  category: {
    description: 'The path of the section the entry belongs to: section ids from the top of the list file\'s tree, joined by "/". `npm run new -- --sections` prints them.',
    examples: ['normalization/batch-normalization'],
  },
  order: { description: 'The position within the section, from 0. Entries without one follow those with one, oldest `added` first, then by title.', examples: [3] },
  also: { description: 'Further sections that list the same work, each with its own position.' },
  'also[].category': { description: 'The path of another section of the same list.', examples: ['optimization'] },
  'also[].order': { description: 'The position within that section, from 0.' },
  intro: { description: 'Short lines: venue, affiliation or a one-line summary. One string, or a list of strings.', examples: ['ICML 2015'] },
  keywords: { description: 'Terms a reader may search for: one per item, without commas, at most 80 characters each.', examples: [['batch normalization', 'internal covariate shift']] },
  arxiv: {
    description:
      'The arXiv identifier, always in quotes, because YAML reads an unquoted 1502.03160 as a number and drops the last zero. New style 1502.03167 (with an optional version, 1502.03167v2) or old style cs/0112017.',
    examples: ['1502.03167'],
  },
  links: { description: 'The other links of the entry: code, paper, project page, blog post, slides, video.' },
  'links[].kind': { description: 'What the link points at, as a lower-case word: paper, code, github, blog, project, slides, video, notes, discussion.', examples: ['code'] },
  'links[].url': { description: 'An absolute http:// or https:// URL.', examples: ['https://github.com/user/repo'] },
  'links[].label': { description: 'A qualifier shown with the kind, such as the framework of a code link.', examples: ['PyTorch'] },
  'links[].text': { description: 'Text that stood beside the link in an imported list, kept as written.' },
  details: { description: 'Labelled lines of plain text that are neither intro nor keywords, such as the authors.' },
  'details[].key': { description: 'The label, as a lower-case word.', examples: ['author'] },
  'details[].text': { description: 'The text, on one line.' },
  added: { description: 'The date the entry was added to the list, written YYYY-MM-DD. `npm run new` writes the current date.', examples: ['2024-05-31'] },
  aliases: { description: 'Other titles under which the same work is known; they are searched and shown on the entry page.', examples: [['BatchNorm']] },
};

const LIST_ANNOTATIONS: Record<string, Annotation> = {
  title: { description: 'The title of the list.', examples: ['Training Deep Neural Networks'] },
  description: { description: 'One or two sentences shown under the title on the home page.' },
  source: { description: 'The document the list was imported from, and its licence.' },
  'source.url': { description: 'Where the original document lives.' },
  'source.licence': { description: 'The licence the original is published under.', examples: ['MIT'] },
  'source.licenceUrl': { description: 'The text of the licence.' },
  'source.copyright': { description: 'The copyright line of the original.', examples: ['Copyright (c) 2019 handong1587'] },
  'source.revision': { description: 'The revision of the original that was imported, such as a commit id.' },
  'source.frontmatter': { description: 'The front matter of the original document, kept so that an export can write it back.' },
  'source.baseUrl': { description: 'The base URL against which site-relative links of the original were resolved.' },
  created: { description: 'The date the list was started, written YYYY-MM-DD.' },
  sections: { description: 'The top-level sections, in the order the list shows them.' },
  'section.id': { description: 'The section id: lower-case words joined by hyphens, unique among its siblings. Entries name the section by the path of ids from the top.', examples: ['batch-normalization'] },
  'section.title': { description: 'The heading of the section.', examples: ['Batch Normalization'] },
  'section.description': { description: 'Markdown shown above the section\'s entries.' },
  'section.sections': { description: 'The subsections, in order.' },
};

const SETTINGS_ANNOTATIONS: Record<string, Annotation> = {
  title: { description: 'The name of the site, shown in the header and the page titles.' },
  description: { description: 'One sentence about the site, for the home page and search engines.' },
  baseUrl: { description: 'The absolute URL the site is published at, without the path prefix. SITE_BASE_URL overrides it.', examples: ['https://example.org'] },
  pathPrefix: { description: 'The folder the site is served from: "/" at the root of a domain, "/<repository>/" on GitHub Pages. SITE_PATH_PREFIX overrides it.', examples: ['/', '/reading-lists/'] },
  repository: { description: 'The web address of the repository; edit links point at <repository>/edit/<branch>/<file>. SITE_REPOSITORY overrides it.' },
  branch: { description: 'The branch that edit links open.', examples: ['main'] },
  language: { description: 'The language of the pages, as a BCP 47 tag.', examples: ['en'] },
};

export const SCHEMA_FILES: readonly SchemaFile[] = [
  {
    file: 'schemas/entry.schema.json',
    title: 'Reading list entry',
    description: 'The YAML frontmatter of an entry file, content/<list>/<slug>.md.',
    schema: entrySchema,
    annotations: ENTRY_ANNOTATIONS,
  },
  {
    file: 'schemas/list.schema.json',
    title: 'Reading list',
    description: 'The YAML frontmatter of a list file, content/<list>/_list.md: the title, the source and the section tree.',
    schema: listSchema,
    annotations: LIST_ANNOTATIONS,
  },
  {
    file: 'schemas/settings.schema.json',
    title: 'Site settings',
    description: 'The site settings file, site.config.json.',
    schema: settingsSchema,
    annotations: SETTINGS_ANNOTATIONS,
  },
];

/**
 * Patterns for the checks that zod runs in code (refinements), which z.toJSONSchema cannot see.
 * NOTE: they approximate the zod checks: `keyword`'s 80 characters count any spaces around it,
 * which zod trims first.
 */
function addRefinementPatterns(context: { zodSchema: unknown; jsonSchema: JsonSchema }): void {
  if (context.zodSchema === httpUrl) {
    context.jsonSchema.pattern = '^\\s*[Hh][Tt][Tt][Pp][Ss]?://[^\\s/?#]+\\S*\\s*$';
  } else if (context.zodSchema === keyword) {
    context.jsonSchema.pattern = '^\\s*[^,\\s](?:[^,\\r\\n]*[^,\\s])?\\s*$';
    context.jsonSchema.maxLength = 80;
  } else if (context.zodSchema === oneLine) {
    context.jsonSchema.pattern = '^\\s*\\S(?:[^\\r\\n]*\\S)?\\s*$';
  }
}

/**
 * Builds the JSON Schema (draft 2020-12) of `file.schema` for the input side of the schema: what
 * may be written in a file, before zod's transforms. Adds the title, description and annotations.
 * Throws an Error naming every property that has no annotation, so that a new field cannot ship
 * without one.
 */
export function buildJsonSchema(file: SchemaFile): JsonSchema {
  const registry = z.registry<{ id?: string }>();
  registry.add(sectionSchema, { id: 'section' });

  const generated = z.toJSONSchema(file.schema, {
    io: 'input',
    metadata: registry,
    override: (context) => addRefinementPatterns(context as unknown as { zodSchema: unknown; jsonSchema: JsonSchema }),
  }) as JsonSchema;

  const unused = new Set(Object.keys(file.annotations));
  const missing: string[] = [];
  annotate(generated, '', file.annotations, unused, missing);
  const definitions = (generated.$defs ?? {}) as Record<string, JsonSchema>;
  for (const [name, definition] of Object.entries(definitions)) annotate(definition, name, file.annotations, unused, missing);

  if (missing.length > 0 || unused.size > 0) {
    const problems = [...missing.map((key) => `no annotation for ${key}`), ...[...unused].map((key) => `annotation for unknown property ${key}`)];
    throw new Error(`${file.file}: ${problems.join('; ')}`);
  }

  const { $schema, ...rest } = generated;
  return { $schema, title: file.title, description: file.description, ...rest };
}

/** Returns the file text: the schema as JSON, two-space indented, with a final newline. */
export function renderJsonSchema(file: SchemaFile): string {
  return `${JSON.stringify(buildJsonSchema(file), null, 2)}\n`;
}

function annotate(schema: JsonSchema, prefix: string, annotations: Record<string, Annotation>, unused: Set<string>, missing: string[]): void {
  const properties = (schema.properties ?? {}) as Record<string, JsonSchema>;
  for (const [name, property] of Object.entries(properties)) {
    const key = prefix === '' ? name : `${prefix}.${name}`;
    const annotation = annotations[key];
    if (annotation === undefined) missing.push(key);
    else {
      unused.delete(key);
      property.description = annotation.description;
      if (annotation.examples !== undefined) property.examples = annotation.examples;
    }

    const items = property.items as JsonSchema | undefined;
    if (items?.properties !== undefined) annotate(items, `${key}[]`, annotations, unused, missing);
    if (property.properties !== undefined) annotate(property, key, annotations, unused, missing);
  }
}

/** Writes each schema file, or with `--check` only compares; returns the exit status. */
async function main(argv: readonly string[], root: string): Promise<number> {
  const check = argv.includes('--check');
  const stale: string[] = [];

  // The JSON export's schema is generated by src/outputs from schemas/export.ts.
  const outputs = [...SCHEMA_FILES.map((spec) => ({ file: spec.file, text: renderJsonSchema(spec) })), { file: EXPORT_SCHEMA_FILE, text: renderExportJsonSchema() }];
  for (const { file, text } of outputs) {
    const target = path.join(root, file);
    const current = await readFile(target, 'utf8').catch(() => undefined);
    if (current === text) continue;

    if (check) stale.push(file);
    else {
      await writeFile(target, text);
      process.stdout.write(`wrote ${file}\n`);
    }
  }

  if (stale.length > 0) {
    process.stderr.write(`schemas: ${stale.join(', ')} ${stale.length === 1 ? 'is' : 'are'} out of date. Fix: run "npm run schemas" and commit the result.\n`);
    return 1;
  }
  if (!check) process.stdout.write('schemas: every JSON Schema file is up to date\n');
  return 0;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  process.exitCode = await main(process.argv.slice(2), process.cwd());
}
