// Turns the options of `new` into the frontmatter and file of a new entry, checked against the
// entry schema and the catalog, or into the reasons it cannot be written.
import path from 'node:path';
import type { z } from 'zod';
import { entrySchema, type EntryInput, type Link } from '../../schemas/entry.ts';
import type { Catalog, CatalogList, CatalogSection } from '../catalog/types.ts';
import { slugify } from '../text/slug.ts';
import { unreservedSlug } from '../validate/checkFileNames.ts';
import { suggest } from '../validate/suggest.ts';
import { findDuplicates } from './findDuplicates.ts';
import { findSection } from './findSection.ts';
import { NewEntryError, type Rejection } from './NewEntryError.ts';
import { nextOrder } from './nextOrder.ts';
import { parseArxivInput } from './parseArxivInput.ts';
import { parseLinkOption } from './parseLinkOption.ts';

export interface NewEntryRequest {
  /** The list id: the list's folder name under `content/`. */
  list: string;
  /** A section path, or a section id or title that only one section of the list has. */
  section: string;
  title: string;
  /** An arXiv id or arXiv URL. */
  arxiv?: string | undefined;
  /** `kind=url` or `kind(label)=url`, one per link. */
  links?: readonly string[] | undefined;
  /** Keywords; a value with commas gives one keyword per comma-separated part. */
  keywords?: readonly string[] | undefined;
  intro?: readonly string[] | undefined;
  /** The `added` date, `YYYY-MM-DD`. */
  added: string;
}

export interface EntryPlan {
  list: CatalogList;
  section: CatalogSection;
  /** The file to write, relative to the project root with `/` separators. */
  file: string;
  frontmatter: EntryInput;
}

/**
 * Plans the entry file for `request`. Finds the list and section, normalises the arXiv id and
 * places the entry after the section's last entry. Then validates the frontmatter with the entry
 * schema, and looks for an entry of the list that is the same work or has the same file name.
 * Throws a NewEntryError listing every reason found when the entry cannot be written.
 */
export function planEntry(request: NewEntryRequest, catalog: Catalog): EntryPlan {
  const list = catalog.lists.find((candidate) => candidate.id === request.list);
  if (list === undefined) throw new NewEntryError([unknownList(request.list, catalog)]);

  const section = findSection(list, request.section);
  if (section === undefined) throw new NewEntryError([unknownSection(request.section, list)]);

  const rejections: Rejection[] = [];
  const frontmatter: EntryInput = { title: request.title.trim(), category: section.path };

  const order = nextOrder(section);
  if (order !== undefined) frontmatter.order = order;

  // The keys follow the order of the imported entry files.
  frontmatter.added = request.added;

  const intro = (request.intro ?? []).map((line) => line.trim()).filter((line) => line !== '');
  if (intro.length > 0) frontmatter.intro = intro;

  const keywords = (request.keywords ?? []).flatMap((value) => value.split(',')).map((term) => term.trim()).filter((term) => term !== '');
  if (keywords.length > 0) frontmatter.keywords = [...new Set(keywords)];

  if (request.arxiv !== undefined && request.arxiv.trim() !== '') {
    const id = parseArxivInput(request.arxiv);
    if (id === undefined) rejections.push(invalidArxiv(request.arxiv));
    else frontmatter.arxiv = id;
  }

  const links: Link[] = [];
  for (const text of request.links ?? []) {
    const parsed = parseLinkOption(text);
    if ('code' in parsed) rejections.push(parsed);
    else links.push(parsed);
  }
  if (links.length > 0) frontmatter.links = links;

  const result = entrySchema.safeParse(frontmatter);
  if (!result.success) rejections.push(...result.error.issues.map((issue) => schemaRejection(issue, request, frontmatter)));
  if (rejections.length > 0) throw new NewEntryError(rejections);

  // A reserved slug gets the name that `check` suggests for it.
  const slug = unreservedSlug(slugify(result.data!.title), new Set(list.entries.map((entry) => entry.slug)));
  const file = `${path.posix.dirname(list.file)}/${slug}.md`;
  rejections.push(...findDuplicates(result.data!, list));
  // A file that is already named as a duplicate needs no second rejection.
  const sameFile = list.entries.some((entry) => entry.file === file);
  if (sameFile && !rejections.some((rejection) => rejection.file === file)) rejections.push(fileExists(file));
  if (rejections.length > 0) throw new NewEntryError(rejections);

  return { list, section, file, frontmatter };
}

