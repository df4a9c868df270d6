// The human-readable API reference at /api: Swagger UI over the OpenAPI document that
// @fastify/swagger builds from the routes' zod schemas (the same schemas that validate
// requests), styled to match the dashboard, with a way back to it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifySwaggerUiOptions } from '@fastify/swagger-ui';
import { staticDir } from './static-assets.js';

/** Swagger UI's own look, moved towards the dashboard's: its font, link colour and no "Explore" bar. */
const THEME_CSS = `
body { margin: 0; font-family: 'IBM Plex Sans', system-ui, sans-serif; }
.swagger-ui, .swagger-ui .info .title, .swagger-ui .opblock-tag, .swagger-ui .opblock .opblock-summary-description { font-family: inherit; }
.swagger-ui .topbar { background: #fff; border-bottom: 1px solid #d9d9d9; padding: 8px 0; }
.swagger-ui .topbar .download-url-wrapper { display: none; }
.swagger-ui .topbar a { max-width: none; }
.swagger-ui .info a, .swagger-ui a.nostyle { color: #0a58ca; }
.airace-back { font: 15px 'IBM Plex Sans', system-ui, sans-serif; padding: 8px 20px; border-bottom: 1px solid #d9d9d9; }
.airace-back a { color: #0a58ca; margin-right: 1.25rem; }
`;

/** A plain link bar above the reference, so the page leads back to the dashboard. */
const THEME_JS = `
document.addEventListener('DOMContentLoaded', function () {
  var bar = document.createElement('nav');
  bar.className = 'airace-back';
  bar.setAttribute('aria-label', 'airace');
  bar.innerHTML = '<a href="/">airace: the race</a><a href="/explore">Explore</a><a href="/api/v1/openapi.json">OpenAPI JSON</a>';
  document.body.insertBefore(bar, document.body.firstChild);
  var main = document.getElementById('swagger-ui');
  if (main) main.setAttribute('role', 'main');
});
`;

export function apiReferenceOptions(): FastifySwaggerUiOptions {
  const favicon = readFileSync(join(staticDir(), 'favicon.svg'));
  return {
    routePrefix: '/api',
    // The dashboard's own Content-Security-Policy applies (security-headers.ts).
    staticCSP: false,
    uiConfig: { docExpansion: 'list', deepLinking: true, defaultModelsExpandDepth: 0, displayRequestDuration: true, tryItOutEnabled: false },
    logo: { type: 'image/svg+xml', content: favicon, href: '/', target: '_self' },
    theme: {
      title: 'airace API reference',
      css: [{ filename: 'airace.css', content: THEME_CSS }],
      js: [{ filename: 'airace.js', content: THEME_JS }],
      favicon: [{ filename: 'favicon.svg', rel: 'icon', sizes: 'any', type: 'image/svg+xml', content: favicon }],
    },
  };
}
