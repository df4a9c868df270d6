// Positions as close to their targets as possible but never closer than a pitch: a 1-D dodge,
// for labels that must not overlap (line names at the right edge of a chart).

/** Positions as close to `targets` (ascending) as possible, at least `pitch` apart, within [min, max]. */
export function dodge(targets: number[], pitch: number, min: number, max: number): number[] {
  const clusters: { first: number; count: number; start: number }[] = [];
  const place = (c: { first: number; count: number; start: number }) => {
    const mean = targets.slice(c.first, c.first + c.count).reduce((s, t) => s + t, 0) / c.count;
    const span = (c.count - 1) * pitch;
    c.start = Math.min(Math.max(mean - span / 2, min), Math.max(min, max - span));
  };
  for (let i = 0; i < targets.length; i++) {
    const c = { first: i, count: 1, start: 0 };
    place(c);
    clusters.push(c);
    // Merge backwards while the newest cluster runs into the one before it.
    while (clusters.length > 1) {
      const [a, b] = clusters.slice(-2) as [(typeof clusters)[number], (typeof clusters)[number]];
      if (a.start + (a.count - 1) * pitch + pitch <= b.start) break;
      clusters.splice(-2, 2, { first: a.first, count: a.count + b.count, start: 0 });
      place(clusters[clusters.length - 1]!);
    }
  }
  return clusters.flatMap((c) => Array.from({ length: c.count }, (_, k) => c.start + k * pitch));
}

