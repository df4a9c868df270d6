// One look for every airace chart. Fonts must match the files in assets/fonts, which are
// the only fonts the PNG renderer loads (so output is the same on every machine).
import type { Config } from 'vega-lite';

export const FONT_FAMILY = 'IBM Plex Sans';

export const COLOURS = {
  text: '#222222',
  muted: '#666666',
  grid: '#e6e6e6',
  axis: '#888888',
  background: '#ffffff',
} as const;

export const FONT_SIZES = {
  title: 18,
  subtitle: 12,
  axisLabel: 11,
  legendLabel: 12,
  note: 10,
  source: 10,
} as const;

export const theme: Config = {
  background: COLOURS.background,
  font: FONT_FAMILY,
  padding: 16,
  view: { stroke: null },
  title: {
    anchor: 'start',
    frame: 'group',
    color: COLOURS.text,
    fontSize: FONT_SIZES.title,
    fontWeight: 600,
    subtitleColor: COLOURS.muted,
    subtitleFontSize: FONT_SIZES.subtitle,
    subtitlePadding: 6,
    offset: 16,
  },
  axis: {
    labelColor: COLOURS.text,
    labelFontSize: FONT_SIZES.axisLabel,
    titleColor: COLOURS.muted,
    titleFontWeight: 400,
    gridColor: COLOURS.grid,
    domainColor: COLOURS.axis,
    tickColor: COLOURS.axis,
  },
  // Values are read off horizontal gridlines; period labels need no grid or ticks.
  axisX: { grid: false, ticks: false, labelAngle: 0, labelPadding: 6, title: null },
  axisY: { domain: false, ticks: false, labelPadding: 6, title: null, tickCount: 6 },
  legend: {
    orient: 'top',
    direction: 'horizontal',
    title: null,
    labelColor: COLOURS.text,
    labelFontSize: FONT_SIZES.legendLabel,
    symbolType: 'square',
    columnPadding: 16,
  },
  text: { font: FONT_FAMILY, fontSize: FONT_SIZES.note, color: COLOURS.muted },
};
