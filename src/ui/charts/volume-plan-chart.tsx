import { ChartSvg, ValueGrid } from "./chart-frame.tsx";
import { CHART_COLOURS, niceMax } from "./chart-scale.ts";

/** One month of the four series, digital messages; actual is null for a month not yet begun. */
export type PlanChartMonth = { month: string; current: number; baseline: number; reforecast: number; actual: number | null };
export const PLAN_SERIES = ["current", "baseline", "reforecast", "actual"] as const;
export type PlanSeries = (typeof PLAN_SERIES)[number];

/** The drawing's coordinate system (its viewBox); the page scales it to the column it sits in. */
export const PLAN_FRAME = { width: 960, height: 380, left: 88, right: 16, top: 16, bottom: 84 } as const;
const GRIDLINES = 4;
/** Room a year's label needs on the axis, so two labels never run into each other. */
const YEAR_LABEL_WIDTH = 56;

type Point = { month: string; x: number; y: number };
export type PlanChartLayout = {
  max: number;
  plot: { x: number; y: number; width: number; height: number };
  /** Each series' points in month order; actual's stop at the last month that has begun. */
  lines: Record<PlanSeries, Point[]>;
  yTicks: { value: number; y: number }[];
  xTicks: { year: string; x: number }[];
};

/**
 * Where everything goes: a month per slot, each series a point at the slot's middle on one count
 * scale from 0 to a round top above the highest value of any series.
 */
export function volumePlanChartLayout(months: readonly PlanChartMonth[]): PlanChartLayout {
  const f = PLAN_FRAME;
  const plot = { x: f.left, y: f.top, width: f.width - f.left - f.right, height: f.height - f.top - f.bottom };
  const max = niceMax(Math.max(0, ...months.flatMap((m) => PLAN_SERIES.map((s) => m[s] ?? 0))));
  const slot = plot.width / Math.max(1, months.length);
  const baseline = plot.y + plot.height;
  const yOf = (n: number) => baseline - (n / max) * plot.height;
  const xOf = (i: number) => plot.x + i * slot + slot / 2;
  const line = (s: PlanSeries) =>
    months.flatMap((m, i) => {
      const value = m[s];
      return value === null ? [] : [{ month: m.month, x: xOf(i), y: yOf(value) }];
    });
  const lines = { current: line("current"), baseline: line("baseline"), reforecast: line("reforecast"), actual: line("actual") };
  const yTicks = Array.from({ length: GRIDLINES + 1 }, (_, i) => {
    const value = (max / GRIDLINES) * i;
    return { value, y: yOf(value) };
  });
  const januaries = months.flatMap((m, i) => (m.month.endsWith("-01") ? [{ year: m.month.slice(0, 4), x: plot.x + i * slot }] : []));
  const first = months[0];
  const room = (januaries[0]?.x ?? Number.POSITIVE_INFINITY) - plot.x;
  const xTicks =
    first && !first.month.endsWith("-01") && room >= YEAR_LABEL_WIDTH
      ? [{ year: first.month.slice(0, 4), x: plot.x }, ...januaries]
      : januaries;
  return { max, plot, lines, yTicks, xTicks };
}

export type PlanChartLabels = { title: string; desc: string } & Record<PlanSeries, string>;

/** Each series differs by dash and width as well as by colour; actuals carry a square at every month. */
const STYLE: Record<PlanSeries, { stroke: string; width: number; dash?: string }> = {
  current: { stroke: CHART_COLOURS.digital, width: 2.5 },
  baseline: { stroke: CHART_COLOURS.axis, width: 2.5, dash: "10 6" },
  reforecast: { stroke: CHART_COLOURS.planned, width: 2.5, dash: "3 4" },
  actual: { stroke: CHART_COLOURS.production, width: 4 },
};
const LEGEND_X: Record<PlanSeries, number> = { current: 0, baseline: 220, reforecast: 440, actual: 680 };

/**
 * The national volume plan as four lines drawn on the server: an image to assistive technology
 * (role="img" named by its title and described by its desc); the tables beside it carry the figures.
 */
export function VolumePlanChart({
  months,
  labels,
  formatNumber,
  id = "volume-plan-chart",
}: {
  months: readonly PlanChartMonth[];
  labels: PlanChartLabels;
  formatNumber: (n: number) => string;
  id?: string;
}) {
  const f = PLAN_FRAME;
  const layout = volumePlanChartLayout(months);
  const { plot } = layout;
  const legendY = f.height - 22;
  const right = plot.x + plot.width;
  return (
    <ChartSvg id={id} frame={f} title={labels.title} desc={labels.desc}>
      <ValueGrid plot={plot} ticks={layout.yTicks} formatNumber={formatNumber} />
      {PLAN_SERIES.map((s) => {
        const points = layout.lines[s];
        const style = STYLE[s];
        return (
          <g key={s} className={`plan-${s}`}>
            {points.length > 1 ? (
              <polyline
                points={points.map((p) => `${p.x},${p.y}`).join(" ")}
                fill="none"
                stroke={style.stroke}
                strokeWidth={style.width}
                strokeDasharray={style.dash}
                strokeLinejoin="round"
              />
            ) : null}
            {s === "actual" || points.length === 1
              ? points.map((p) => (
                  <rect key={p.month} data-month={p.month} x={p.x - 4} y={p.y - 4} width="8" height="8" fill={style.stroke} />
                ))
              : null}
          </g>
        );
      })}
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
        {PLAN_SERIES.map((s) => {
          const x = plot.x + LEGEND_X[s];
          const style = STYLE[s];
          return (
            <g key={s}>
              <line
                x1={x}
                x2={x + 36}
                y1={legendY - 5}
                y2={legendY - 5}
                stroke={style.stroke}
                strokeWidth={style.width}
                strokeDasharray={style.dash}
              />
              {s === "actual" ? <rect x={x + 14} y={legendY - 9} width="8" height="8" fill={style.stroke} /> : null}
              <text x={x + 44} y={legendY}>
                {labels[s]}
              </text>
            </g>
          );
        })}
      </g>
    </ChartSvg>
  );
}