/** Returns the rejection for a file that exists, used here and when the write finds one. */
export function fileExists(file: string): Rejection {
  return {
    code: 'file-exists',
    message: `${file} already exists, and new never overwrites a file`,
    fix: 'edit that file, or choose a different title',
    file,
  };
}

/** How a rejection names the part of a `--link` value that is invalid. */
const LINK_PARTS: Record<string, string> = { url: 'the URL', kind: 'the kind', label: 'the label' };

/** The fix for each part of a `--link` value. */
const LINK_FIXES: Record<string, string> = {
  url: 'give the full address of the page, starting with https:// or http://, such as code=https://github.com/user/repo',
  kind: 'start the link with a kind such as paper, code, blog or slides, such as code=https://github.com/user/repo',
  label: 'give the label on one line, such as code(PyTorch)=https://github.com/user/repo',
};

function unknownList(id: string, catalog: Catalog): Rejection {
  const ids = catalog.lists.map((list) => list.id);
  const nearest = suggest(id, ids);
  return {
    code: 'unknown-list',
    message: `unknown list "${id}"`,
    fix: nearest !== undefined ? `did you mean "${nearest}"?` : `give one of the lists: ${ids.join(', ')}`,
  };
}

function unknownSection(name: string, list: CatalogList): Rejection {
  const sections = [...list.sectionsByPath.values()];
  const nearestPath = suggest(name, sections.map((section) => section.path));
  const nearestById = suggest(name, sections.map((section) => section.id));
  const nearest = nearestPath ?? sections.find((section) => section.id === nearestById)?.path;
  const listing = `run "npm run new -- --list ${list.id} --sections" to see every section path`;
  return {
    code: 'unknown-section',
    message: `unknown section "${name}" in the list "${list.id}"`,
    fix: nearest !== undefined ? `did you mean "${nearest}"? Or ${listing}` : listing,
  };
}

function invalidArxiv(text: string): Rejection {
  return {
    code: 'invalid-arxiv',
    message: `--arxiv "${text}" is neither an arXiv id nor an arXiv URL`,
    fix: 'give an id such as 1502.03167 or cs/0112017, or a URL such as https://arxiv.org/abs/1502.03167',
  };
}

/** Turns a schema issue into a rejection that names the command-line option the value came from, with a fix. */
function schemaRejection(issue: z.core.$ZodIssue, request: NewEntryRequest, frontmatter: EntryInput): Rejection {
  const [field, index, subfield] = issue.path;
  const at = typeof index === 'number' ? index : 0;
  let option: string;
  let fix: string;
  switch (field) {
    case 'title':
      option = '--title';
      fix = 'give the title on one line, such as --title "Adam: A Method for Stochastic Optimization"';
      break;
    case 'category':
      option = '--section';
      fix = `give a section path; run "npm run new -- --list ${request.list} --sections" to see every section path`;
      break;
    case 'added':
      option = `--date "${request.added}"`;
      fix = 'give a real date written YYYY-MM-DD, or leave out --date for today';
      break;
    case 'keywords':
      option = `--keyword "${(frontmatter.keywords ?? [])[at] ?? ''}"`;
      fix = 'give a short term, such as --keyword "batch normalization"';
      break;
    case 'intro':
      option = '--intro';
      fix = 'give each intro line as its own --intro option';
      break;
    case 'links': {
      const link = frontmatter.links?.[at];
      const written = `--link "${link?.kind ?? ''}${link?.label === undefined ? '' : `(${link.label})`}=${link?.url ?? ''}"`;
      const part = typeof subfield === 'string' ? LINK_PARTS[subfield] : undefined;
      option = part === undefined ? written : `${part} of ${written}`;
      fix = LINK_FIXES[String(subfield)] ?? LINK_FIXES.url!;
      break;
    }
    default:
      option = String(field);
      fix = 'run "npm run new -- --help" to see the options and their values';
  }
  return { code: 'invalid-option', message: `${option} ${issue.message}`, fix };
}
