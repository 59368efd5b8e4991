import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { QuarterChart, quarterChartLayout } from "./quarter-chart.tsx";

describe("the quarter chart", () => {
  it("draws the busiest quarter highest and an empty quarter not at all, a year's label at each Q1", () => {
    const layout = quarterChartLayout([
      { quarter: "2026-Q4", count: 2 },
      { quarter: "2027-Q1", count: 0 },
      { quarter: "2027-Q2", count: 5 },
    ]);
    expect(layout.bars[2]!.height).toBeGreaterThan(layout.bars[0]!.height);
    expect(layout.bars[1]!.height).toBe(0);
    expect(layout.xLabels.map((l) => l.label)).toEqual(["2026-Q4", "2027-Q1"]);
  });

  it("is an image named by its title and described", () => {
    const svg = renderToStaticMarkup(
      <QuarterChart quarters={[{ quarter: "2027-Q1", count: 3 }]} title="Anslutningar" desc="Tre" formatNumber={String} />,
    );
    expect(svg).toContain('role="img"');
    expect(svg).toContain('aria-labelledby="quarter-chart-title quarter-chart-desc"');
    expect(svg).toContain('data-quarter="2027-Q1"');
  });
});
