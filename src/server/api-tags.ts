// The groups of the API reference: the OpenAPI document's `tags`, each with the description
// /api shows. A route's tags are typed against this list (routes.ts), so a new group cannot be
// used without being declared here, and test/server/api-reference.test.ts checks the document.
export const API_TAGS = [
  { name: 'series', description: 'A metric for companies over periods' },
  { name: 'charts', description: 'The charts the dashboard draws, as SVG, PNG or Vega-Lite' },
  { name: 'facts', description: 'Every stored figure with its provenance' },
  { name: 'events', description: 'The cited timeline of the race' },
  { name: 'models', description: 'AI models and training compute from Epoch AI’s data (CC BY 4.0): the models, series over periods, their charts and every retrieval' },
  { name: 'prices', description: 'Share prices per listing in its own currency: daily closes, rebased lines, changes over a window, the largest daily moves and where each company trades' },
  { name: 'check', description: 'Check an article’s figures' },
  { name: 'reference', description: 'Companies, metrics and this document' },
  { name: 'admin', description: 'Off unless the server has an admin token' },
] as const;

export type ApiTag = (typeof API_TAGS)[number]['name'];
