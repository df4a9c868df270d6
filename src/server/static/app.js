// Progressive enhancement for airace pages. Without JavaScript every page works: each chart is
// an image the server drew at one of three widths, its table, sources and downloads follow it,
// and the explore form is a plain GET form. With it:
//  - each chart is drawn by the server for the exact width of its frame (and again when the
//    frame changes size) and inlined, so its marks are links, reachable by keyboard, each
//    with a tooltip from its aria-label;
//  - a chart's frame becomes tabs: Chart, Table, Sources, Download;
//  - the explore form redraws on every change, keeps the URL in step, disables combinations
//    that make no sense (with the reason), and shows an error in place of the chart;
//  - in an embed, the page tells the host page its height, so the iframe fits it.
// There is no charting library in the browser: the server draws every chart.

const MIN_WIDTH = 280;
const MAX_WIDTH = 1600;
/** Widths are rounded to this, so a resize of a few pixels reuses the chart already drawn. */
const STEP = 20;

function widthOf(view) {
  const w = Math.floor(view.getBoundingClientRect().width / STEP) * STEP;
  return Math.max(MIN_WIDTH, Math.min(MAX_WIDTH, w));
}

const svgCache = new Map();

async function fetchSvg(url) {
  if (!svgCache.has(url)) {
    svgCache.set(
      url,
      fetch(url, { headers: { accept: 'image/svg+xml' } }).then(async (r) => {
        if (!r.ok) throw new Error(`chart request answered ${r.status}`);
        return r.text();
      }),
    );
  }
  try {
    return await svgCache.get(url);
  } catch (e) {
    svgCache.delete(url);
    throw e;
  }
}

/** Draws a frame's chart at the width of its view; keeps the image when the request fails. */
async function drawChart(figure) {
  const view = figure.querySelector('.chart-view');
  const src = figure.dataset.src;
  if (!view || !src) return;
  const width = widthOf(view);
  if (Number(figure.dataset.width) === width) return;
  figure.dataset.width = String(width);
  try {
    const svg = await fetchSvg(`${src}${src.includes('?') ? '&' : '?'}width=${width}`);
    if (Number(figure.dataset.width) !== width) return; // resized again meanwhile
    const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
    const root = doc.documentElement;
    if (root.nodeName !== 'svg') throw new Error('not an SVG');
    view.replaceChildren(document.importNode(root, true));
    figure.dataset.hydrated = 'true';
    reportHeight();
  } catch (error) {
    figure.dataset.hydrated = 'failed';
    console.error('airace: could not draw the chart for this width, keeping the image', error);
  }
}

const resizing = new ResizeObserver((entries) => {
  for (const entry of entries) {
    const figure = entry.target.closest('figure[data-chart]');
    clearTimeout(figure._airaceTimer);
    figure._airaceTimer = setTimeout(() => void drawChart(figure), 120);
  }
});

/** Chart · Table · Sources · Download as ARIA tabs (arrow keys move between them). */
function makeTabs(figure) {
  const nav = figure.querySelector('.frame-tabs');
  if (!nav || nav.getAttribute('role') === 'tablist') return;
  const tabs = [...nav.querySelectorAll('.frame-tab')];
  const panels = tabs.map((t) => figure.querySelector(t.getAttribute('href')));
  nav.setAttribute('role', 'tablist');
  figure.classList.add('tabbed');
  const select = (i, focus) => {
    tabs.forEach((t, k) => {
      t.setAttribute('aria-selected', String(k === i));
      t.tabIndex = k === i ? 0 : -1;
      panels[k].hidden = k !== i;
    });
    if (focus) tabs[i].focus();
    if (i === 0) void drawChart(figure);
    reportHeight();
  };
  tabs.forEach((t, i) => {
    t.setAttribute('role', 'tab');
    t.setAttribute('aria-controls', panels[i].id);
    panels[i].setAttribute('role', 'tabpanel');
    panels[i].tabIndex = 0;
    t.addEventListener('click', (e) => {
      e.preventDefault();
      select(i, false);
    });
    t.addEventListener('keydown', (e) => {
      const next = e.key === 'ArrowRight' ? i + 1 : e.key === 'ArrowLeft' ? i - 1 : e.key === 'Home' ? 0 : e.key === 'End' ? tabs.length - 1 : null;
      if (next === null) return;
      e.preventDefault();
      select((next + tabs.length) % tabs.length, true);
    });
  });
  select(0, false);
}

