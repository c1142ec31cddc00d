// The `html` tagged template escapes every interpolation that is not marked safe.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { escapeHtml, html, joinHtml, trustedHtml } from '../../src/site/html.ts';

describe('escapeHtml', () => {
  it('escapes the five HTML-special characters', () => {
    assert.equal(escapeHtml(`<a href="x" title='y'>&</a>`), '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;');
  });

  it('leaves template syntax as typed', () => {
    assert.equal(escapeHtml('{{ 7 * 7 }} {% include "x" %}'), '{{ 7 * 7 }} {% include &quot;x&quot; %}');
  });
});

describe('html', () => {
  it('escapes interpolated text', () => {
    const title = '<script>alert(1)</script>';

    assert.equal(html`<h1>${title}</h1>`.value, '<h1>&lt;script&gt;alert(1)&lt;/script&gt;</h1>');
  });

  it('escapes text inside attributes', () => {
    const value = '" onmouseover="alert(1)';

    assert.equal(html`<a title="${value}">x</a>`.value, '<a title="&quot; onmouseover=&quot;alert(1)">x</a>');
  });

  it('inserts nested html and trusted markup as is', () => {
    const inner = html`<em>${'a & b'}</em>`;

    assert.equal(html`<p>${inner}${trustedHtml('<br>')}</p>`.value, '<p><em>a &amp; b</em><br></p>');
  });

  it('joins arrays and prints nothing for null, undefined and false', () => {
    const items = ['<1>', html`<b>2</b>`];

    assert.equal(html`${items}|${null}|${undefined}|${false}|${0}`.value, '&lt;1&gt;<b>2</b>||||0');
  });
});

describe('joinHtml', () => {
  it('escapes pieces and the separator', () => {
    assert.equal(joinHtml(['a<', html`<i>b</i>`], ' & ').value, 'a&lt; &amp; <i>b</i>');
  });
});
