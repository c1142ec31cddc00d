// Checks the file names of a list's entries: each in slug form, none reserved, none colliding.
import { MAX_SLUG_LENGTH, slugify } from '../text/slug.ts';
import type { Problem } from '../problems/problem.ts';
import type { ContentFile } from '../read/discoverContent.ts';

/** Slugs that an entry may not take, because the site uses them for other pages of the list. */
export const RESERVED_SLUGS = new Set(['sections']);

/**
 * Returns `slug` unless it is reserved; a reserved slug becomes the first of `slug-2`, `slug-3`,
 * ... that no file of `usedSlugs` has. `check` suggests this name for a reserved file name, and
 * `new` writes it, so that `--title "Sections"` gives `sections-2.md`.
 */
export function unreservedSlug(slug: string, usedSlugs: ReadonlySet<string>): string {
  if (!RESERVED_SLUGS.has(slug)) return slug;
  return numbered(slug, (candidate) => !usedSlugs.has(candidate) && !RESERVED_SLUGS.has(candidate));
}

/**
 * Reports an entry file name that is not in slug form (one that slugify would change), a
 * reserved slug, and two files whose names give the same slug. The title may change after the
 * file is created, so the name need not be slugify(title), but a name that
 * must change is suggested as the slug of the title (`titleOf`) unless another file has it.
 */
export function checkFileNames(
  entries: readonly Pick<ContentFile, 'file' | 'listId' | 'slug'>[],
  titleOf: (file: string) => string | undefined = () => undefined,
): Problem[] {
  const problems: Problem[] = [];
  const usedSlugs = new Set(entries.map((entry) => entry.slug));
  const bySlug = new Map<string, Pick<ContentFile, 'file' | 'listId' | 'slug'>[]>();

  for (const entry of entries) {
    const expected = isOwnSlug(entry.slug) ? entry.slug : slugify(entry.slug, '');
    const group = bySlug.get(expected);
    if (group) group.push(entry);
    else bySlug.set(expected, [entry]);

    if (RESERVED_SLUGS.has(entry.slug)) {
      problems.push(fileProblem(entry, 'reserved-slug', `the file name "${entry.slug}.md" is reserved: the site uses /${entry.listId}/${entry.slug}/ for its own pages`, `rename the file, such as to "${unreservedSlug(entry.slug, usedSlugs)}.md"`));
    } else if (expected !== entry.slug) {
      const title = titleOf(entry.file);
      const fromTitle = title === undefined ? '' : slugify(title, '');
      const free = (slug: string) => slug !== '' && !usedSlugs.has(slug) && !RESERVED_SLUGS.has(slug);
      let suggestion = 'a name made of the title in lower-case words joined by hyphens';
      if (free(fromTitle)) suggestion = `"${fromTitle}.md", the slug of its title`;
      else if (free(expected)) suggestion = `"${expected}.md"`;
      else if (fromTitle !== '' || expected !== '') suggestion = `"${numbered(fromTitle || expected, free)}.md"`;
      problems.push({
        ...fileProblem(entry, 'file-name-not-slug', `the file name "${entry.slug}.md" is not a slug: lower-case letters and digits joined by single hyphens, with Latin letters unaccented`, `rename the file to ${suggestion}`),
        received: `${entry.slug}.md`,
      });
    }
  }

  for (const [slug, group] of bySlug) {
    if (group.length < 2 || slug === '') continue;
    for (const entry of group) {
      const others = group.filter((other) => other !== entry).map((other) => other.file);
      problems.push(fileProblem(entry, 'slug-collision', `the file name gives the slug "${slug}", as does ${others.join(' and ')}, so both would have the page /${entry.listId}/${slug}/`, 'rename one of the files so that their slugs differ'));
    }
  }
  return problems;
}

/**
 * Returns true for a name that slugify returns unchanged without running it: ASCII lower-case
 * letters and digits in words joined by single hyphens, at most MAX_SLUG_LENGTH long. Nearly every
 * file name has this form, and slugify costs a Unicode transliteration per name.
 */
export function isOwnSlug(name: string): boolean {
  return name.length <= MAX_SLUG_LENGTH && /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(name);
}

/** Returns `base-2`, `base-3`, ... whichever is first free, cutting `base` so that the result fits MAX_SLUG_LENGTH. */
function numbered(base: string, free: (slug: string) => boolean): string {
  for (let suffix = 2; ; suffix++) {
    const ending = `-${suffix}`;
    const head = Array.from(base).slice(0, MAX_SLUG_LENGTH - ending.length).join('').replace(/-+$/, '');
    if (free(`${head}${ending}`)) return `${head}${ending}`;
  }
}

function fileProblem(entry: Pick<ContentFile, 'file' | 'listId' | 'slug'>, code: string, message: string, fix: string): Problem {
  return { stage: 'validate', severity: 'error', code, file: entry.file, line: 1, column: 1, field: '', message, fix };
}
