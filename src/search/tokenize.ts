// Splits text into search terms: the one tokenizer that the index build and the browser's queries share.

/** A term of the text, with the span it came from in the original string (UTF-16 offsets). */
export interface TextToken {
  /** The normalised term: lower case, accents folded, apostrophes removed, arXiv version dropped. */
  term: string;
  start: number;
  length: number;
}

/**
 * A word of the text as a reader typed it. A hyphenated compound (`t-SNE`, `ResNet-50`) has its
 * parts and a joined whole (`tsne`, `resnet50`), so `tsne`, `t sne` and `t-SNE` all find it.
 */
export interface TextWord {
  whole: TextToken;
  /** The hyphen-separated parts, in order; empty unless the word is a compound. */
  parts: TextToken[];
  /** The word is an arXiv identifier, such as `1502.03167` or `cs/0112017`. */
  arxiv: boolean;
}

const LETTERS = String.raw`[\p{L}\p{N}\p{M}]`;
/** A run of letters and digits; apostrophes inside (`Don't`) and dots between digits (`1.0`) stay in the word. */
const WORD = String.raw`${LETTERS}+(?:(?:['’ʼ]|\.(?=\p{N}))${LETTERS}+)*(?:\+\+|#)?(?!${LETTERS})`;
const HYPHEN = String.raw`[-‐‑]`;

/**
 * New-style arXiv ids (`1502.03167v2`), old-style ids (`cs/0112017`, `math.GT/0309136`), or a word
 * with its hyphenated parts. arXiv ids come first so that their dots and slashes do not split them.
 */
const TOKEN_PATTERN = new RegExp(
  [
    String.raw`(?<![\p{L}\p{N}])(?<arxiv>\d{4}\.\d{4,5})(?:v\d+)?(?![\p{L}\p{N}.])`,
    String.raw`(?<![\p{L}\p{N}])(?<oldArxiv>[a-z]+(?:-[a-z]+)?(?:\.[a-z]{2})?\/\d{7})(?:v\d+)?(?!\p{N})`,
    String.raw`(?<compound>${WORD}(?:${HYPHEN}${WORD})*)`,
  ].join('|'),
  'giu',
);

const PART_PATTERN = new RegExp(WORD, 'gu');
/** The characters of a compound that are not letters, digits or marks: what WORD and HYPHEN allow besides LETTERS. */
const NOT_LETTERS = /['’ʼ.+#\-‐‑]/;
const ASCII = /^[\x00-\x7f]*$/;
const CJK_PATTERN = /[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\p{sc=Hangul}]/u;
const CJK_CHARACTER = /[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\p{sc=Hangul}]/gu;

/**
 * Normalises one word for matching: NFKD, combining marks removed (`Réseau` -> `reseau`), lower
 * case, straight and curly apostrophes removed (`Don’t` -> `dont`). `C++` and `C#` keep their signs.
 */
export function normaliseTerm(word: string): string {
  // ASCII has no combining marks and NFKD leaves it unchanged, so only case and `'` remain.
  if (ASCII.test(word)) {
    const lower = word.toLowerCase();
    return lower.includes("'") ? lower.replaceAll("'", '') : lower;
  }
  return word
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/['’ʼ]/g, '');
}

/**
 * Splits `text` into words in reading order. Never throws: text without letters or digits gives
 * no words. Han, kana and Hangul characters each form a word of their own, because those scripts
 * do not separate words with spaces.
 */
export function splitWords(text: string): TextWord[] {
  const words: TextWord[] = [];

  for (const match of text.matchAll(TOKEN_PATTERN)) {
    const start = match.index;
    const groups = match.groups ?? {};

    const arxiv = groups['arxiv'] ?? groups['oldArxiv'];
    if (arxiv !== undefined) {
      words.push({ whole: { term: arxiv.toLowerCase(), start, length: match[0].length }, parts: [], arxiv: true });
      continue;
    }

    const compound = groups['compound'] ?? '';
    if (CJK_PATTERN.test(compound)) {
      words.push(...splitCjk(compound, start));
      continue;
    }

    // A run of letters and digits alone is one part; most words are, and matching them again costs more than the split.
    if (!NOT_LETTERS.test(compound)) {
      words.push({ whole: { term: normaliseTerm(compound), start, length: compound.length }, parts: [], arxiv: false });
      continue;
    }

    const parts: TextToken[] = [];
    for (const part of compound.matchAll(PART_PATTERN)) {
      parts.push({ term: normaliseTerm(part[0]), start: start + part.index, length: part[0].length });
    }
    const whole = { term: parts.map((part) => part.term).join(''), start, length: compound.length };
    words.push({ whole, parts: parts.length > 1 ? parts : [], arxiv: false });
  }

  return words;
}

/** Splits `text` into the terms the index stores: each compound's parts, then its whole. */
export function tokenize(text: string): TextToken[] {
  const tokens: TextToken[] = [];
  for (const word of splitWords(text)) {
    for (const part of word.parts) tokens.push(part);
    tokens.push(word.whole);
  }
  return tokens;
}

/** Splits a run that contains CJK characters into one word per CJK character and one per other run. */
function splitCjk(run: string, offset: number): TextWord[] {
  const words: TextWord[] = [];
  let rest = 0;

  const pushRest = (end: number) => {
    const text = run.slice(rest, end);
    for (const part of text.matchAll(PART_PATTERN)) {
      const term = normaliseTerm(part[0]);
      words.push({ whole: { term, start: offset + rest + part.index, length: part[0].length }, parts: [], arxiv: false });
    }
  };

  for (const match of run.matchAll(CJK_CHARACTER)) {
    pushRest(match.index);
    words.push({ whole: { term: match[0], start: offset + match.index, length: match[0].length }, parts: [], arxiv: false });
    rest = match.index + match[0].length;
  }
  pushRest(run.length);

  return words;
}
