import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { arxivArchive, arxivIdOf, arxivSubmissionMonth } from '../../src/outputs/arxiv.ts';

describe('arxivIdOf', () => {
  it('prefers the arxiv field', () => {
    assert.equal(arxivIdOf({ arxiv: '1502.03167', links: [{ kind: 'paper', url: 'https://arxiv.org/abs/1111.11111' }] }), '1502.03167');
  });

  const links: Array<[string, string | undefined]> = [
    ['https://arxiv.org/abs/1805.09300', '1805.09300'],
    ['http://arxiv.org/abs/1502.03167v2', '1502.03167v2'],
    ['https://arxiv.org/pdf/1502.03167.pdf', '1502.03167'],
    ['https://arxiv.org/pdf/1502.03167v3', '1502.03167v3'],
    ['https://export.arxiv.org/abs/cs/0112017', 'cs/0112017'],
    ['https://arxiv.org/abs/math.GT/0309136', 'math.GT/0309136'],
    ['https://arxiv.org/list/cs.LG/recent', undefined],
    ['https://example.com/abs/1805.09300', undefined],
  ];
  for (const [url, expected] of links) {
    it(`reads ${url}`, () => {
      assert.equal(arxivIdOf({ links: [{ kind: 'paper', url }] }), expected);
    });
  }
});

describe('arxivSubmissionMonth', () => {
  it('reads new-style ids', () => {
    assert.deepEqual(arxivSubmissionMonth('1502.03167v2'), { year: 2015, month: 2 });
  });

  it('reads old-style ids of both centuries', () => {
    assert.deepEqual(arxivSubmissionMonth('cs/0112017'), { year: 2001, month: 12 });
    assert.deepEqual(arxivSubmissionMonth('hep-th/9108001'), { year: 1991, month: 8 });
  });

  it('rejects a month out of range', () => {
    assert.equal(arxivSubmissionMonth('1513.00001'), undefined);
  });
});

describe('arxivArchive', () => {
  it('names the archive of old-style ids only', () => {
    assert.equal(arxivArchive('math.GT/0309136'), 'math.GT');
    assert.equal(arxivArchive('1502.03167'), undefined);
  });
});
