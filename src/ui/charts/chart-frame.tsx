import type { ReactNode } from "react";
import { CHART_COLOURS } from "./chart-scale.ts";

/**
 * A chart drawn on the server: an image to assistive technology, named by its title and described
 * by its desc (the tables beside each chart carry the figures), scaled to its column by its viewBox.
 */
export function ChartSvg({
  id,
  frame,
  title,
  desc,
  children,
}: {
  id: string;
  frame: { width: number; height: number };
  title: string;
  desc: string;
  children: ReactNode;
}) {
  return (
    <svg
      xmlns="http://www.w3.org/2000/svg"
      viewBox={`0 0 ${frame.width} ${frame.height}`}
      role="img"
      aria-labelledby={`${id}-title ${id}-desc`}
      className="chart"
      fontFamily="Inter, system-ui, sans-serif"
      fontSize="16"
    >
      <title id={`${id}-title`}>{title}</title>
      <desc id={`${id}-desc`}>{desc}</desc>
      {children}
    </svg>
  );
}

/** The horizontal gridlines of a count scale, each labelled at the plot's left edge. */
export function ValueGrid({
  plot,
  ticks,
  formatNumber,
}: {
  plot: { x: number; width: number };
  ticks: readonly { value: number; y: number }[];
  formatNumber: (n: number) => string;
}) {
  return (
    <g className="chart-grid">
      {ticks.map((t) => (
        <g key={t.value}>
          <line x1={plot.x} x2={plot.x + plot.width} y1={t.y} y2={t.y} stroke={CHART_COLOURS.grid} strokeWidth="1" />
          <text x={plot.x - 8} y={t.y + 5} textAnchor="end" fill={CHART_COLOURS.text}>
            {formatNumber(t.value)}
          </text>
        </g>
      ))}
    </g>
  );
}
