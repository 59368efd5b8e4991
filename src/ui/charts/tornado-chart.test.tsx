import fc from "fast-check";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { shortLabel, TornadoChart, tornadoLayout } from "./tornado-chart.tsx";

const labels = { title: "Känslighet", desc: "Nuvärdet när varje indata ändras.", down: "−20 %", up: "+20 %" };

describe("the tornado chart", () => {
  it("grows each bar from the base NPV to the NPV with the input down and up, on one scale", () => {
    const layout = tornadoLayout(
      [
        { label: "Bygglov", npvDown: 170_000, npvUp: 250_000 },
        { label: "Utveckling", npvDown: 231_000, npvUp: 192_000 },
      ],
      211_000,
    );
    const [first, second] = layout.bars;
    // The scale runs from 170 000 to 250 000 over the plot's width; the base sits at 41/80 of it.
    expect(layout.baseX).toBeCloseTo(layout.plot.x + (41 / 80) * layout.plot.width, 6);
    expect(first?.down.x).toBeCloseTo(layout.plot.x, 6);
    expect((first?.down.x ?? 0) + (first?.down.width ?? 0)).toBeCloseTo(layout.baseX, 6);
    expect((first?.up.x ?? 0) + (first?.up.width ?? 0)).toBeCloseTo(layout.plot.x + layout.plot.width, 6);
    // A cost: down raises the NPV, so its bar lies right of the base.
    expect(second?.down.x).toBeCloseTo(layout.baseX, 6);
    expect(second?.up.x).toBeLessThan(layout.baseX);
    expect(second?.y).toBeGreaterThan(first?.y ?? 0);
  });

  it("keeps every bar inside the plot whatever the numbers", () => {
    const npv = fc.integer({ min: -1e9, max: 1e9 });
    fc.assert(
      fc.property(fc.array(fc.tuple(npv, npv), { maxLength: 30 }), npv, (pairs, base) => {
        const layout = tornadoLayout(
          pairs.map(([npvDown, npvUp], i) => ({ label: `r${i}`, npvDown, npvUp })),
          base,
        );
        for (const b of layout.bars)
          for (const s of [b.down, b.up]) {
            expect(s.x).toBeGreaterThanOrEqual(layout.plot.x - 1e-6);
            expect(s.x + s.width).toBeLessThanOrEqual(layout.plot.x + layout.plot.width + 1e-6);
          }
      }),
    );
  });

  it("draws an image named by its title with one row per input, a base line and a legend", () => {
    const svg = renderToStaticMarkup(
      <TornadoChart
        rows={[
          { label: "Bygglov", npvDown: 170_000, npvUp: 250_000 },
          { label: "Kalkylränta", npvDown: 212_000, npvUp: 211_000 },
        ]}
        baseNpv={211_000}
        labels={labels}
        formatNumber={String}
      />,
    );
    expect(svg).toMatch(/^<svg [^>]*role="img"[^>]*aria-labelledby="tornado-chart-title tornado-chart-desc"/);
    expect(svg).toContain('<title id="tornado-chart-title">Känslighet</title>');
    expect(svg.match(/data-input="/g)).toHaveLength(2);
    expect(svg.match(/class="bar-down"/g)).toHaveLength(2);
    expect(svg).toContain('class="chart-base"');
    expect(svg).toContain(">−20 %</text>");
    expect(svg).toContain(">170000</text>");
  });

  it("cuts a label too long for the room left of the plot", () => {
    expect(shortLabel("Flöde: Beslut om bygglov")).toBe("Flöde: Beslut om bygglov");
    expect(shortLabel("Flöde: Beslut om ekonomiskt bistånd enligt socialtjänstlagen")).toBe("Flöde: Beslut om ekonomiskt bis…");
  });

  it("still draws an axis when nothing moves the NPV", () => {
    const layout = tornadoLayout([], 0);
    expect(layout.ticks.map((t) => t.value)).toEqual([-1, 0, 1]);
  });
});
