// One look for every airace chart. Fonts must match the files in assets/fonts, which are
// the only fonts the PNG renderer loads (so output is the same on every machine). Charts are
// drawn at the size they are shown, so these are real pixels: no text is smaller than 11.
import type { Config } from 'vega-lite';

export const FONT_FAMILY = 'IBM Plex Sans';

export const COLOURS = {
  text: '#1b1b1b',
  muted: '#565656',
  grid: '#e3e3e3',
  axis: '#8a8a8a',
  background: '#ffffff',
} as const;

export const FONT_SIZES = {
  title: 19,
  titleNarrow: 16,
  subtitle: 13,
  axisLabel: 12,
  legendLabel: 12,
  directLabel: 12,
  valueLabel: 11,
  note: 11,
  source: 11,
} as const;

/** The smallest text any chart draws, in pixels. */
export const MIN_FONT_SIZE = 11;

export const theme: Config = {
  background: COLOURS.background,
  font: FONT_FAMILY,
  view: { stroke: null },
  axis: {
    labelColor: COLOURS.text,
    labelFontSize: FONT_SIZES.axisLabel,
    titleColor: COLOURS.muted,
    titleFontWeight: 400,
    gridColor: COLOURS.grid,
    domainColor: COLOURS.axis,
    tickColor: COLOURS.axis,
  },
  // Values are read off gridlines; period labels need no grid or ticks.
  axisBand: { grid: false, ticks: false, labelAngle: 0, labelPadding: 6, title: null, domainColor: COLOURS.axis },
  axisPoint: { grid: false, ticks: false, labelAngle: 0, labelPadding: 6, title: null, domainColor: COLOURS.axis },
  axisQuantitative: { domain: false, ticks: false, labelPadding: 6, title: null, grid: true },
  text: { font: FONT_FAMILY, fontSize: FONT_SIZES.note, color: COLOURS.muted },
};
