/**
 * The top of a count axis: the smallest of 1, 1.2, 1.6, 2, 2.4, 3, 4, 5, 6 or 8 times a power of ten
 * that is at least `max`, so the four gridlines (a quarter of it each) fall on round numbers and
 * the busiest month fills most of the height. An empty chart still gets an axis (to 1).
 */
export function niceMax(max: number): number {
  if (!(max > 0)) return 1;
  const power = 10 ** Math.floor(Math.log10(max));
  for (const step of [1, 1.2, 1.6, 2, 2.4, 3, 4, 5, 6, 8, 10]) if (step * power >= max) return step * power;
  return 10 * power;
}

/** Colours of the charts: each at least 3:1 against white (WCAG 1.4.11); paper also differs by its stripes. */
export const CHART_COLOURS = {
  digital: "#1d4f91",
  paperStripe: "#8a4f00",
  paperFill: "#f6dfc0",
  axis: "#545454",
  grid: "#c9c9c9",
  text: "#1e1e1e",
  bar: "#1d4f91",
  production: "#8a4f00",
  planned: "#6e3d99",
  decided: "#1e1e1e",
} as const;
