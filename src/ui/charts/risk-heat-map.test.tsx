import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { countedCells, heatMap, type RiskLevel, type Scale } from "../../domain/risks/risk-score.ts";
import { LEVEL_COLOURS, RiskHeatMap } from "./risk-heat-map.tsx";

const labels = {
  title: "Riskmatris",
  desc: "Tre öppna risker.",
  probability: "Sannolikhet",
  consequence: "Konsekvens",
  level: (l: RiskLevel) => ({ lag: "Låg", medel: "Medel", hog: "Hög", mycket_hog: "Mycket hög" })[l],
  count: (n: number) => `${n} st`,
};

const risk = (probability: Scale, consequence: Scale, status: "identifierad" | "stangd" = "identifierad") => ({
  probability,
  consequence,
  status,
});

/** WCAG's relative luminance and contrast ratio of two #rrggbb colours. */
function contrast(a: string, b: string) {
  const lum = (hex: string) => {
    const [r, g, bl] = [1, 3, 5].map((i) => {
      const c = Number.parseInt(hex.slice(i, i + 2), 16) / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    }) as [number, number, number];
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

const cellsOf = (svg: string) =>
  [...svg.matchAll(/data-probability="(\d)" data-consequence="(\d)" data-level="(\w+)" data-count="(\d+)"/g)].map((m) => ({
    probability: Number(m[1]),
    consequence: Number(m[2]),
    level: m[3],
    count: Number(m[4]),
  }));

describe("the risk heat map", () => {
  const svg = renderToStaticMarkup(
    <RiskHeatMap cells={countedCells(heatMap([risk(5, 5), risk(5, 5), risk(1, 2), risk(3, 4), risk(3, 4, "stangd")]))} labels={labels} />,
  );

  it("is an image named by its title and described by its desc", () => {
    expect(svg).toContain('role="img"');
    expect(svg).toContain('aria-labelledby="risk-heat-map-title risk-heat-map-desc"');
    expect(svg).toContain('<title id="risk-heat-map-title">Riskmatris</title>');
    expect(svg).toContain('<desc id="risk-heat-map-desc">Tre öppna risker.</desc>');
  });

  it("draws 25 cells, probability 5 in the top row and consequence 1 first, each with its open risks counted", () => {
    const cells = cellsOf(svg);
    expect(cells).toHaveLength(25);
    expect(cells.slice(0, 5).map((c) => [c.probability, c.consequence])).toEqual([
      [5, 1],
      [5, 2],
      [5, 3],
      [5, 4],
      [5, 5],
    ]);
    expect(cells.at(-1)).toMatchObject({ probability: 1, consequence: 5 });
    expect(cells.find((c) => c.probability === 5 && c.consequence === 5)).toMatchObject({ count: 2, level: "mycket_hog" });
    expect(cells.find((c) => c.probability === 3 && c.consequence === 4)).toMatchObject({ count: 1, level: "hog" });
    expect(cells.reduce((n, c) => n + c.count, 0)).toBe(4);
    expect(svg).toContain(">2 st<");
    expect(svg).toContain(">Mycket hög (25)<");
    expect(svg).toContain(">Låg (1)<");
  });

  it("writes each level's text with at least 4.5:1 contrast on its fill", () => {
    for (const { fill, text } of Object.values(LEVEL_COLOURS)) expect(contrast(fill, text)).toBeGreaterThanOrEqual(4.5);
    // The levels differ from each other, not only from white.
    expect(new Set(Object.values(LEVEL_COLOURS).map((c) => c.fill)).size).toBe(4);
  });
});