/** A tooltip for chart marks, from their aria-label: on hover and on keyboard focus. */
function tooltips() {
  const tip = document.createElement('div');
  tip.className = 'chart-tooltip';
  tip.setAttribute('role', 'tooltip');
  tip.hidden = true;
  document.body.append(tip);
  const markOf = (el) => {
    const mark = el?.closest?.('.chart-view [aria-label][role="graphics-symbol"], .chart-view a');
    if (!mark) return null;
    return mark.matches('a') ? mark.querySelector('[aria-label]') : mark;
  };
  const show = (mark, x, y) => {
    tip.textContent = mark.getAttribute('aria-label');
    tip.hidden = false;
    const w = tip.offsetWidth;
    tip.style.left = `${Math.max(4, Math.min(window.innerWidth - w - 4, x + 12))}px`;
    tip.style.top = `${y + 16}px`;
  };
  document.addEventListener('pointermove', (e) => {
    const mark = markOf(e.target);
    if (mark) show(mark, e.clientX, e.clientY);
    else tip.hidden = true;
  });
  document.addEventListener('focusin', (e) => {
    const mark = markOf(e.target);
    if (!mark) return void (tip.hidden = true);
    const box = e.target.getBoundingClientRect();
    show(mark, box.left, box.bottom - 12);
  });
  document.addEventListener('focusout', () => void (tip.hidden = true));
}

/** Turns every chart frame under `root` into tabs and draws its chart for its width. */
export function hydrate(root) {
  for (const figure of root.querySelectorAll('figure[data-chart]')) {
    makeTabs(figure);
    const view = figure.querySelector('.chart-view');
    if (view) resizing.observe(view);
    void drawChart(figure);
  }
}

/** In an embed: tell the host page how tall the chart is, so its iframe fits (see embed-code.ts). */
function reportHeight() {
  if (!document.body.classList.contains('embed-page') || window.parent === window) return;
  window.parent.postMessage({ type: 'airace:height', height: Math.ceil(document.documentElement.getBoundingClientRect().height) }, '*');
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

/**
 * Disables what the chosen metric and values rule out, before anything is requested (the same
 * rules the server applies, see chart-combinations.ts): stacked columns of percentages or growth
 * rates, shares of a metric that is already a percentage.
 */
function applyRules(form) {
  const rules = JSON.parse(document.getElementById('explore-rules')?.textContent ?? '{}');
  const percent = (rules.percentMetrics ?? []).includes(form.metric.value);
  const transform = form.transform.value;
  const share = form.transform.querySelector('option[value="share"]');
  const stacked = form.type.querySelector('option[value="stacked"]');
  const noShare = percent;
  const noStack = transform === 'yoy' || (percent && transform !== 'share');
  const set = (option, off, hint, why) => {
    if (!option) return;
    option.disabled = off;
    option.textContent = option.textContent.replace(/ \(not with these values\)$/, '') + (off ? ' (not with these values)' : '');
    const p = form.querySelector(`[data-hint="${hint}"]`);
    if (p) p.textContent = off ? why : '';
  };
  set(share, noShare, 'transform', 'Share of the companies shown: not here, as a share of the total needs figures that add up; this metric is already a percentage.');
  if (noShare && transform === 'share') form.transform.value = '';
  set(stacked, noStack, 'type', 'Stacked columns: not here, as stacked columns add the companies’ figures up, which means nothing for percentages or growth rates.');
  if (noStack && form.type.value === 'stacked') form.type.value = 'grouped';
}

function enhanceExplore() {
  const form = document.getElementById('explore-form');
  const status = document.getElementById('explore-status');
  if (!form || !status) return;
  let inflight = null;
  // The query the page shows; popstate also fires for #fragment links (the skip link), which change nothing.
  let shown = location.search;

  /** Puts an error in place of the chart (the form stays as the user left it). */
  function showError(message, reference) {
    const current = document.getElementById('explore-results');
    const box = document.createElement('div');
    box.id = 'explore-results';
    box.className = 'results';
    box.innerHTML = '<div class="error" role="alert"><h2>Could not draw this chart</h2><p></p></div>';
    box.querySelector('p').textContent = message;
    if (reference) {
      const ref = document.createElement('p');
      ref.className = 'request-id';
      ref.textContent = `Reference: ${reference}`;
      box.querySelector('.error').append(ref);
    }
    current?.replaceWith(box);
    status.textContent = `Could not draw this chart: ${message}`;
  }

  async function update() {
    applyRules(form);
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
      if (!fresh || !current) {
        // A server error page: its message and reference, not a stale chart.
        const message = doc.querySelector('.error p')?.textContent ?? `the server answered ${response.status}`;
        showError(message, doc.querySelector('.request-id code')?.textContent ?? null);
        return;
      }
      const incoming = document.importNode(fresh, true);
      current.replaceWith(incoming);
      const canonical = doc.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? url;
      history.pushState({ explore: true }, '', canonical);
      shown = location.search;
      document.title = doc.title;
      status.textContent = doc.getElementById('explore-status')?.textContent ?? '';
      hydrate(incoming);
    } catch (error) {
      if (error.name !== 'AbortError') showError(error.message, null);
    } finally {
      if (inflight === controller) {
        inflight = null;
        form.removeAttribute('aria-busy');
      }
    }
  }

  applyRules(form);
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

tooltips();
enhanceExplore();
enhancePriceForms();
hydrate(document);
window.addEventListener('load', reportHeight);
new ResizeObserver(reportHeight).observe(document.documentElement);
