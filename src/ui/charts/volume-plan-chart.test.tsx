import fc from "fast-check";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { PLAN_SERIES, type PlanChartMonth, VolumePlanChart, volumePlanChartLayout } from "./volume-plan-chart.tsx";

const monthLabel = (index: number) => `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, "0")}`;

/** `count` months from November 2026; actuals for the first `begun` of them. */
const months = (count: number, begun: number, value = (i: number) => i * 100): PlanChartMonth[] =>
  Array.from({ length: count }, (_, i) => ({
    month: monthLabel(2026 * 12 + 10 + i),
    current: value(i),
    baseline: value(i) / 2,
    reforecast: value(i) * 2,
    actual: i < begun ? value(i) : null,
  }));

const labels = {
  title: "Digitala meddelanden per månad",
  desc: "Linjediagram.",
  current: "Aktuell prognos",
  baseline: "Senaste baslinje",
  reforecast: "Senaste omprognos",
  actual: "Utfall",
};

describe("the volume plan chart", () => {
  it("keeps every point of every series inside the plot, the highest at most at its top", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat(1e7), fc.nat(1e7), fc.nat(1e7), fc.option(fc.nat(1e7))), { minLength: 1, maxLength: 240 }),
        (values) => {
          const layout = volumePlanChartLayout(
            values.map(([current, baseline, reforecast, actual], i) => ({
              month: monthLabel(2027 * 12 + i),
              current,
              baseline,
              reforecast,
              actual,
            })),
          );
          for (const s of PLAN_SERIES) {
            for (const p of layout.lines[s]) {
              expect(p.y).toBeGreaterThanOrEqual(layout.plot.y - 1e-6);
              expect(p.y).toBeLessThanOrEqual(layout.plot.y + layout.plot.height + 1e-6);
              expect(p.x).toBeGreaterThan(layout.plot.x);
              expect(p.x).toBeLessThan(layout.plot.x + layout.plot.width);
            }
          }
          expect(layout.lines.current).toHaveLength(values.length);
          expect(layout.lines.actual).toHaveLength(values.filter((v) => v[3] !== null).length);
        },
      ),
    );
  });

  it("draws four lines, a square per month with actuals, a year label at each January and a legend naming each series", () => {
    const svg = renderToStaticMarkup(<VolumePlanChart months={months(26, 5)} labels={labels} formatNumber={String} />);
    expect(svg).toMatch(/^<svg [^>]*role="img"[^>]*aria-labelledby="volume-plan-chart-title volume-plan-chart-desc"/);
    expect(svg).toContain('<title id="volume-plan-chart-title">Digitala meddelanden per månad</title>');
    expect(svg.match(/<polyline /g)).toHaveLength(4);
    expect(svg.match(/data-month="/g)).toHaveLength(5);
    // The year labels, not the count axis's (right-aligned) numbers.
    expect([...svg.matchAll(/<text (?![^>]*text-anchor)[^>]*>(\d{4})<\/text>/g)].map((m) => m[1])).toEqual(["2026", "2027", "2028"]);
    for (const name of Object.values(labels).slice(2)) expect(svg).toContain(`>${name}</text>`);
    // Told apart without colour: dashes differ.
    expect(svg).toContain('stroke-dasharray="10 6"');
    expect(svg).toContain('stroke-dasharray="3 4"');
  });

  it("gets an axis even when every series is zero", () => {
    const layout = volumePlanChartLayout(months(3, 0, () => 0));
    expect(layout.max).toBe(1);
    expect(layout.lines.actual).toEqual([]);
  });
});
