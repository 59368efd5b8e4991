import { ChartSvg, ValueGrid } from "./chart-frame.tsx";
import { CHART_COLOURS, niceMax } from "./chart-scale.ts";

export type TrendPoint = { date: string; value: number; source: "manual" | "import" | "actuals" };
export type TrendInput = {
  baselineValue: number;
  baselineDate: string;
  targetValue: number;
  targetDate: string;
  measurements: readonly TrendPoint[];
};

/** The drawing's coordinate system (its viewBox); the page scales it to the column it sits in. */
export const TREND_FRAME = { width: 960, height: 380, left: 96, right: 24, top: 16, bottom: 84 } as const;
const GRIDLINES = 4;
/** Room a year's label needs on the axis, so two labels never run into each other. */
const YEAR_LABEL_WIDTH = 56;

export type TrendLayout = {
  min: number;
  max: number;
  plot: { x: number; y: number; width: number; height: number };
  yTicks: { value: number; y: number }[];
  xTicks: { year: string; x: number }[];
  /** In date order; `key` tells apart two measurements of one day. */
  points: (TrendPoint & { x: number; y: number; key: string })[];
  target: { y: number; x: number };
  baseline: { y: number; x: number };
};

const dayNumber = (date: string) => Date.parse(`${date}T00:00:00Z`) / 86_400_000;

/** The round bounds of the value axis: from 0 (or a round value below the lowest) to a round top above the highest. */
function bounds(values: readonly number[]): { min: number; max: number } {
  // Below the table's four decimals a value is zero; an axis needs a height to divide by.
  const round = (n: number) => (n >= 1e-4 ? niceMax(n) : 0);
  const high = round(Math.max(0, ...values));
  const low = round(-Math.min(0, ...values));
  return high === 0 && low === 0 ? { min: 0, max: 1 } : { min: low === 0 ? 0 : -low, max: high };
}

/**
 * Where everything goes: time runs from the baseline date (or the first measurement, if earlier) to
 * the target date (or the last measurement, if later); values from 0 (or below the lowest) to a round
 * top. The target and baseline are horizontal lines, each marked at its date; the measurements one
 * line of points in date order.
 */
export function benefitTrendLayout(input: TrendInput): TrendLayout {
  const f = TREND_FRAME;
  const plot = { x: f.left, y: f.top, width: f.width - f.left - f.right, height: f.height - f.top - f.bottom };
  const dates = [input.baselineDate, input.targetDate, ...input.measurements.map((m) => m.date)].map(dayNumber);
  const first = Math.min(...dates);
  const last = Math.max(...dates);
  const span = Math.max(1, last - first);
  const xOf = (date: string) => plot.x + ((dayNumber(date) - first) / span) * plot.width;
  const { min, max } = bounds([input.baselineValue, input.targetValue, ...input.measurements.map((m) => m.value)]);
  const yOf = (value: number) => plot.y + plot.height - ((value - min) / (max - min)) * plot.height;
  const yTicks = Array.from({ length: GRIDLINES + 1 }, (_, i) => {
    const value = min + ((max - min) / GRIDLINES) * i;
    return { value, y: yOf(value) };
  });
  const firstYear = new Date(first * 86_400_000).getUTCFullYear();
  const lastYear = new Date(last * 86_400_000).getUTCFullYear();
  const januaries: { year: string; x: number }[] = [];
  for (let year = firstYear + 1; year <= lastYear; year++) januaries.push({ year: String(year), x: xOf(`${year}-01-01`) });
  const room = (januaries[0]?.x ?? Number.POSITIVE_INFINITY) - plot.x;
  const xTicks = room >= YEAR_LABEL_WIDTH ? [{ year: String(firstYear), x: plot.x }, ...januaries] : januaries;
  const points = [...input.measurements]
    .sort((a, b) => a.date.localeCompare(b.date))
    .map((m, i) => ({ ...m, x: xOf(m.date), y: yOf(m.value), key: `${m.date}-${i}` }));
  return {
    min,
    max,
    plot,
    yTicks,
    xTicks,
    points,
    target: { y: yOf(input.targetValue), x: xOf(input.targetDate) },
    baseline: { y: yOf(input.baselineValue), x: xOf(input.baselineDate) },
  };
}

