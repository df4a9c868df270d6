// The HTML face of an error: what went wrong, which parameter, and what is allowed
// (unknown companies list the known ones as links).
import { html, type SafeHtml } from '../html.js';
import { layout } from '../layout.js';
import type { ApiError } from '../api-error.js';

const TITLES: Record<number, string> = { 400: 'Bad request', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not found', 413: 'Too large', 429: 'Too many requests' };

/** `requestId` is shown for server errors, so a report can be matched to the server log. */
export function errorPage(status: number, error: ApiError | null, path: string, requestId?: string): SafeHtml {
  const title = TITLES[status] ?? (status >= 500 ? 'Something went wrong' : 'Error');
  const companies = error && (error.parameter === 'companies' || error.parameter === 'ticker');
  const main = html`<h1>${title}</h1>
<div class="error" role="alert">
  <p>${error ? error.message : status === 404 ? `There is no page at ${path}.` : 'The server could not build this page. The error has been logged.'}</p>
  ${requestId ? html`<p class="request-id">Reference: <code>${requestId}</code> (quote it if you report the problem)</p>` : ''}
  ${error?.parameter ? html`<p>Parameter: <code>${error.parameter}</code></p>` : ''}
  ${
    error && error.allowed.length
      ? html`<p>Allowed: ${companies ? error.allowed.map((t, i) => html`${i ? ', ' : ''}<a href="/company/${t}">${t}</a>`) : error.allowed.join(', ')}</p>`
      : ''
  }
</div>
<p><a href="/">Back to the overview</a> · <a href="/explore">Explore</a></p>`;
  return layout({ title, main, section: 'error' });
}
