import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { problemsFor } from '../support/contentFixture.ts';

const FILE = 'content/training-basics/entry.md';

/** Writes an entry with these frontmatter lines into the valid fixture and returns its problems. */
async function entryProblems(...lines: string[]): Promise<string[]> {
  return problemsFor({ 'training-basics/entry.md': `---\n${lines.join('\n')}\n---\n` });
}

describe('validateDocument', () => {
  it('accepts a complete entry', async () => {
    const problems = await entryProblems(
      'title: A Complete Entry',
      'category: tricks',
      'order: 2',
      'also:',
      '  - category: activation-functions/relu',
      '    order: 0',
      'intro: One line',
      'keywords: [training]',
      'arxiv: "cs/0112017v1"',
      'links:',
      '  - kind: project page',
      '    url: https://example.org/complete',
      '    label: Site',
      '    text: the project page',
      'details:',
      '  - key: comments',
      '    text: 10 pages',
      'added: 2024-02-29',
      'aliases: [Complete]',
    );
    assert.deepEqual(problems, []);
  });

  it('reports a missing title', async () => {
    assert.deepEqual(await entryProblems('category: tricks'), [
      `${FILE}:2:1  error  title: is required but missing. Fix: add a line "title: ...".`,
    ]);
  });

  it('reports a missing category', async () => {
    assert.deepEqual(await entryProblems('title: No Category'), [
      `${FILE}:2:1  error  category: is required but missing. Fix: add a line "category: ...".`,
    ]);
  });

  it('reports an empty frontmatter', async () => {
    assert.deepEqual(await problemsFor({ 'training-basics/entry.md': '---\n---\nbody\n' }), [
      `${FILE}:1:1  error  category: is required but missing. Fix: add a line "category: ...".`,
      `${FILE}:1:1  error  title: is required but missing. Fix: add a line "title: ...".`,
    ]);
  });

  it('reports a title that is a number', async () => {
    assert.deepEqual(await entryProblems('title: 1984', 'category: tricks'), [
      `${FILE}:2:8  error  title: must be text, but YAML reads 1984 as a number (received 1984). Fix: put it in quotes: title: "1984".`,
    ]);
  });

  it('reports a title that is true', async () => {
    assert.deepEqual(await entryProblems('title: yes', 'category: tricks'), []);
    assert.deepEqual(await entryProblems('title: true', 'category: tricks'), [
      `${FILE}:2:8  error  title: must be text, but YAML reads true as a true/false value (received true). Fix: put it in quotes: title: "true".`,
    ]);
  });

  it('reports a title that is a list', async () => {
    assert.deepEqual(await entryProblems('title:', '  - Part one', '  - Part two', 'category: tricks'), [
      `${FILE}:3:3  error  title: must be one line of text, not a list (received - Part one - Part two). Fix: write title on one line after the colon, such as title: ...`,
    ]);
  });

  it('reports an empty title', async () => {
    assert.deepEqual(await entryProblems('title:', 'category: tricks'), [
      `${FILE}:2:7  error  title: is empty. Fix: write a value after "title:", or remove the line.`,
    ]);
    assert.deepEqual(await entryProblems('title: "  "', 'category: tricks'), [
      `${FILE}:2:8  error  title: must not be empty (received "  "). Fix: write it as one line of text.`,
    ]);
  });

  it('reports an unknown key', async () => {
    assert.deepEqual(await entryProblems('title: Typo', 'category: tricks', 'keywrods: [a]'), [
      `${FILE}:4:1  error  keywrods: unknown key "keywrods". Fix: did you mean "keywords"?`,
    ]);
  });

  it('reports an unknown key far from all', async () => {
    assert.deepEqual(await entryProblems('title: Typo', 'category: tricks', 'publisher: ACM'), [
      `${FILE}:4:1  error  publisher: unknown key "publisher". Fix: remove it; the keys allowed here are: title, category, order, also, intro, keywords, arxiv, links, details, added, aliases.`,
    ]);
  });

  it('reports an unknown link key', async () => {
    assert.deepEqual(await entryProblems('title: Typo', 'category: tricks', 'links:', '  - kind: code', '    url: https://example.org/x', '    lable: x'), [
      `${FILE}:7:5  error  links[0].lable: unknown key "lable". Fix: did you mean "label"?`,
    ]);
  });

  it('reports an unquoted arXiv id', async () => {
    assert.deepEqual(await entryProblems('title: Unquoted', 'category: tricks', 'arxiv: 1502.03160'), [
      `${FILE}:4:8  error  arxiv: must be a quoted string: YAML reads 1502.03160 as the number 1502.0316, which drops the trailing zero (received 1502.03160). Fix: put the id in quotes: arxiv: "1502.03160".`,
    ]);
  });

  it('reports an unquoted arXiv id kept whole', async () => {
    assert.deepEqual(await entryProblems('title: Unquoted', 'category: tricks', 'arxiv: 1502.03167'), [
      `${FILE}:4:8  error  arxiv: must be a quoted string: YAML reads 1502.03167 as the number 1502.03167 (received 1502.03167). Fix: put the id in quotes: arxiv: "1502.03167".`,
    ]);
  });

  it('reports an invalid arXiv id', async () => {
    assert.deepEqual(await entryProblems('title: Bad id', 'category: tricks', 'arxiv: "arXiv:1502.03167"'), [
      `${FILE}:4:8  error  arxiv: must be an arXiv id such as "1502.03167", "1502.03167v2" or "cs/0112017" (received "arXiv:1502.03167"). Fix: write the id as arXiv shows it, in quotes, such as arxiv: "1502.03167".`,
    ]);
  });

  it('reports a javascript: link', async () => {
    assert.deepEqual(await entryProblems('title: Script', 'category: tricks', 'links:', '  - kind: paper', '    url: javascript:alert(1)'), [
      `${FILE}:6:10  error  links[0].url: must be an absolute http:// or https:// URL (received javascript:alert(1)). Fix: write the full address starting with https:// (or http://).`,
    ]);
  });

  it('reports a data: link', async () => {
    assert.deepEqual(await entryProblems('title: Data', 'category: tricks', 'links:', '  - kind: paper', '    url: https://example.org/ok', '  - kind: code', '    url: "data:text/html,<script>alert(1)</script>"'), [
      `${FILE}:8:10  error  links[1].url: must be an absolute http:// or https:// URL (received "data:text/html,<script>alert(1)</script>"). Fix: write the full address starting with https:// (or http://).`,
    ]);
  });

  it('reports a value read as a comment', async () => {
    assert.deepEqual(await entryProblems('title: #hash', 'category: tricks'), [
      `${FILE}:2:8  error  title: is empty, because YAML reads a value that starts with "#" as a comment. Fix: put the value in quotes: title: "#hash".`,
    ]);
    assert.deepEqual(await entryProblems('title: Hash', 'category: tricks', 'aliases:', '  - #hashtag paper'), [
      `${FILE}:5:5  error  aliases[0]: is empty, because YAML reads a value that starts with "#" as a comment. Fix: put the value in quotes: - "#hashtag paper".`,
    ]);
  });

  it('reports an invalid detail key', async () => {
    assert.deepEqual(await entryProblems('title: Detail', 'category: tricks', 'details:', '  - key: Author', '    text: G. Hinton'), [
      `${FILE}:5:10  error  details[0].key: must be a lower-case word or words, such as "author", "comments" or "venue" (received Author). Fix: write the label in lower case, such as key: author.`,
    ]);
  });

  it('reports a link kind in capitals', async () => {
    assert.deepEqual(await entryProblems('title: Kind', 'category: tricks', 'links:', '  - kind: GitHub', '    url: https://github.com/x/y'), [
      `${FILE}:5:11  error  links[0].kind: must be a lower-case word such as "paper", "code", "blog", "slides" or "project page" (received GitHub). Fix: write the kind in lower case, such as paper, code, blog, slides or project page.`,
    ]);
  });

  it('reports an invalid intro item', async () => {
    assert.deepEqual(await entryProblems('title: Intro', 'category: tricks', 'intro:', '  - ICML 2015', '  - 2015'), [
      `${FILE}:6:5  error  intro[1]: must be text, but YAML reads 2015 as a number (received 2015). Fix: put it in quotes: - "2015".`,
    ]);
  });

  it('reports a keyword with a comma', async () => {
    assert.deepEqual(await entryProblems('title: Keywords', 'category: tricks', 'keywords: ["a, b"]'), [
      `${FILE}:4:12  error  keywords[0]: must not contain a comma: write each keyword as its own list item (received "a, b"). Fix: write one keyword per list item, on one line, without commas.`,
    ]);
  });

  it('reports keywords written as text', async () => {
    assert.deepEqual(await entryProblems('title: Keywords', 'category: tricks', 'keywords: a, b'), [
      `${FILE}:4:11  error  keywords: must be a list, not the text "a, b" (received a, b). Fix: write each item on its own line starting with "- " under "keywords:".`,
    ]);
  });

  it('reports an invalid date', async () => {
    assert.deepEqual(await entryProblems('title: Date', 'category: tricks', 'added: 2020-13-01'), [
      `${FILE}:4:8  error  added: must be a date written YYYY-MM-DD, such as 2024-05-31 (received 2020-13-01). Fix: write the date as YYYY-MM-DD, such as added: 2024-05-31.`,
    ]);
  });

  it('reports a negative order', async () => {
    assert.deepEqual(await entryProblems('title: Order', 'category: tricks', 'order: -1'), [
      `${FILE}:4:8  error  order: must be 0 or more (received -1). Fix: write a whole number from 0 up.`,
    ]);
  });

  it('reports an invalid category form', async () => {
    assert.deepEqual(await entryProblems('title: Category', 'category: Tricks/'), [
      `${FILE}:3:11  error  category: must be a section path such as "activation-functions/relu" (received Tricks/). Fix: write the section path of the list file: section ids joined by "/", such as activation-functions/relu.`,
    ]);
  });
});

