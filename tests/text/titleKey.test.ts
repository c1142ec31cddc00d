import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { titleKey } from '../../src/text/titleKey.ts';

describe('titleKey', () => {
  it('ignores case, accents and punctuation', () => {
    assert.equal(titleKey('Don’t Decay the LR!'), titleKey('dont decay the lr'));
    assert.equal(titleKey('Réseau de neurones'), titleKey('reseau de neurones'));
    assert.equal(titleKey('Batch-Norm'), titleKey('batch norm'));
  });

  it('keeps + and # of language names', () => {
    assert.notEqual(titleKey('C++ tricks'), titleKey('C tricks'));
    assert.notEqual(titleKey('C# in depth'), titleKey('C in depth'));
    assert.notEqual(titleKey('F# notes'), titleKey('F notes'));
    assert.equal(titleKey('C++ Tricks'), titleKey('c++ tricks'));
  });

  it('keeps underscores', () => {
    assert.notEqual(titleKey('_list'), titleKey('List'));
  });

  it('gives punctuation no key', () => {
    assert.equal(titleKey('???'), '');
    assert.equal(titleKey('!!!'), '');
    assert.equal(titleKey('+++'), '');
  });

  it('keeps marks of other scripts', () => {
    assert.notEqual(titleKey('が'), titleKey('か'));
    assert.equal(titleKey('अनुवाद'), 'अनुवाद');
  });
});