export type TrendChartLabels = { title: string; desc: string; measured: string; derived: string; target: string; baseline: string };

/**
 * A benefit's measurements over time against its target and baseline, drawn on the server. It is
 * an image to assistive technology (role="img" named by its title and described by its desc); the
 * table beside it carries the figures. The lines differ by dash as well as colour, and measurements
 * derived from actuals by shape (squares) from those entered (circles); the legend names each.
 */
export function BenefitTrendChart({
  input,
  labels,
  formatNumber,
  id = "benefit-trend-chart",
}: {
  input: TrendInput;
  labels: TrendChartLabels;
  formatNumber: (n: number) => string;
  id?: string;
}) {
  const f = TREND_FRAME;
  const layout = benefitTrendLayout(input);
  const { plot } = layout;
  const legendY = f.height - 22;
  const right = plot.x + plot.width;
  return (
    <ChartSvg id={id} frame={f} title={labels.title} desc={labels.desc}>
      <ValueGrid plot={plot} ticks={layout.yTicks} formatNumber={formatNumber} />
      <g className="trend-baseline">
        <line
          x1={plot.x}
          x2={right}
          y1={layout.baseline.y}
          y2={layout.baseline.y}
          stroke={CHART_COLOURS.axis}
          strokeWidth="2"
          strokeDasharray="2 4"
        />
        <circle cx={layout.baseline.x} cy={layout.baseline.y} r="5" fill="#ffffff" stroke={CHART_COLOURS.axis} strokeWidth="2" />
      </g>
      <g className="trend-target">
        <line
          x1={plot.x}
          x2={right}
          y1={layout.target.y}
          y2={layout.target.y}
          stroke={CHART_COLOURS.production}
          strokeWidth="2.5"
          strokeDasharray="10 6"
        />
        <circle cx={layout.target.x} cy={layout.target.y} r="6" fill={CHART_COLOURS.production} />
      </g>
      <g className="trend-measurements">
        {layout.points.length > 1 ? (
          <polyline
            points={layout.points.map((p) => `${p.x},${p.y}`).join(" ")}
            fill="none"
            stroke={CHART_COLOURS.digital}
            strokeWidth="2.5"
          />
        ) : null}
        {layout.points.map((p) =>
          p.source === "actuals" ? (
            <rect
              key={p.key}
              className="point-derived"
              data-date={p.date}
              x={p.x - 5}
              y={p.y - 5}
              width="10"
              height="10"
              fill={CHART_COLOURS.digital}
            />
          ) : (
            <circle key={p.key} className="point-measured" data-date={p.date} cx={p.x} cy={p.y} r="5.5" fill={CHART_COLOURS.digital} />
          ),
        )}
      </g>
      <g className="chart-x-axis">
        <line x1={plot.x} x2={right} y1={plot.y + plot.height} y2={plot.y + plot.height} stroke={CHART_COLOURS.axis} />
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
        <circle cx={plot.x + 9} cy={legendY - 5} r="5.5" fill={CHART_COLOURS.digital} />
        <text x={plot.x + 22} y={legendY}>
          {labels.measured}
        </text>
        <rect x={plot.x + 186} y={legendY - 10} width="10" height="10" fill={CHART_COLOURS.digital} />
        <text x={plot.x + 204} y={legendY}>
          {labels.derived}
        </text>
        <line
          x1={plot.x + 430}
          x2={plot.x + 466}
          y1={legendY - 5}
          y2={legendY - 5}
          stroke={CHART_COLOURS.production}
          strokeWidth="2.5"
          strokeDasharray="10 6"
        />
        <text x={plot.x + 474} y={legendY}>
          {labels.target}
        </text>
        <line
          x1={plot.x + 620}
          x2={plot.x + 656}
          y1={legendY - 5}
          y2={legendY - 5}
          stroke={CHART_COLOURS.axis}
          strokeWidth="2"
          strokeDasharray="2 4"
        />
        <text x={plot.x + 664} y={legendY}>
          {labels.baseline}
        </text>
      </g>
    </ChartSvg>
  );
}
