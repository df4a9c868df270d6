// Wide tables scroll sideways inside a focusable region, so keyboard users can scroll them too.
import { html, type SafeHtml } from '../html.js';

export function scrollTable(table: SafeHtml, id: string): SafeHtml {
  return html`<div class="table-scroll" role="region" aria-labelledby="${id}-caption" tabindex="0">${table}</div>`;
}
