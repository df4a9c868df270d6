import { describe, expect, it } from 'vitest';
import { escapeHtml, html, jsonScript, raw, safeUrl } from '../../src/server/html.js';
import { twinHref } from '../../src/server/page.js';

describe('html`` escapes by default', () => {
  it('escapes interpolated text and attribute values', () => {
    const name = `<img src=x onerror="alert('x')">`;
    expect(html`<p title="${name}">${name}</p>`.value).toBe('<p title="&lt;img src=x onerror=&quot;alert(&#39;x&#39;)&quot;&gt;">&lt;img src=x onerror=&quot;alert(&#39;x&#39;)&quot;&gt;</p>');
  });

  it('keeps nested templates and raw markup, joins arrays, drops null and false', () => {
    const items = ['a<b', 'c'];
    expect(html`<ul>${items.map((i) => html`<li>${i}</li>`)}</ul>${null}${false}${undefined}${0}`.value).toBe('<ul><li>a&lt;b</li><li>c</li></ul>0');
    expect(html`${raw('<svg></svg>')}`.value).toBe('<svg></svg>');
    expect(escapeHtml('&')).toBe('&amp;');
  });

  it('writes JSON data blocks that cannot be closed from inside', () => {
    const block = jsonScript({ t: '</script><script>alert(1)</script>', l: '\u2028' }).value;
    expect(block).toBe('<script type="application/json" >{"t":"\\u003c/script>\\u003cscript>alert(1)\\u003c/script>","l":"\\u2028"}</script>');
    expect(JSON.parse(block.slice(block.indexOf('>') + 1, block.lastIndexOf('<')))).toEqual({ t: '</script><script>alert(1)</script>', l: '\u2028' });
  });

  it('lets only http(s) and same-site URLs become links', () => {
    expect(safeUrl('https://sec.gov/x')).toBe('https://sec.gov/x');
    expect(safeUrl('/company/AMZN')).toBe('/company/AMZN');
    expect(safeUrl('javascript:alert(1)')).toBeNull();
    expect(safeUrl('//evil.example')).toBeNull();
    expect(safeUrl(null)).toBeNull();
  });
});

describe('twinHref', () => {
  it('names the JSON and CSV twins of a page', () => {
    expect(twinHref('/', 'json')).toBe('/index.json');
    expect(twinHref('/company/AMZN', 'csv', 'currency=USD', 'facts')).toBe('/company/AMZN.csv?currency=USD&table=facts');
    expect(twinHref('/explore', 'json', 'metric=capex&companies=AMZN,MSFT&table=x')).toBe('/explore.json?metric=capex&companies=AMZN,MSFT');
  });
});
