import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { arxivAbsUrl, parseArxivInput, withoutArxivVersion } from '../../src/new/parseArxivInput.ts';

describe('parseArxivInput', () => {
  const accepted: Array<[string, string]> = [
    ['1502.03167', '1502.03167'],
    ['1502.03167v2', '1502.03167v2'],
    ['  1502.03160  ', '1502.03160'],
    ['arXiv:1502.03167', '1502.03167'],
    ['arxiv: 2106.09685v1', '2106.09685v1'],
    ['0704.0001', '0704.0001'],
    ['cs/0112017', 'cs/0112017'],
    ['math.GT/0309136v1', 'math.GT/0309136v1'],
    ['https://arxiv.org/abs/1502.03167', '1502.03167'],
    ['http://arxiv.org/abs/1502.03167v3', '1502.03167v3'],
    ['https://arxiv.org/abs/1502.03167/', '1502.03167'],
    ['https://arxiv.org/abs/1502.03167?context=cs', '1502.03167'],
    ['https://arxiv.org/abs/1502.03167#comments', '1502.03167'],
    ['https://www.arxiv.org/abs/1502.03167', '1502.03167'],
    ['https://export.arxiv.org/abs/1502.03167', '1502.03167'],
    ['arxiv.org/abs/1502.03167', '1502.03167'],
    ['https://arxiv.org/pdf/1502.03167', '1502.03167'],
    ['https://arxiv.org/pdf/1502.03167v1', '1502.03167v1'],
    ['https://arxiv.org/pdf/1502.03167.pdf', '1502.03167'],
    ['https://arxiv.org/pdf/1502.03167v2.pdf', '1502.03167v2'],
    ['https://arxiv.org/html/2401.12345v1', '2401.12345v1'],
    ['https://arxiv.org/abs/cs/0112017', 'cs/0112017'],
    ['https://arxiv.org/pdf/cs/0112017v1.pdf', 'cs/0112017v1'],
    ['https://arxiv.org/abs/math.GT/0309136', 'math.GT/0309136'],
  ];
  for (const [input, expected] of accepted) {
    it(`reads ${input.trim()}`, () => {
      assert.equal(parseArxivInput(input), expected);
    });
  }

  const rejected = [
    '',
    'batch normalization',
    '1502.031',
    '15020.3167',
    'https://example.org/abs/1502.03167',
    'https://arxiv.org/list/cs.LG/recent',
    'https://arxiv.org/abs/',
    'https://arxiv.org/abs/not-an-id',
    'javascript:alert(1)',
  ];
  for (const input of rejected) {
    it(`rejects "${input}"`, () => {
      assert.equal(parseArxivInput(input), undefined);
    });
  }

  it('drops a version', () => {
    assert.equal(withoutArxivVersion('1502.03167v12'), '1502.03167');
    assert.equal(withoutArxivVersion('cs/0112017'), 'cs/0112017');
  });

  it('builds the abstract URL', () => {
    assert.equal(arxivAbsUrl('cs/0112017v1'), 'https://arxiv.org/abs/cs/0112017v1');
  });
});
