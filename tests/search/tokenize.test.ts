import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { normaliseTerm, splitWords, tokenize } from '../../src/search/tokenize.ts';

const terms = (text: string) => tokenize(text).map((token) => token.term);

describe('tokenize', () => {
  const cases: [string, string[]][] = [
    ['1502.03167', ['1502.03167']],
    ['1502.03167v2', ['1502.03167']],
    ['https://arxiv.org/abs/1502.03167v3', ['https', 'arxiv', 'org', 'abs', '1502.03167']],
    ['cs/0112017', ['cs/0112017']],
    ['math.GT/0309136v1', ['math.gt/0309136']],
    ['t-SNE', ['t', 'sne', 'tsne']],
    ['ResNet-50', ['resnet', '50', 'resnet50']],
    ['Leaky ReLU / LReLU', ['leaky', 'relu', 'lrelu']],
    ["Don't", ['dont']],
    ['Don’t', ['dont']],
    ['C++ and C#', ['c++', 'and', 'c#']],
    ['Réseau', ['reseau']],
    ['BN, L2 and GAN', ['bn', 'l2', 'and', 'gan']],
    ['All you need is a good init', ['all', 'you', 'need', 'is', 'a', 'good', 'init']],
    ['version 1.0.', ['version', '1.0']],
    ['深度学习', ['深', '度', '学', '习']],
    ['', []],
    ['~ ^ - : * +', []],
  ];

  for (const [text, expected] of cases) {
    it(`splits ${JSON.stringify(text)}`, () => {
      assert.deepEqual(terms(text), expected);
    });
  }

  it('keeps positions in the original text', () => {
    const text = 'Réseau t-SNE';
    for (const token of tokenize(text)) {
      const span = text.slice(token.start, token.start + token.length);
      assert.equal(normaliseTerm(span).replace(/-/g, ''), token.term);
    }
  });

  it('marks arXiv ids', () => {
    const words = splitWords('see 1502.03167v2');
    assert.equal(words.at(-1)?.arxiv, true);
    assert.equal(words[0]?.arxiv, false);
  });
});
