import { CHART_COLOURS } from "./chart-scale.ts";

export type GanttFlow = {
  id: string;
  name: string;
  /** The status as the page names it. */
  statusLabel: string;
  plannedTestDate: string | null;
  plannedProductionDate: string | null;
};
export type GanttMilestone = { numeral: string; plannedOn: string | null; decidedOn: string | null };

/** The drawing's coordinate system; rows add height, the width is fixed and scaled by the page. */
export const GANTT_FRAME = {
  width: 960,
  left: 250,
  right: 24,
  lanes: 3,
  laneHeight: 22,
  axisHeight: 52,
  rowHeight: 48,
  bottom: 56,
} as const;
/** About how wide "VIII beslutad" is at the chart's label size, to keep labels in one lane apart. */
const LABEL_WIDTH = 110;

const DAY_MS = 86_400_000;
const dayNumber = (day: string) => Date.parse(`${day}T00:00:00Z`) / DAY_MS;

/** The first day of the quarter `day` falls in, and of the quarter `n` quarters later. */
function quarterStart(day: string, n = 0): string {
  const [year, month] = day.split("-").map(Number) as [number, number];
  const q = Math.floor((month - 1) / 3) + n;
  const y = year + Math.floor(q / 4);
  return `${y}-${String((((q % 4) + 4) % 4) * 3 + 1).padStart(2, "0")}-01`;
}

export type GanttRow = {
  flowId: string;
  name: string;
  statusLabel: string;
  y: number;
  /** From test to production; null unless both are planned. */
  bar: { x1: number; x2: number } | null;
  test: number | null;
  production: number | null;
};
export type GanttMarker = { numeral: string; kind: "planned" | "decided"; day: string; x: number; lane: number };
export type GanttLayout = {
  /** The first day of the first quarter shown and the first day after the last. */
  start: string;
  end: string;
  ticks: { day: string; x: number; year: number; quarter: number }[];
  rows: GanttRow[];
  markers: GanttMarker[];
  plot: { x: number; width: number; top: number; bottom: number };
  /** Where the time axis's labels start: below the milestone label lanes in use. */
  axisY: number;
  height: number;
};

/**
 * Where everything goes: a time axis of whole quarters covering every date of the flows and the
 * milestones (at least a year), quarter ticks, one row per flow in the order given, and the
 * milestones' planned and decided days as markers whose labels take the first lane where they do
 * not run into the previous label. Null when nothing has a date: there is no axis to draw.
 */
export function ganttLayout(flows: readonly GanttFlow[], milestones: readonly GanttMilestone[]): GanttLayout | null {
  const f = GANTT_FRAME;
  const days = [
    ...flows.flatMap((x) => [x.plannedTestDate, x.plannedProductionDate]),
    ...milestones.flatMap((m) => [m.plannedOn, m.decidedOn]),
  ].filter((d): d is string => d !== null);
  if (days.length === 0) return null;
  const sorted = [...days].sort();
  const start = quarterStart(sorted[0] as string);
  const end = [quarterStart(sorted.at(-1) as string, 1), quarterStart(start, 4)].sort().at(-1) as string;
  const left = f.left;
  const width = f.width - f.left - f.right;
  const span = dayNumber(end) - dayNumber(start);
  const x = (day: string) => left + ((dayNumber(day) - dayNumber(start)) / span) * width;

  const points = milestones
    .flatMap((m) => [
      ...(m.plannedOn ? [{ numeral: m.numeral, kind: "planned" as const, day: m.plannedOn }] : []),
      ...(m.decidedOn ? [{ numeral: m.numeral, kind: "decided" as const, day: m.decidedOn }] : []),
    ])
    .sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : 0));
  const laneEnds: number[] = Array.from({ length: f.lanes }, () => Number.NEGATIVE_INFINITY);
  const markers = points.map((p): GanttMarker => {
    const at = x(p.day);
    const free = laneEnds.findIndex((e) => e <= at);
    const lane = free === -1 ? laneEnds.indexOf(Math.min(...laneEnds)) : free;
    laneEnds[lane] = at + LABEL_WIDTH;
    return { ...p, x: at, lane };
  });

  // Only the label lanes in use take height (at least one, where the axis's top line sits).
  const lanes = Math.max(1, ...markers.map((m) => m.lane + 1));
  const plot = { x: left, width, top: lanes * f.laneHeight + f.axisHeight, bottom: 0 };

  const ticks: GanttLayout["ticks"] = [];
  for (let day = start; day < end; day = quarterStart(day, 1)) {
    const [year, month] = day.split("-").map(Number) as [number, number];
    ticks.push({ day, x: x(day), year, quarter: (month - 1) / 3 + 1 });
  }

  const rows = flows.map((flow, i): GanttRow => {
    const test = flow.plannedTestDate ? x(flow.plannedTestDate) : null;
    const production = flow.plannedProductionDate ? x(flow.plannedProductionDate) : null;
    return {
      flowId: flow.id,
      name: flow.name,
      statusLabel: flow.statusLabel,
      y: plot.top + i * f.rowHeight,
      bar: test !== null && production !== null ? { x1: test, x2: production } : null,
      test,
      production,
    };
  });
  plot.bottom = plot.top + Math.max(1, flows.length) * f.rowHeight;

  return { start, end, ticks, rows, markers, plot, axisY: lanes * f.laneHeight, height: plot.bottom + f.bottom };
}

