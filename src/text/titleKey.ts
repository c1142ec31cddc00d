// The normalised form of a title under which two entries count as the same work.

/**
 * Returns the key two titles share when they differ only in case, accents, quotes, dashes,
 * punctuation or spacing: `Don’t Decay the LR!` and `dont decay the lr` give the same key.
 */
export function titleKey(title: string): string {
  return title
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[\u2018\u2019\u02bc'`]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}