describe('validateDocument intro', () => {
  it('reports an empty intro list', async () => {
    assert.deepEqual(await entryProblems('title: Intro', 'category: tricks', 'intro: []'), [
      `${FILE}:4:8  error  intro: must have at least 1 item (received []). Fix: add an item, or remove the key.`,
    ]);
  });

  it('reports an intro of key-value lines', async () => {
    assert.deepEqual(await entryProblems('title: Intro', 'category: tricks', 'intro:', '  venue: ICML'), [
      `${FILE}:5:3  error  intro: must be text, not a set of "key: value" lines (received venue: ICML). Fix: put the text in double quotes, because a colon followed by a space makes it a key: intro: "venue: ICML".`,
    ]);
  });
});

describe('validateDocument list file', () => {
  const LIST = 'content/training-basics/_list.md';
  const listProblems = (...lines: string[]) => problemsFor({ 'training-basics/_list.md': `---\n${lines.join('\n')}\n---\n` });
  const SECTIONS = ['sections:', '  - id: normalization', '    title: Normalization', '    sections:', '      - id: batch-normalization', '        title: B', '      - id: layer-normalization', '        title: L', '  - id: activation-functions', '    title: A', '    sections:', '      - id: relu', '        title: ReLU', '  - id: tricks', '    title: Tricks'];

  it('reports an unknown list key', async () => {
    assert.deepEqual(await listProblems('title: Training Basics', 'description: d', 'licence: MIT', ...SECTIONS), [
      `${LIST}:4:1  error  licence: unknown key "licence". Fix: remove it; the keys allowed here are: title, description, source, created, sections.`,
    ]);
  });

  it('reports a source without licence', async () => {
    assert.deepEqual(await listProblems('title: Training Basics', 'description: d', 'source:', '  url: ftp://example.org/list.md', '  licnce: MIT', ...SECTIONS), [
      `${LIST}:4:1  error  source.licence: is required but missing. Fix: add a line "licence: ...".`,
      `${LIST}:5:8  error  source.url: must be an absolute http:// or https:// URL (received ftp://example.org/list.md). Fix: write the full address starting with https:// (or http://).`,
      `${LIST}:6:3  error  source.licnce: unknown key "licnce". Fix: did you mean "licence"?`,
    ]);
  });

  it('reports a control character in a section title', async () => {
    const sections = SECTIONS.map((line) => (line === '    title: Tricks' ? '    title: "Tricks\\e[2J"' : line));
    assert.deepEqual(await listProblems('title: Training Basics', 'description: d', ...sections), [
      `${LIST}:18:19  error  sections[2].title: contains U+001B (escape), written as the YAML escape "\\e", a character that the pages and feeds would drop or replace (received "Tricks\\e[2J"). Fix: delete the escape "\\e", or write "\\\\e" if the backslash is meant as text.`,
    ]);
  });

  it('reports a description on two lines', async () => {
    assert.deepEqual(await listProblems('title: Training Basics', 'description: "one\\ntwo"', ...SECTIONS), [
      `${LIST}:3:14  error  description: must be one line, without line breaks (received "one\\ntwo"). Fix: write it as one line of text.`,
    ]);
  });
});

