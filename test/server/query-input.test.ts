// Query input read one way on every surface (#19 findings 7 and 12, #16 item 1): keywords in any
// case, lists comma-separated or repeated, flags as true/false/on/off on pages and API alike,
// chart text that is data (never something Vega evaluates) and free of control characters.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseFlag, parseList } from '../../src/model/list-input.js';
import { InvalidOptionError } from '../../src/model/errors.js';
import { testServer, type TestServer } from './test-server.js';

let server: TestServer;
beforeAll(async () => {
  server = await testServer();
});
afterAll(async () => {
  await server?.close();
});
const get = (url: string) => server.app.inject(url);

describe('one list and flag parser', () => {
  it('reads lists given once, comma- or space-separated, or repeated', () => {
    expect(parseList('AMZN,MSFT')).toEqual(['AMZN', 'MSFT']);
    expect(parseList(['AMZN', 'MSFT, GOOGL'])).toEqual(['AMZN', 'MSFT', 'GOOGL']);
    expect(parseList('AMZN MSFT')).toEqual(['AMZN', 'MSFT']);
    expect(parseList('US Government,OpenAI', { spaces: false })).toEqual(['US Government', 'OpenAI']);
    expect(parseList(undefined)).toEqual([]);
  });

  it('reads flags as a checkbox, a query string or a CLI sends them, and names the choices when wrong', () => {
    for (const on of ['', 'true', '1', 'on', 'ON', 'yes']) expect(parseFlag('x', on), on).toBe(true);
    for (const off of ['false', '0', 'off', 'no']) expect(parseFlag('x', off), off).toBe(false);
    expect(parseFlag('x', undefined)).toBeUndefined();
    expect(parseFlag('x', ['false', 'true'])).toBe(true);
    expect(() => parseFlag('as-first-reported', 'maybe')).toThrow(InvalidOptionError);
    expect(() => parseFlag('as-first-reported', 'maybe')).toThrow('invalid as-first-reported: maybe (expected true or false)');
  });
});

describe('the same query reads the same on the API and the pages', () => {
  it('accepts keywords in any case, like currency=usd (#19 finding 12)', async () => {
    const lower = await get('/api/v1/series?metric=capex&period=fy&companies=AMZN&currency=usd');
    for (const url of ['/api/v1/series?metric=CAPEX&period=FY&companies=amzn&currency=USD', '/api/v1/series?metric=Capex&period=Fy&companies=AMZN&currency=usd&basis=ACTUAL']) {
      const res = await get(url);
      expect(res.statusCode, url).toBe(200);
      expect(res.json(), url).toEqual(lower.json());
    }
    expect((await get('/api/v1/chart.svg?type=LINE&period=QUARTER&from=2024-q1&to=2024-q4')).statusCode).toBe(200);
    expect((await get('/explore?metric=CAPEX&period=CY&type=Stacked')).statusCode).toBe(200);
  });

  it('accepts repeated companies= as documented, on the API as on the pages (#19 finding 12)', async () => {
    const joined = (await get('/api/v1/series?companies=AMZN,MSFT')).json();
    const repeated = await get('/api/v1/series?companies=AMZN&companies=MSFT');
    expect(repeated.statusCode).toBe(200);
    expect(repeated.json()).toEqual(joined);
    expect(joined.series.map((s: { ticker: string }) => s.ticker)).toEqual(['AMZN', 'MSFT']);
    const csv = await get('/api/v1/series.csv?companies=AMZN&companies=MSFT');
    expect(csv.statusCode).toBe(200);
    expect((await get('/api/v1/events?kind=model&kind=guidance')).json().events.every((e: { kind: string }) => ['model', 'guidance'].includes(e.kind))).toBe(true);
  });

  it('accepts as-first-reported=on on the API as the pages do, and lists no empty choice when it is wrong (#16)', async () => {
    for (const v of ['on', 'true', '1', '', 'off']) expect((await get(`/api/v1/series?as-first-reported=${v}`)).statusCode, v).toBe(200);
    expect((await get('/api/v1/facts?ticker=AMZN&as-first-reported=on')).statusCode).toBe(200);
    const bad = await get('/api/v1/series?as-first-reported=maybe');
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toEqual({ error: 'invalid as-first-reported: maybe (expected true or false)', parameter: 'as-first-reported', allowed: ['true', 'false'] });
  });
});

describe('chart text is data (#19 finding 7)', () => {
  it('draws titles that name properties of every object, instead of failing', async () => {
    for (const title of ['constructor', 'toString', 'valueOf', 'hasOwnProperty', '__proto__', 'isPrototypeOf']) {
      for (const format of ['svg', 'png'] as const) {
        const res = await get(`/api/v1/chart.${format}?title=${title}&subtitle=${title}`);
        expect(res.statusCode, `${title} ${format}`).toBe(200);
        if (format === 'svg') expect(res.body, title).toContain(`>${title}</text>`);
      }
    }
    const figure = await get('/api/v1/chart.svg?preset=plan-vs-actual&title=constructor&subtitle=toString');
    expect(figure.statusCode).toBe(200);
    expect(figure.body).toContain('>constructor</text>');
  });

  it('strips control characters, so the SVG is well formed and the PNG renders', async () => {
    const title = encodeURIComponent('Capex\u0001 of the\u0007 big\u001b four\u007f');
    const svg = await get(`/api/v1/chart.svg?title=${title}`);
    expect(svg.statusCode).toBe(200);
    // eslint-disable-next-line no-control-regex
    expect(svg.body).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/);
    expect(svg.body).toContain('>Capex of the big four</text>');
    const png = await get(`/api/v1/chart.png?title=${title}`);
    expect(png.statusCode).toBe(200);
    expect(png.headers['content-type']).toBe('image/png');
    expect((await get(`/api/v1/chart.vl.json?title=${title}`)).json().usermeta.airace.title).toBe('Capex of the big four');
  });
});
