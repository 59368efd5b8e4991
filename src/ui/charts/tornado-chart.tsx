import { TORNADO_MAX_BARS } from "../../domain/business-case/sensitivity.ts";
import { CHART_COLOURS } from "./chart-scale.ts";

/** One input of the sensitivity: the NPV with it 20 % lower and 20 % higher. */
export type TornadoRow = { label: string; npvDown: number; npvUp: number };

export const TORNADO_FRAME = { width: 960, left: 300, right: 24, top: 16, rowHeight: 36, bottom: 76 } as const;

type Span = { x: number; width: number };
export type TornadoBar = { label: string; y: number; height: number; down: Span; up: Span };
export type TornadoLayout = {
  height: number;
  /** x of the base NPV: the line every bar grows from. */
  baseX: number;
  bars: TornadoBar[];
  /** The axis's ends, with the base between them. */
  ticks: { end: "min" | "base" | "max"; value: number; x: number; anchor: "start" | "middle" | "end" }[];
  plot: { x: number; y: number; width: number; height: number };
};

/** Characters of a label that fit left of the plot; the table beside the chart has it whole. */
const LABEL_CHARS = 32;
export const shortLabel = (label: string) => (label.length > LABEL_CHARS ? `${label.slice(0, LABEL_CHARS - 1)}…` : label);

/** The span from the base to `value` on the scale, left or right of it. */
const span = (baseX: number, x: number): Span => ({ x: Math.min(baseX, x), width: Math.abs(x - baseX) });

/**
 * Where everything goes: one row per input in the order given (largest swing first), each a bar from
 * the base NPV to the NPV with the input 20 % down and one to the NPV with it 20 % up, on one scale
 * from the lowest to the highest NPV of any row (and the base).
 */
export function tornadoLayout(rows: readonly TornadoRow[], baseNpv: number): TornadoLayout {
  const f = TORNADO_FRAME;
  const plotHeight = Math.max(1, rows.length) * f.rowHeight;
  const plot = { x: f.left, y: f.top, width: f.width - f.left - f.right, height: plotHeight };
  const values = [baseNpv, ...rows.flatMap((r) => [r.npvDown, r.npvUp])];
  let min = Math.min(...values);
  let max = Math.max(...values);
  // Nothing moves the NPV (or there are no rows): an axis around the base so it still draws.
  if (max - min < 1) {
    min -= 1;
    max += 1;
  }
  const xOf = (v: number) => plot.x + ((v - min) / (max - min)) * plot.width;
  const baseX = xOf(baseNpv);
  const barHeight = f.rowHeight * 0.6;
  const bars = rows.map(
    (r, i): TornadoBar => ({
      label: r.label,
      y: plot.y + i * f.rowHeight + (f.rowHeight - barHeight) / 2,
      height: barHeight,
      down: span(baseX, xOf(r.npvDown)),
      up: span(baseX, xOf(r.npvUp)),
    }),
  );
  const ticks = [
    { end: "min" as const, value: min, x: xOf(min), anchor: "start" as const },
    { end: "base" as const, value: baseNpv, x: baseX, anchor: "middle" as const },
    { end: "max" as const, value: max, x: xOf(max), anchor: "end" as const },
  ];
  return { height: f.top + plotHeight + f.bottom, baseX, bars, ticks, plot };
}

export type TornadoLabels = { title: string; desc: string; down: string; up: string };

/**
 * The sensitivity of the NPV as a tornado chart drawn on the server: the inputs that move it most at
 * the top. An image to assistive technology (role="img" named by its title and described by its
 * desc); the table beside it carries the figures. Down and up differ by colour and by the stripes of "up".
 */
export function TornadoChart({
  rows,
  baseNpv,
  labels,
  formatNumber,
  id = "tornado-chart",
}: {
  rows: readonly TornadoRow[];
  baseNpv: number;
  labels: TornadoLabels;
  formatNumber: (n: number) => string;
  id?: string;
}) {
  const f = TORNADO_FRAME;
  const layout = tornadoLayout(rows.slice(0, TORNADO_MAX_BARS), baseNpv);
  const { plot } = layout;
  const stripes = `${id}-up`;
  const axisY = plot.y + plot.height;
  const legendY = layout.height - 16;
  return (
    <svg
      xmlns="http://www.w3.org/2000/svg"
      viewBox={`0 0 ${f.width} ${layout.height}`}
      role="img"
      aria-labelledby={`${id}-title ${id}-desc`}
      className="chart"
      fontFamily="Inter, system-ui, sans-serif"
      fontSize="16"
    >
      <title id={`${id}-title`}>{labels.title}</title>
      <desc id={`${id}-desc`}>{labels.desc}</desc>
      <defs>
        <pattern id={stripes} width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
          <rect width="6" height="6" fill={CHART_COLOURS.paperFill} />
          <line x1="0" y1="0" x2="0" y2="6" stroke={CHART_COLOURS.paperStripe} strokeWidth="2.5" />
        </pattern>
      </defs>
      <g className="chart-bars">
        {layout.bars.map((b) => (
          <g key={b.label} data-input={b.label}>
            <text x={plot.x - 8} y={b.y + b.height / 2 + 5} textAnchor="end" fill={CHART_COLOURS.text}>
              {shortLabel(b.label)}
            </text>
            {b.down.width > 0 ? (
              <rect className="bar-down" x={b.down.x} y={b.y} width={b.down.width} height={b.height} fill={CHART_COLOURS.digital} />
            ) : null}
            {b.up.width > 0 ? (
              <rect
                className="bar-up"
                x={b.up.x}
                y={b.y}
                width={b.up.width}
                height={b.height}
                fill={`url(#${stripes})`}
                stroke={CHART_COLOURS.paperStripe}
                strokeWidth="0.5"
              />
            ) : null}
          </g>
        ))}
      </g>
      <line
        className="chart-base"
        x1={layout.baseX}
        x2={layout.baseX}
        y1={plot.y}
        y2={axisY}
        stroke={CHART_COLOURS.decided}
        strokeWidth="2"
      />
      <g className="chart-x-axis">
        <line x1={plot.x} x2={plot.x + plot.width} y1={axisY} y2={axisY} stroke={CHART_COLOURS.axis} />
        {layout.ticks.map((t) => (
          <text key={t.end} x={t.x} y={axisY + 22} textAnchor={t.anchor} fill={CHART_COLOURS.text}>
            {formatNumber(t.value)}
          </text>
        ))}
      </g>
      <g className="chart-legend">
        <rect x={plot.x} y={legendY - 14} width="18" height="18" fill={CHART_COLOURS.digital} />
        <text x={plot.x + 26} y={legendY}>
          {labels.down}
        </text>
        <rect x={plot.x + 280} y={legendY - 14} width="18" height="18" fill={`url(#${stripes})`} stroke={CHART_COLOURS.paperStripe} />
        <text x={plot.x + 306} y={legendY}>
          {labels.up}
        </text>
      </g>
    </svg>
  );
}
