import fc from "fast-check";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { GANTT_FRAME, GanttChart, type GanttFlow, type GanttMilestone, ganttLayout } from "./gantt.tsx";

const flow = (id: string, test: string | null, production: string | null): GanttFlow => ({
  id,
  name: `Flöde ${id}`,
  statusLabel: "Identifierad",
  plannedTestDate: test,
  plannedProductionDate: production,
});

const labels = {
  title: "Anslutningsplan",
  desc: "Tidslinje.",
  notPlanned: "ej planerad",
  quarter: (q: number) => `K${q}`,
  marker: (kind: "planned" | "decided", numeral: string) => `${numeral} ${kind === "planned" ? "planerad" : "beslutad"}`,
  legendBar: "Test till produktion",
  legendProduction: "Produktion",
  legendPlanned: "Planerat",
  legendDecided: "Beslutat",
};

const day = fc
  .date({ min: new Date("2015-01-01T00:00:00Z"), max: new Date("2040-12-31T00:00:00Z"), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

describe("the connection plan's layout", () => {
  it("has no axis when nothing is dated", () => {
    expect(ganttLayout([flow("a", null, null)], [{ numeral: "I", plannedOn: null, decidedOn: null }])).toBeNull();
  });

  it("covers every date with whole quarters, at least a year, ticks at each quarter start", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.option(day), fc.option(day)), { maxLength: 6 }),
        fc.array(fc.tuple(fc.option(day), fc.option(day)), { maxLength: 8 }),
        (flowDates, milestoneDates) => {
          const flows = flowDates.map(([t, p], i) => flow(String(i), t, p));
          const milestones: GanttMilestone[] = milestoneDates.map(([p, d], i) => ({ numeral: String(i), plannedOn: p, decidedOn: d }));
          const layout = ganttLayout(flows, milestones);
          const all = [...flowDates.flat(), ...milestoneDates.flat()].filter((d): d is string => d !== null);
          if (all.length === 0) {
            expect(layout).toBeNull();
            return;
          }
          if (!layout) throw new Error("a layout for dated flows");
          for (const d of all) {
            expect(d >= layout.start && d < layout.end).toBe(true);
          }
          expect(layout.ticks[0]?.day).toBe(layout.start);
          expect(layout.ticks.length).toBeGreaterThanOrEqual(4);
          for (const t of layout.ticks) expect(t.day).toMatch(/^\d{4}-(01|04|07|10)-01$/);
          const xs = layout.ticks.map((t) => t.x);
          expect(xs).toEqual([...xs].sort((a, b) => a - b));
          for (const r of layout.rows) {
            for (const x of [r.test, r.production, r.bar?.x1, r.bar?.x2].filter((v): v is number => typeof v === "number")) {
              expect(x).toBeGreaterThanOrEqual(layout.plot.x - 1e-6);
              expect(x).toBeLessThanOrEqual(layout.plot.x + layout.plot.width + 1e-6);
            }
          }
        },
      ),
    );
  });

  it("gives each flow a row in the order given and places dates proportionally", () => {
    const layout = ganttLayout(
      [flow("a", "2027-01-01", "2027-07-01"), flow("b", null, null), flow("c", null, "2027-04-01")],
      [{ numeral: "II", plannedOn: "2026-10-15", decidedOn: "2026-11-01" }],
    );
    if (!layout) throw new Error("dated");
    expect(layout.start).toBe("2026-10-01");
    expect(layout.end).toBe("2027-10-01");
    expect(layout.ticks.map((t) => `${t.year} K${t.quarter}`)).toEqual(["2026 K4", "2027 K1", "2027 K2", "2027 K3"]);
    expect(layout.rows.map((r) => r.flowId)).toEqual(["a", "b", "c"]);
    expect(layout.rows[1]?.y).toBe((layout.rows[0]?.y ?? 0) + GANTT_FRAME.rowHeight);
    expect(layout.rows[0]?.bar?.x1).toBeCloseTo(layout.ticks[1]?.x ?? 0, 6);
    expect(layout.rows[0]?.bar?.x2).toBeCloseTo(layout.ticks[3]?.x ?? 0, 6);
    expect(layout.rows[1]).toMatchObject({ bar: null, test: null, production: null });
    expect(layout.rows[2]).toMatchObject({ bar: null, test: null, production: layout.ticks[2]?.x });
    // Two labels 17 days apart would overlap in one lane: the second takes the next.
    expect(layout.markers.map((m) => [m.kind, m.lane])).toEqual([
      ["planned", 0],
      ["decided", 1],
    ]);
  });

  it("draws bars, production marks, unplanned flows and both kinds of milestone as an image with a title", () => {
    const layout = ganttLayout(
      [flow("a", "2027-01-01", "2027-07-01"), flow("b", null, null)],
      [{ numeral: "II", plannedOn: "2026-10-15", decidedOn: "2026-12-01" }],
    );
    if (!layout) throw new Error("dated");
    const svg = renderToStaticMarkup(<GanttChart layout={layout} labels={labels} />);
    expect(svg).toMatch(/^<svg [^>]*role="img"[^>]*aria-labelledby="plan-chart-title plan-chart-desc"/);
    expect(svg).toContain('<title id="plan-chart-title">Anslutningsplan</title>');
    expect(svg.match(/class="gantt-bar"/g)).toHaveLength(1);
    expect(svg.match(/class="gantt-production"/g)).toHaveLength(1);
    expect(svg.match(/class="gantt-unplanned"[^>]*>ej planerad</g)).toHaveLength(1);
    expect(svg).toMatch(/class="gantt-milestone-planned".*stroke-dasharray="6 4".*>II planerad</);
    expect(svg).toMatch(/class="gantt-milestone-decided">(?:(?!stroke-dasharray).)*>II beslutad</);
  });
});
