import { ChartSvg, ValueGrid } from "./chart-frame.tsx";
import { CHART_COLOURS, niceMax } from "./chart-scale.ts";

export type ChartMonth = { month: string; digital: number; paper: number };

/** The drawing's coordinate system (its viewBox); the page scales it to the column it sits in. */
export const FORECAST_FRAME = { width: 960, height: 380, left: 88, right: 16, top: 16, bottom: 84 } as const;
const GRIDLINES = 4;
/** Room a year's label needs on the axis, so two labels never run into each other. */
const YEAR_LABEL_WIDTH = 56;

type Box = { y: number; height: number };
export type ForecastBar = { month: string; x: number; width: number; digital: Box; paper: Box };
export type ForecastLayout = {
  max: number;
  bars: ForecastBar[];
  /** Count gridlines from 0 to the axis top. */
  yTicks: { value: number; y: number }[];
  /** One tick per January (and the first month, when there is room before the first January), where the year's label goes. */
  xTicks: { year: string; x: number }[];
  plot: { x: number; y: number; width: number; height: number };
};

/**
 * Where everything goes: one stacked bar per month, digital at the bottom and paper on top, both
 * on one count scale from 0 to a round top above the busiest month.
 */
export function forecastChartLayout(months: readonly ChartMonth[]): ForecastLayout {
  const f = FORECAST_FRAME;
  const plot = { x: f.left, y: f.top, width: f.width - f.left - f.right, height: f.height - f.top - f.bottom };
  const max = niceMax(Math.max(0, ...months.map((m) => m.digital + m.paper)));
  const slot = plot.width / Math.max(1, months.length);
  const gap = Math.min(slot * 0.2, 4);
  const heightOf = (n: number) => (n / max) * plot.height;
  const baseline = plot.y + plot.height;
  const bars = months.map((m, i): ForecastBar => {
    const digital = heightOf(m.digital);
    const paper = heightOf(m.paper);
    return {
      month: m.month,
      x: plot.x + i * slot + gap / 2,
      width: slot - gap,
      digital: { y: baseline - digital, height: digital },
      paper: { y: baseline - digital - paper, height: paper },
    };
  });
  const yTicks = Array.from({ length: GRIDLINES + 1 }, (_, i) => {
    const value = (max / GRIDLINES) * i;
    return { value, y: baseline - heightOf(value) };
  });
  const januaries = months.flatMap((m, i) => (m.month.endsWith("-01") ? [{ year: m.month.slice(0, 4), x: plot.x + i * slot }] : []));
  // The first month's year too, unless the first January follows too soon for both labels to fit.
  const first = months[0];
  const room = (januaries[0]?.x ?? Number.POSITIVE_INFINITY) - plot.x;
  const xTicks =
    first && !first.month.endsWith("-01") && room >= YEAR_LABEL_WIDTH
      ? [{ year: first.month.slice(0, 4), x: plot.x }, ...januaries]
      : januaries;
  return { max, bars, yTicks, xTicks, plot };
}

export type ForecastChartLabels = { title: string; desc: string; digital: string; paper: string };

/**
 * The forecast as a stacked bar chart drawn on the server. It is an image to assistive technology
 * (role="img" named by its title and described by its desc); the tables beside it carry the figures.
 * Digital and paper differ by colour and by paper's stripes, and the legend names both.
 */
export function ForecastChart({
  months,
  labels,
  formatNumber,
  id = "forecast-chart",
}: {
  months: readonly ChartMonth[];
  labels: ForecastChartLabels;
  formatNumber: (n: number) => string;
  id?: string;
}) {
  const f = FORECAST_FRAME;
  const layout = forecastChartLayout(months);
  const { plot } = layout;
  const stripes = `${id}-paper`;
  const legendY = f.height - 22;
  return (
    <ChartSvg id={id} frame={f} title={labels.title} desc={labels.desc}>
      <defs>
        <pattern id={stripes} width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
          <rect width="6" height="6" fill={CHART_COLOURS.paperFill} />
          <line x1="0" y1="0" x2="0" y2="6" stroke={CHART_COLOURS.paperStripe} strokeWidth="2.5" />
        </pattern>
      </defs>
      <ValueGrid plot={plot} ticks={layout.yTicks} formatNumber={formatNumber} />
      <g className="chart-bars">
        {layout.bars.map((b) => (
          <g key={b.month} data-month={b.month}>
            {b.digital.height > 0 ? (
              <rect
                className="bar-digital"
                x={b.x}
                y={b.digital.y}
                width={b.width}
                height={b.digital.height}
                fill={CHART_COLOURS.digital}
              />
            ) : null}
            {b.paper.height > 0 ? (
              <rect
                className="bar-paper"
                x={b.x}
                y={b.paper.y}
                width={b.width}
                height={b.paper.height}
                fill={`url(#${stripes})`}
                stroke={CHART_COLOURS.paperStripe}
                strokeWidth="0.5"
              />
            ) : null}
          </g>
        ))}
      </g>
      <g className="chart-x-axis">
        <line x1={plot.x} x2={plot.x + plot.width} y1={plot.y + plot.height} y2={plot.y + plot.height} stroke={CHART_COLOURS.axis} />
        {layout.xTicks.map((t) => (
          <g key={`${t.year}-${t.x}`}>
            <line x1={t.x} x2={t.x} y1={plot.y + plot.height} y2={plot.y + plot.height + 8} stroke={CHART_COLOURS.axis} />
            <text x={t.x + 4} y={plot.y + plot.height + 26} fill={CHART_COLOURS.text}>
              {t.year}
            </text>
          </g>
        ))}
      </g>
      <g className="chart-legend">
        <rect x={plot.x} y={legendY - 14} width="18" height="18" fill={CHART_COLOURS.digital} />
        <text x={plot.x + 26} y={legendY}>
          {labels.digital}
        </text>
        <rect
          x={plot.x + 200}
          y={legendY - 14}
          width="18"
          height="18"
          fill={`url(#${stripes})`}
          stroke={CHART_COLOURS.paperStripe}
          strokeWidth="1"
        />
        <text x={plot.x + 226} y={legendY}>
          {labels.paper}
        </text>
      </g>
    </ChartSvg>
  );
}
