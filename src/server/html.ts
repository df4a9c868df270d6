// The `html` tagged template: every interpolated value is escaped unless it is already
// SafeHtml, so a page can only contain markup that a template (or the chart renderer) wrote.
// This is the one place where user-supplied text meets markup.

/** Markup that is safe to insert as is: built by `html`, or explicitly trusted with `raw`. */
export class SafeHtml {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for element content and for quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}

type Interpolation = SafeHtml | string | number | boolean | null | undefined | readonly Interpolation[];

function render(value: Interpolation): string {
  if (value === null || value === undefined || value === false) return '';
  if (value instanceof SafeHtml) return value.value;
  if (Array.isArray(value)) return value.map(render).join('');
  return escapeHtml(String(value));
}

export function html(strings: TemplateStringsArray, ...values: Interpolation[]): SafeHtml {
  let out = strings[0]!;
  for (let i = 0; i < values.length; i++) out += render(values[i]) + strings[i + 1]!;
  return new SafeHtml(out);
}

/** Trusts markup produced by code, never by users (the SVG from renderSvg, which escapes its own text). */
export function raw(markup: string): SafeHtml {
  return new SafeHtml(markup);
}

/**
 * A JSON data block. Not executed (so allowed under `script-src 'self'`), but the HTML parser
 * still ends it at `</script`, so `<` is written as \u003c; U+2028/2029 are escaped for old parsers.
 */
export function jsonScript(value: unknown, attributes: SafeHtml = html``): SafeHtml {
  const json = JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
  return html`<script type="application/json" ${attributes}>${raw(json)}</script>`;
}

/**
 * Only http(s) and same-site links reach an href: a source URL from a synced filing is data,
 * and `javascript:` in data must not become a link.
 */
export function safeUrl(url: string | null | undefined): string | null {
  if (!url) return null;
  if (/^https?:\/\//i.test(url)) return url;
  if (url.startsWith('/') && !url.startsWith('//')) return url;
  return null;
}
