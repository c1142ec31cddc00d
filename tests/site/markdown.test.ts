// The Markdown renderer escapes raw HTML, keeps only http, https, fragment and site-relative
// links, and adds the path prefix to site-relative ones.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import markdownIt from 'markdown-it';
import { isAllowedLink, markdownRenderer } from '../../src/site/markdown.ts';
import { loadSmallCatalog } from '../support/smallCatalog.ts';

const markdown = markdownRenderer('/');
const prefixed = markdownRenderer('/reading-lists/');

describe('isAllowedLink', () => {
  const cases: Array<[string, boolean]> = [
    ['https://arxiv.org/abs/1502.03167', true],
    ['http://example.org/', true],
    ['#notes', true],
    ['/keywords/relu/', true],
    ['//evil.example/', false],
    ['javascript:alert(1)', false],
    ['JAVASCRIPT:alert(1)', false],
    ['data:text/html;base64,PHNjcmlwdD4=', false],
    ['data:image/png;base64,iVBORw0KGgo=', false],
    ['mailto:someone@example.org', false],
    ['vbscript:msgbox', false],
    ['file:///etc/passwd', false],
    ['relative/page.html', false],
  ];

  for (const [url, allowed] of cases) {
    it(`${allowed ? 'allows' : 'rejects'} ${url}`, () => {
      assert.equal(isAllowedLink(url), allowed);
    });
  }
});

describe('markdownRenderer', () => {
  it('escapes raw HTML blocks and inline tags', () => {
    const rendered = markdown.block('<script>alert(1)</script>\n\nText <b>bold</b> <img src=x onerror=alert(2)>').value;

    assert.doesNotMatch(rendered, /<script|<b>|<img/);
    assert.match(rendered, /&lt;script&gt;alert\(1\)&lt;\/script&gt;/);
  });

  it('renders a javascript link as text', () => {
    const rendered = markdown.inline('[click](javascript:alert(1)) and <javascript:alert(2)>').value;

    assert.doesNotMatch(rendered, /<a /);
  });

  it('renders http links and images', () => {
    const rendered = markdown.block('[paper](https://arxiv.org/abs/1502.03167)\n\n![plot](https://example.org/plot.png)').value;

    assert.match(rendered, /<a href="https:\/\/arxiv.org\/abs\/1502.03167">paper<\/a>/);
    assert.match(rendered, /<img src="https:\/\/example.org\/plot.png" alt="plot" loading="lazy">/);
  });

  it('adds the prefix to site-relative links', () => {
    const rendered = prefixed.inline('[ReLU](/keywords/relu/) and [notes](#notes)').value;

    assert.match(rendered, /href="\/reading-lists\/keywords\/relu\/"/);
    assert.match(rendered, /href="#notes"/);
  });

  it('leaves template syntax as typed', () => {
    assert.equal(markdown.inline('{{ 7 * 7 }} {% include "x" %}').value, '{{ 7 * 7 }} {% include &quot;x&quot; %}');
  });

  it('renders inline Markdown without a paragraph', () => {
    assert.equal(markdown.inline('*ICML* 2015').value, '<em>ICML</em> 2015');
  });

  it('renders plain lines as markdown-it does', async () => {
    const reference = markdownIt({ html: false, linkify: true, typographer: false });
    const catalog = await loadSmallCatalog();
    const lines = [
      'An empirical study of implicit regularization in Normalizing Flow',
      "Don't stop (yet)?",
      'Réseaux de neurones, 2015; 12 layers',
      'semi-supervised -- learning',
      'Ends with a space ',
      ' starts with a space',
      'two  spaces',
      'see example.com',
      'see https',
      'a_b c*d e~f',
      'x & y "quoted" <b>',
      'trailing backslash\\',
      'line\nbreak',
      '',
      'CVPR 2020. MIT & Shanghai Jiao Tong University',
      'ImageNet top-1 accuracy: 80.3%',
      'see example.com or www. example. org',
      'e.g. version 1.2.3',
      'localhost: 8080',
      'http: and https: without a slash',
      'Tom & Jerry &amp; &#39; &copy',
      'ends with an ampersand &',
      'ends with a colon:',
      '50% off. Then 20%.',
      'a. b: c & d',
      'Réseaux. 深度学习: 残差 & 网络',
      ...catalog.entries.flatMap((entry) => entry.data.intro ?? []),
    ];

    for (const line of lines) assert.equal(markdown.inline(line).value, reference.renderInline(line), JSON.stringify(line));
  });

  it('renders plain paragraphs as markdown-it does', async () => {
    const reference = markdownIt({ html: false, linkify: true, typographer: false });
    const catalog = await loadSmallCatalog();
    const blocks = [
      'Results hold across several batch sizes, but the gains shrink on the largest models.',
      '\nReported numbers use the standard split: 80.3% & more.\n',
      '\n\nOne line between blank lines.\n\n\n',
      '1. A numbered item',
      '2019. A year that starts an ordered list',
      '- a bullet',
      '# A heading',
      '    indented code',
      '\n    indented code after a blank line\n',
      'Two lines\nof one paragraph',
      'A paragraph\n===',
      'Trailing spaces  \n',
      ' Leading space',
      'See example.com.',
      'Tabs\tbetween words',
      ...catalog.entries.map((entry) => entry.body),
      ...catalog.lists.map((list) => list.body),
    ];

    for (const block of blocks) assert.equal(markdown.block(block).value, reference.render(block), JSON.stringify(block));
  });
});
