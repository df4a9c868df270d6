// API links for a chart and its data, built from the same canonical query as the page, so a
// download is exactly what is on screen.
import { queryString, type ChartQuery } from '../series-query.js';

export interface ChartLinks {
  svg: string;
  png: string;
  vegaLite: string;
  /** The series behind the chart. */
  csv: string;
  json: string;
  /** A page with the chart alone, for <iframe> embedding. */
  embed: string;
  explore: string;
}

export function chartLinks(q: ChartQuery): ChartLinks {
  const chart = queryString(q, { chart: true });
  if (q.figure) {
    // A figure is not one series: its data are the overview's plan tables.
    return {
      svg: `/api/v1/chart.svg?${chart}`,
      png: `/api/v1/chart.png?${chart}`,
      vegaLite: `/api/v1/chart.vl.json?${chart}`,
      csv: '/index.csv?table=guidance',
      json: '/index.json',
      embed: `/embed?${chart}`,
      explore: '/#plans-heading',
    };
  }
  // A preset's series query is its expanded request (the series API has no presets).
  const series = queryString({ ...q, preset: undefined } as ChartQuery, { chart: false });
  // Explore offers no title fields, so its link leaves the preset's wording behind; nor its
  // chosen events (without the preset, `annotate` would mark the companies' own events instead).
  const explore = queryString({ ...q, preset: undefined, title: undefined, subtitle: undefined, annotate: q.preset ? undefined : q.annotate } as ChartQuery, { chart: true });
  return {
    svg: `/api/v1/chart.svg?${chart}`,
    png: `/api/v1/chart.png?${chart}`,
    vegaLite: `/api/v1/chart.vl.json?${chart}`,
    csv: `/api/v1/series.csv?${series}`,
    json: `/api/v1/series?${series}`,
    embed: `/embed?${chart}`,
    explore: `/explore?${explore}`,
  };
}
