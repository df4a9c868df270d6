// The one layout: landmarks, a skip link, the main navigation, links to the page's JSON and
// CSV twins, and app.js (charts drawn for the width they get, frame tabs, the explore form).
// There is no charting code in the browser: charts are SVG from the server.
import { html, type SafeHtml } from './html.js';
import { assetUrl } from './static-assets.js';
import type { DataAsOf } from '../model/series.js';
import { dataAsOfLine } from './components/data-as-of-line.js';

export type Section = 'overview' | 'models' | 'explore' | 'check' | 'methodology' | 'company' | 'api' | 'error';

export interface LayoutOptions {
  title: string;
  description?: string;
  main: SafeHtml;
  section: Section;
  /** The page's JSON twin and its CSV twin (the first table), shown in the footer. */
  twins?: { json: string; csv?: string };
  /** Canonical URL (the explore page's normalised query), which app.js copies to the address bar. */
  canonical?: string;
  /** How current the figures on the page are, said in the footer of every page that shows data. */
  dataAsOf?: DataAsOf;
}

const NAV: { section: Section; href: string; label: string }[] = [
  { section: 'overview', href: '/', label: 'The race' },
  { section: 'models', href: '/models', label: 'Models and compute' },
  { section: 'explore', href: '/explore', label: 'Explore' },
  { section: 'check', href: '/check', label: 'Check an article' },
  { section: 'methodology', href: '/methodology', label: 'Methodology' },
  { section: 'api', href: '/api', label: 'API' },
];

export function head(title: string, description: string | undefined, extra: SafeHtml = html``): SafeHtml {
  return html`<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
${description ? html`<meta name="description" content="${description}">` : ''}
<link rel="stylesheet" href="${assetUrl('/static/app.css')}">
<link rel="icon" href="${assetUrl('/static/favicon.svg')}" type="image/svg+xml">
<script type="module" src="${assetUrl('/static/app.js')}"></script>
${extra}`;
}

export function layout(o: LayoutOptions): SafeHtml {
  const fullTitle = `${o.title} · airace`;
  const extra = html`${o.twins ? html`<link rel="alternate" type="application/json" href="${o.twins.json}">` : ''}
${o.canonical ? html`<link rel="canonical" href="${o.canonical}">` : ''}`;
  return html`<!doctype html>
<html lang="en">
<head>
${head(fullTitle, o.description, extra)}
</head>
<body>
<a class="skip-link" href="#main">Skip to main content</a>
<header class="site-header">
  <a class="brand" href="/">airace</a>
  <span class="tagline">Following the money in the AI race</span>
  <nav aria-label="Main">
    <ul>
      ${NAV.map((n) => html`<li><a href="${n.href}"${n.section === o.section ? html` aria-current="page"` : ''}>${n.label}</a></li>`)}
    </ul>
  </nav>
</header>
<main id="main" tabindex="-1">
${o.main}
</main>
<footer class="site-footer">
  ${o.dataAsOf ? dataAsOfLine(o.dataAsOf) : ''}
  <p>Figures come from company filings and cited statements; every number links to its source. Values the tool computes (a quarter from year-to-date figures, a sum, a growth rate) are marked as derived. <a href="/methodology">How airace computes its numbers</a>.</p>
  ${o.twins ? html`<p>This page as data: <a href="${o.twins.json}">JSON</a>${o.twins.csv ? html` · <a href="${o.twins.csv}">CSV</a>` : ''} · <a href="/api">API reference</a></p>` : ''}
</footer>
</body>
</html>
`;
}
