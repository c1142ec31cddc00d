// Slugs for entry files, section ids, keyword pages and URLs.
import transliterate from '@sindresorhus/transliterate';
import { slug as githubSlug } from 'github-slugger';

/** The longest slug, in characters; longer ones are cut at a hyphen. */
export const MAX_SLUG_LENGTH = 80;

/**
 * Makes a URL-safe slug of `text`: Latin letters lose their accents (`Réseau` -> `reseau`),
 * letters of other scripts are kept (`深度学习`), everything else becomes single hyphens.
 * Returns `fallback` when nothing is left, as for a title made only of emoji or punctuation.
 */
export function slugify(text: string, fallback = 'untitled'): string {
  const joined = githubSlug(transliterate(text.normalize('NFC')))
    .replace(/_/g, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^-+|-+$/g, '');
  const cut = cutAtHyphen(joined, MAX_SLUG_LENGTH);
  return cut.length > 0 ? cut : fallback;
}

function cutAtHyphen(text: string, maxLength: number): string {
  const characters = Array.from(text);
  if (characters.length <= maxLength) return text;

  const head = characters.slice(0, maxLength).join('');
  const lastHyphen = head.lastIndexOf('-');
  return (lastHyphen > maxLength / 2 ? head.slice(0, lastHyphen) : head).replace(/-+$/, '');
}
