import fc from "fast-check";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { niceMax } from "./chart-scale.ts";
import { type ChartMonth, FORECAST_FRAME, ForecastChart, forecastChartLayout } from "./forecast-chart.tsx";

const monthsFrom = (year: number, first: number, counts: readonly [number, number][]): ChartMonth[] =>
  counts.map(([digital, paper], i) => {
    const index = year * 12 + first - 1 + i;
    return { month: `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, "0")}`, digital, paper };
  });

const labels = { title: "Meddelanden per månad", desc: "Staplat diagram.", digital: "Digitalt", paper: "Papper" };

describe("the forecast chart", () => {
  it("rounds the axis up to a top whose quarters are round numbers, never far above the busiest month", () => {
    expect([niceMax(0), niceMax(7), niceMax(1000), niceMax(1001), niceMax(2400), niceMax(4100), niceMax(5400), niceMax(9000)]).toEqual([
      1, 8, 1000, 1200, 2400, 5000, 6000, 10000,
    ]);
    fc.assert(fc.property(fc.integer({ min: 1, max: 1e9 }), (n) => niceMax(n) >= n && niceMax(n) <= n * 1.34));
  });

  it("stacks paper on digital and keeps every bar inside the plot, the busiest at most full height", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(1e6), fc.nat(1e6)), { minLength: 1, maxLength: 240 }), (counts) => {
        const layout = forecastChartLayout(monthsFrom(2027, 1, counts));
        const baseline = layout.plot.y + layout.plot.height;
        for (const bar of layout.bars) {
          expect(bar.digital.y + bar.digital.height).toBeCloseTo(baseline, 6);
          expect(bar.paper.y + bar.paper.height).toBeCloseTo(bar.digital.y, 6);
          expect(bar.paper.y).toBeGreaterThanOrEqual(layout.plot.y - 1e-6);
          expect(bar.x).toBeGreaterThanOrEqual(layout.plot.x);
          expect(bar.x + bar.width).toBeLessThanOrEqual(layout.plot.x + layout.plot.width + 1e-6);
        }
      }),
    );
  });

  it("draws one bar group per month, a year label at each January and the first month, and a legend", () => {
    const months = monthsFrom(
      2026,
      11,
      Array.from({ length: 26 }, (_, i) => [i * 10, 500 - i * 10] as [number, number]),
    );
    const svg = renderToStaticMarkup(<ForecastChart months={months} labels={labels} formatNumber={String} />);
    expect(svg).toMatch(/^<svg [^>]*role="img"[^>]*aria-labelledby="forecast-chart-title forecast-chart-desc"/);
    expect(svg).toContain('<title id="forecast-chart-title">Meddelanden per månad</title>');
    expect(svg).toContain('<desc id="forecast-chart-desc">Staplat diagram.</desc>');
    expect(svg.match(/data-month="/g)).toHaveLength(26);
    // The first month has no digital bar (0 messages): a zero-height rectangle would be noise.
    expect(svg.match(/class="bar-digital"/g)).toHaveLength(25);
    expect(svg.match(/class="bar-paper"/g)).toHaveLength(26);
    const years = [...svg.matchAll(/<text [^>]*>(\d{4})<\/text>/g)].map((m) => m[1]);
    // Two months of 26 leave room for 2026's label before 2027's.
    expect(years).toEqual(["2026", "2027", "2028"]);
    // One month of 60 does not: December 2026 gets no label of its own, so none runs into 2027.
    const fromDecember = renderToStaticMarkup(
      <ForecastChart
        months={monthsFrom(
          2026,
          12,
          Array.from({ length: 60 }, () => [1, 1] as [number, number]),
        )}
        labels={labels}
        formatNumber={String}
      />,
    );
    expect([...fromDecember.matchAll(/<text [^>]*>(\d{4})<\/text>/g)].map((m) => m[1])).toEqual(["2027", "2028", "2029", "2030", "2031"]);
    expect(svg).toContain(">Digitalt</text>");
    expect(svg).toContain(">Papper</text>");
    expect(svg).toContain(`viewBox="0 0 ${FORECAST_FRAME.width} ${FORECAST_FRAME.height}"`);
  });
});
