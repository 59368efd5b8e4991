import fc from "fast-check";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { BenefitTrendChart, benefitTrendLayout, type TrendInput } from "./benefit-trend-chart.tsx";

const labels = {
  title: "Pappersbrev per månad över tid",
  desc: "Mätningarna mot målet 250 brev.",
  measured: "Mätt",
  derived: "Från utfall",
  target: "Mål",
  baseline: "Utgångsläge",
};

const fewerLetters: TrendInput = {
  baselineValue: 1000,
  baselineDate: "2027-01-01",
  targetValue: 250,
  targetDate: "2028-12-31",
  measurements: [
    { date: "2027-09-30", value: 400, source: "manual" },
    { date: "2027-06-30", value: 700, source: "actuals" },
  ],
};

describe("the benefit trend chart", () => {
  it("runs time from the baseline to the target date and values from 0 to a round top", () => {
    const layout = benefitTrendLayout(fewerLetters);
    expect([layout.min, layout.max]).toEqual([0, 1000]);
    expect(layout.baseline.x).toBe(layout.plot.x);
    expect(layout.target.x).toBeCloseTo(layout.plot.x + layout.plot.width, 6);
    expect(layout.baseline.y).toBeCloseTo(layout.plot.y, 6);
    expect(layout.target.y).toBeCloseTo(layout.plot.y + layout.plot.height * 0.75, 6);
    expect(layout.points.map((p) => p.date)).toEqual(["2027-06-30", "2027-09-30"]);
    expect(layout.xTicks.map((t) => t.year)).toEqual(["2027", "2028"]);
  });

  it("keeps every point, negative values and measurements after the target date included, inside the plot", () => {
    const day = fc.integer({ min: 0, max: 3650 }).map((d) => new Date(Date.UTC(2025, 0, 1) + d * 86_400_000).toISOString().slice(0, 10));
    // Values as the table keeps them: four decimals.
    const value = fc.integer({ min: -1e13, max: 1e13 }).map((n) => n / 10_000);
    fc.assert(
      fc.property(
        value,
        value,
        fc.array(fc.record({ date: day, value, source: fc.constantFrom("manual" as const, "actuals" as const) }), { maxLength: 40 }),
        (baselineValue, targetValue, measurements) => {
          const layout = benefitTrendLayout({
            baselineValue,
            baselineDate: "2026-01-01",
            targetValue,
            targetDate: "2028-01-01",
            measurements,
          });
          const { plot } = layout;
          for (const p of [...layout.points, layout.target, layout.baseline]) {
            expect(p.x).toBeGreaterThanOrEqual(plot.x - 1e-6);
            expect(p.x).toBeLessThanOrEqual(plot.x + plot.width + 1e-6);
            expect(p.y).toBeGreaterThanOrEqual(plot.y - 1e-6);
            expect(p.y).toBeLessThanOrEqual(plot.y + plot.height + 1e-6);
          }
        },
      ),
    );
  });

  it("is an image named and described, with entered and derived measurements told apart by shape, and a legend", () => {
    const svg = renderToStaticMarkup(<BenefitTrendChart input={fewerLetters} labels={labels} formatNumber={String} />);
    expect(svg).toContain('role="img"');
    expect(svg).toContain('aria-labelledby="benefit-trend-chart-title benefit-trend-chart-desc"');
    expect(svg).toContain('<title id="benefit-trend-chart-title">Pappersbrev per månad över tid</title>');
    expect(svg.match(/class="point-measured"/g)).toHaveLength(1);
    expect(svg.match(/class="point-derived"/g)).toHaveLength(1);
    expect(svg).toContain("<polyline");
    for (const text of ["Mätt", "Från utfall", "Mål", "Utgångsläge"]) expect(svg).toContain(text);
  });

  it("draws the target and baseline without measurements", () => {
    const svg = renderToStaticMarkup(
      <BenefitTrendChart input={{ ...fewerLetters, measurements: [] }} labels={labels} formatNumber={String} />,
    );
    expect(svg).toContain('class="trend-target"');
    expect(svg).not.toContain("<polyline");
  });
});
