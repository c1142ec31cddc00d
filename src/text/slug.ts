// Slugs for entry files, section ids, keyword pages and URLs.
import transliterate from '@sindresorhus/transliterate';
import { slug as githubSlug } from 'github-slugger';

/** The maximum slug length, in characters. A longer slug is cut at a hyphen. */
export const MAX_SLUG_LENGTH = 80;

/**
 * Makes a URL-safe slug of `text`, in lower case and NFC. Latin letters with diacritics are
 * transliterated (`Réseau` -> `reseau`, `ß` -> `ss`). Letters and combining marks of every other
 * script are kept as they are (`深度学习`, `ディープラーニング`, `हिन्दी`, `привет`). Everything else
 * becomes single hyphens. A slug is its own slug: `slugify(slugify(x)) === slugify(x)`.
 * Returns `fallback` when nothing is left, as for a title made only of emoji or punctuation.
 */
export function slugify(text: string, fallback = 'untitled'): string {
  const joined = githubSlug(transliterateLatin(text.normalize('NFC')))
    .normalize('NFC')
    .replace(/_/g, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^-+|-+$/g, '');
  const cut = cutAtHyphen(joined, MAX_SLUG_LENGTH);
  return cut.length > 0 ? cut : fallback;
}

/**
 * Replaces each Latin letter outside ASCII, with the marks that follow it, by its ASCII spelling,
 * and every dash (`—`, `–`) by a hyphen, which github-slugger would drop.
 */
function transliterateLatin(text: string): string {
  return text
    .replace(/\p{Script=Latin}\p{M}*/gu, (letter) => (/^[A-Za-z]$/.test(letter) ? letter : transliterate(letter)))
    .replace(/\p{Pd}/gu, '-');
}

function cutAtHyphen(text: string, maxLength: number): string {
  const characters = Array.from(text);
  if (characters.length <= maxLength) return text;

  const head = characters.slice(0, maxLength).join('');
  const lastHyphen = head.lastIndexOf('-');
  return (lastHyphen > maxLength / 2 ? head.slice(0, lastHyphen) : head).replace(/-+$/, '');
}
