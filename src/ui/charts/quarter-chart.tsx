import { ChartSvg, ValueGrid } from "./chart-frame.tsx";
import { CHART_COLOURS, niceMax } from "./chart-scale.ts";

export type QuarterBar = { quarter: string; count: number };

const FRAME = { width: 960, height: 320, left: 56, right: 16, top: 24, bottom: 64 } as const;
const GRIDLINES = 4;

/** Where the columns go: one per quarter on a count scale from 0 to a round top; a label every year. */
export function quarterChartLayout(quarters: readonly QuarterBar[]) {
  const plot = {
    x: FRAME.left,
    y: FRAME.top,
    width: FRAME.width - FRAME.left - FRAME.right,
    height: FRAME.height - FRAME.top - FRAME.bottom,
  };
  // At least one initiative per gridline, so the axis counts whole initiatives.
  const max = niceMax(Math.max(GRIDLINES, ...quarters.map((q) => q.count)));
  const slot = plot.width / Math.max(1, quarters.length);
  const gap = Math.min(slot * 0.25, 8);
  const baseline = plot.y + plot.height;
  const bars = quarters.map((q, i) => {
    const height = (q.count / max) * plot.height;
    return { quarter: q.quarter, count: q.count, x: plot.x + i * slot + gap / 2, width: slot - gap, y: baseline - height, height };
  });
  const yTicks = Array.from({ length: GRIDLINES + 1 }, (_, i) => ({
    value: (max / GRIDLINES) * i,
    y: baseline - (plot.height / GRIDLINES) * i,
  }));
  // A year's label under its first quarter (or the first column, whatever quarter it is).
  const xLabels = bars.filter((b, i) => i === 0 || b.quarter.endsWith("Q1")).map((b) => ({ label: b.quarter, x: b.x }));
  return { plot, bars, yTicks, xLabels };
}

/**
 * Initiatives starting production per quarter, drawn on the server: an image to assistive technology
 * (role="img", named by its title and described by its desc); the table beside it has the figures.
 */
export function QuarterChart({
  quarters,
  title,
  desc,
  formatNumber,
  id = "quarter-chart",
}: {
  quarters: readonly QuarterBar[];
  title: string;
  desc: string;
  formatNumber: (n: number) => string;
  id?: string;
}) {
  const { plot, bars, yTicks, xLabels } = quarterChartLayout(quarters);
  return (
    <ChartSvg id={id} frame={FRAME} title={title} desc={desc}>
      <ValueGrid plot={plot} ticks={yTicks} formatNumber={formatNumber} />
      <g className="chart-bars">
        {bars.map((b) =>
          b.height > 0 ? (
            <rect key={b.quarter} data-quarter={b.quarter} x={b.x} y={b.y} width={b.width} height={b.height} fill={CHART_COLOURS.bar} />
          ) : null,
        )}
      </g>
      <g className="chart-x-axis">
        <line x1={plot.x} x2={plot.x + plot.width} y1={plot.y + plot.height} y2={plot.y + plot.height} stroke={CHART_COLOURS.axis} />
        {xLabels.map((l) => (
          <text key={l.label} x={l.x} y={plot.y + plot.height + 26} fill={CHART_COLOURS.text}>
            {l.label}
          </text>
        ))}
      </g>
    </ChartSvg>
  );
}
