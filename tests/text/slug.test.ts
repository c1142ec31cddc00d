import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { slugify } from '../../src/text/slug.ts';

describe('slugify', () => {
  it('transliterates Latin letters', () => {
    assert.equal(slugify('Réseau de neurones'), 'reseau-de-neurones');
    assert.equal(slugify('Straße'), 'strasse');
    assert.equal(slugify('Æther Ørsted'), 'aether-orsted');
  });

  it('keeps other scripts with their marks', () => {
    assert.equal(slugify('ディープラーニングの学習'), 'ディープラーニングの学習');
    assert.equal(slugify('が'), 'が');
    assert.equal(slugify('हिन्दी क्या'), 'हिन्दी-क्या');
    assert.equal(slugify('Привет мир'), 'привет-мир');
    assert.equal(slugify('Ελληνικά'), 'ελληνικά');
    assert.equal(slugify('مرحبا'), 'مرحبا');
    assert.equal(slugify('深度学习'), '深度学习');
  });

  it('gives NFC', () => {
    assert.equal(slugify('\u304b\u3099'), '\u304c');
    assert.equal(slugify('cafe\u0301'), 'cafe');
  });

  it('turns dashes and punctuation into hyphens', () => {
    assert.equal(slugify('Oh no — an obstacle!'), 'oh-no-an-obstacle');
    assert.equal(slugify('Don’t “quote”'), 'dont-quote');
    assert.equal(slugify('snake_case'), 'snake-case');
  });

  it('is its own slug', () => {
    for (const title of ['ディープラーニングの学習', 'हिन्दी क्या', 'Réseau — ß', 'a'.repeat(50) + ' ' + 'b'.repeat(50)]) {
      const slug = slugify(title);
      assert.equal(slugify(slug), slug, title);
    }
  });

  it('falls back when nothing is left', () => {
    assert.equal(slugify('???'), 'untitled');
    assert.equal(slugify('🙂', ''), '');
  });
});
