// A company's colour as a small square. An SVG `fill` attribute, not an inline style, so the
// strict style-src of the Content-Security-Policy holds.
import { html, type SafeHtml } from '../html.js';

export function swatch(colour: string): SafeHtml {
  const fill = /^#[0-9a-f]{3,8}$/i.test(colour) ? colour : '#777777';
  return html`<svg class="swatch" width="12" height="12" viewBox="0 0 12 12" aria-hidden="true" focusable="false"><rect width="12" height="12" rx="2" fill="${fill}"/></svg>`;
}
