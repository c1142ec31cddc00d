// The normalised form of a title under which two entries count as the same work.

/**
 * Returns the key two titles share when they differ only in case, accents on Latin letters,
 * quotes, dashes, other punctuation or spacing: `Don’t Decay the LR!` and `dont decay the lr` give
 * the same key. `+` and `#` after a letter or digit stay (`C++`, `C#`, `F#` differ from `C`, `F`),
 * as does `_` (`_list` differs from `List`). Marks of other scripts stay, so that the Japanese
 * `が` and `か` differ. A title without a letter or digit (`???`) returns an empty key, which
 * matches no other title.
 */
export function titleKey(title: string): string {
  const key = title
    .normalize('NFKD')
    .replace(/(\p{Script=Latin})\p{M}+/gu, '$1')
    .normalize('NFC')
    .toLowerCase()
    .replace(/[\u2018\u2019\u02bc'`]/g, '')
    .replace(/(?<![\p{L}\p{N}\p{M}_+#])[+#]+/gu, ' ')
    .replace(/[^\p{L}\p{N}\p{M}_+#]+/gu, ' ')
    .trim();
  return /[\p{L}\p{N}]/u.test(key) ? key : '';
}