export type GanttLabels = {
  title: string;
  desc: string;
  notPlanned: string;
  quarter: (quarter: number) => string;
  marker: (kind: "planned" | "decided", numeral: string) => string;
  legendBar: string;
  legendProduction: string;
  legendPlanned: string;
  legendDecided: string;
};

const truncate = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);
const diamond = (cx: number, cy: number, r: number) => `M ${cx} ${cy - r} L ${cx + r} ${cy} L ${cx} ${cy + r} L ${cx - r} ${cy} Z`;

/**
 * The connection plan as a timeline drawn on the server: an image to assistive technology, named by
 * its title and described by its desc; the tables beside it carry the dates. Planned and decided
 * milestones differ by shape (hollow or filled diamond), line (dashed or solid) and their label text.
 */
export function GanttChart({ layout, labels, id = "plan-chart" }: { layout: GanttLayout; labels: GanttLabels; id?: string }) {
  const f = GANTT_FRAME;
  const { plot } = layout;
  const axisY = layout.axisY;
  const legendY = layout.height - 20;
  return (
    <svg
      xmlns="http://www.w3.org/2000/svg"
      viewBox={`0 0 ${f.width} ${layout.height}`}
      role="img"
      aria-labelledby={`${id}-title ${id}-desc`}
      className="chart"
      fontFamily="Inter, system-ui, sans-serif"
      fontSize="15"
      fill={CHART_COLOURS.text}
    >
      <title id={`${id}-title`}>{labels.title}</title>
      <desc id={`${id}-desc`}>{labels.desc}</desc>
      <g className="gantt-axis">
        {layout.ticks.map((t, i) => (
          <g key={t.day}>
            <line
              x1={t.x}
              x2={t.x}
              y1={axisY + 4}
              y2={plot.bottom}
              stroke={t.quarter === 1 ? CHART_COLOURS.axis : CHART_COLOURS.grid}
              strokeWidth="1"
            />
            {t.quarter === 1 || i === 0 ? (
              <text x={t.x + 4} y={axisY + 22} fontWeight="600">
                {t.year}
              </text>
            ) : null}
            <text x={t.x + 4} y={axisY + 42} fontSize="13">
              {labels.quarter(t.quarter)}
            </text>
          </g>
        ))}
      </g>
      <g className="gantt-milestones">
        {layout.markers.map((m) => {
          const labelY = m.lane * f.laneHeight + 16;
          const decided = m.kind === "decided";
          const colour = decided ? CHART_COLOURS.decided : CHART_COLOURS.planned;
          return (
            <g key={`${m.kind}-${m.numeral}`} className={`gantt-milestone-${m.kind}`}>
              <line
                x1={m.x}
                x2={m.x}
                y1={labelY + 4}
                y2={plot.bottom}
                stroke={colour}
                strokeWidth="2"
                strokeDasharray={decided ? undefined : "6 4"}
              />
              <path d={diamond(m.x, labelY - 5, 6)} fill={decided ? colour : "#ffffff"} stroke={colour} strokeWidth="2" />
              <text x={m.x + 9} y={labelY} fontSize="13" fill={colour}>
                {labels.marker(m.kind, m.numeral)}
              </text>
            </g>
          );
        })}
      </g>
      <g className="gantt-rows">
        {layout.rows.map((r) => (
          <g key={r.flowId} data-flow={r.flowId}>
            <line x1="0" x2={f.width} y1={r.y + f.rowHeight} y2={r.y + f.rowHeight} stroke={CHART_COLOURS.grid} strokeWidth="1" />
            <text x="0" y={r.y + 20}>
              {truncate(r.name, 28)}
            </text>
            <text x="0" y={r.y + 39} fontSize="13">
              {r.statusLabel}
            </text>
            {r.bar ? (
              <rect
                className="gantt-bar"
                x={r.bar.x1}
                y={r.y + 14}
                width={Math.max(2, r.bar.x2 - r.bar.x1)}
                height="20"
                rx="3"
                fill={CHART_COLOURS.bar}
              />
            ) : null}
            {r.test !== null && r.bar === null ? (
              <rect className="gantt-test" x={r.test - 1} y={r.y + 12} width="3" height="24" fill={CHART_COLOURS.bar} />
            ) : null}
            {r.production !== null ? (
              <path className="gantt-production" d={diamond(r.production, r.y + 24, 9)} fill={CHART_COLOURS.production} stroke="#ffffff" />
            ) : null}
            {r.test === null && r.production === null ? (
              <text
                className="gantt-unplanned"
                x={plot.x + 8}
                y={r.y + 29}
                fontStyle="italic"
                stroke="#ffffff"
                strokeWidth="5"
                paintOrder="stroke"
              >
                {labels.notPlanned}
              </text>
            ) : null}
          </g>
        ))}
      </g>
      <g className="gantt-legend" fontSize="13">
        <rect x="0" y={legendY - 12} width="28" height="14" rx="3" fill={CHART_COLOURS.bar} />
        <text x="36" y={legendY}>
          {labels.legendBar}
        </text>
        <path d={diamond(216, legendY - 5, 8)} fill={CHART_COLOURS.production} />
        <text x="230" y={legendY}>
          {labels.legendProduction}
        </text>
        <path d={diamond(356, legendY - 5, 6)} fill="#ffffff" stroke={CHART_COLOURS.planned} strokeWidth="2" />
        <text x="368" y={legendY}>
          {labels.legendPlanned}
        </text>
        <path d={diamond(626, legendY - 5, 6)} fill={CHART_COLOURS.decided} />
        <text x="638" y={legendY}>
          {labels.legendDecided}
        </text>
      </g>
    </svg>
  );
}