describe('validateDocument colon in a list', () => {
  it('suggests quoting an intro item', async () => {
    assert.deepEqual(await entryProblems('title: Intro', 'category: tricks', 'intro:', '  - Attention: the paper'), [
      `${FILE}:5:5  error  intro[0]: must be text, not a set of "key: value" lines (received Attention: the paper). Fix: put the text in double quotes, because a colon followed by a space makes it a key: - "Attention: the paper".`,
    ]);
  });
});

describe('validateDocument control characters', () => {
  it('reports escapes in a title and a keyword', async () => {
    assert.deepEqual(await entryProblems('title: "nul \\0 and \\e[2J here"', 'category: tricks', 'keywords: ["k\\x07bell"]'), [
      `${FILE}:2:13  error  title: contains U+0000 (NUL), written as the YAML escape "\\0", a character that the pages and feeds would drop or replace (received "nul \\0 and \\e[2J here"). Fix: delete the escape "\\0", or write "\\\\0" if the backslash is meant as text.`,
      `${FILE}:4:14  error  keywords[0]: contains U+0007, written as the YAML escape "\\x07", a character that the pages and feeds would drop or replace (received "k\\x07bell"). Fix: delete the escape "\\x07", or write "\\\\x07" if the backslash is meant as text.`,
    ]);
  });

  it('reports an escaped key and its schema problem', async () => {
    assert.deepEqual(await entryProblems('title: Key', 'category: tricks', '"foo\\u009B31m": 1'), [
      `${FILE}:4:1  error  foo\\x9B31m: unknown key "foo\\x9B31m". Fix: remove it; the keys allowed here are: title, category, order, also, intro, keywords, arxiv, links, details, added, aliases.`,
      `${FILE}:4:5  error  foo\\x9B31m: the key contains U+009B (control sequence introducer), written as the YAML escape "\\u009B", a control character that a browser does not show and a terminal may act on (received "foo\\u009B31m"). Fix: delete the escape "\\u009B", or write "\\\\u009B" if the backslash is meant as text.`,
    ]);
  });

  it('reports a raw DEL in the file', async () => {
    assert.deepEqual(await entryProblems('title: A\u007fB', 'category: tricks'), [
      `${FILE}:2:9  error  the file contains U+007F (delete), a control character that a browser does not show and a terminal may act on. Fix: delete the character or replace it with a space, in an editor that shows invisible characters.`,
    ]);
  });
});
