// Progressive enhancement for airace pages. Without JavaScript every page works: charts are
// server-rendered SVG and the explore form is a plain GET form. With it:
//  - each chart becomes an interactive Vega view (tooltips, a link to the source on every
//    mark), drawn from the Vega-Lite spec in the figure's <script type="application/json">;
//  - the explore form redraws the chart on every change and keeps the URL in step.
// Vega runs with its expression interpreter, so nothing needs eval under the page's CSP.
import { expressionInterpreter } from '/static/vendor/vega-interpreter.js';

const EMBED_OPTIONS = {
  renderer: 'svg',
  actions: false,
  ast: true,
  expr: expressionInterpreter,
  // Styles for the tooltip live in app.css: injected <style> elements would break the CSP.
  defaultStyle: false,
  tooltip: { disableDefaultStyle: true, theme: 'airace' },
};

/** Replaces each static chart under `root` with a live view; the static SVG stays if Vega fails. */
export async function hydrate(root) {
  const figures = [...root.querySelectorAll('figure[data-chart]')].filter((f) => !f.dataset.hydrated);
  await Promise.all(
    figures.map(async (figure) => {
      const data = figure.querySelector('script.chart-spec');
      const view = figure.querySelector('.chart-view');
      if (!data || !view || typeof window.vegaEmbed !== 'function') return;
      const live = document.createElement('div');
      live.className = 'chart-live';
      view.after(live);
      try {
        await window.vegaEmbed(live, JSON.parse(data.textContent), EMBED_OPTIONS);
        view.remove();
        figure.dataset.hydrated = 'true';
      } catch (error) {
        live.remove();
        figure.dataset.hydrated = 'failed';
        console.error('airace: interactive chart failed, keeping the static one', error);
      }
    }),
  );
}

/** The form's state as a query string, companies joined with commas as the server writes them. */
function formQuery(form) {
  const data = new FormData(form);
  const params = new URLSearchParams();
  for (const name of ['metric', 'companies', 'period', 'from', 'to', 'currency', 'transform', 'type', 'annotate']) {
    const values = data.getAll(name).map(String).filter((v) => v !== '');
    if (values.length) params.set(name, values.join(','));
  }
  // No company ticked is an explicit (empty) choice, which the server reports as an error.
  if (!data.getAll('companies').length) params.set('companies', '');
  return params.toString().replace(/%2C/g, ',');
}

function enhanceExplore() {
  const form = document.getElementById('explore-form');
  const status = document.getElementById('explore-status');
  if (!form || !status) return;
  let inflight = null;
  // The query the page shows; popstate also fires for #fragment links (the skip link), which change nothing.
  let shown = location.search;

  async function update() {
    const url = `${form.getAttribute('action')}?${formQuery(form)}`;
    inflight?.abort();
    const controller = new AbortController();
    inflight = controller;
    form.setAttribute('aria-busy', 'true');
    try {
      const response = await fetch(url, { signal: controller.signal, headers: { accept: 'text/html' } });
      const doc = new DOMParser().parseFromString(await response.text(), 'text/html');
      const fresh = doc.getElementById('explore-results');
      const current = document.getElementById('explore-results');
      if (!fresh || !current) throw new Error(`unexpected response (${response.status})`);
      const incoming = document.importNode(fresh, true);
      current.replaceWith(incoming);
      const canonical = doc.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? url;
      history.pushState({ explore: true }, '', canonical);
      shown = location.search;
      document.title = doc.title;
      status.textContent = doc.getElementById('explore-status')?.textContent ?? '';
      await hydrate(incoming);
    } catch (error) {
      if (error.name !== 'AbortError') status.textContent = `Could not update the chart: ${error.message}`;
    } finally {
      if (inflight === controller) {
        inflight = null;
        form.removeAttribute('aria-busy');
      }
    }
  }

  form.addEventListener('change', () => void update());
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void update();
  });
  // Back and forward restore an earlier chart: the URL holds the state, so load it.
  window.addEventListener('popstate', () => {
    if (location.search !== shown) location.reload();
  });
}

/**
 * A share-price form keeps the page's other settings: they are taken from the address bar when
 * it is sent, since the chart form on explore changes them without a reload.
 */
function enhancePriceForms() {
  for (const form of document.querySelectorAll('form.price-controls')) {
    form.addEventListener('submit', () => {
      for (const input of form.querySelectorAll('input[type="hidden"]')) input.remove();
      for (const [name, value] of new URLSearchParams(location.search)) {
        if (name === 'prices' || name === 'prices-from') continue;
        const input = document.createElement('input');
        input.type = 'hidden';
        input.name = name;
        input.value = value;
        form.prepend(input);
      }
    });
  }
}

enhanceExplore();
enhancePriceForms();
void hydrate(document);
