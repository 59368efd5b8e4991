import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { arbitrarySeasonality } from "../../../tests/support/forecast-arbitraries.ts";
import { EVEN_SEASONALITY, MAX_ANNUAL_VOLUME, type Seasonality } from "./forecast-input.ts";
import { monthlyVolumes } from "./monthly-volume.ts";

describe("monthlyVolumes", () => {
  it("spreads 12 000 a year evenly as 1 000 a month", () => {
    expect(monthlyVolumes(12_000, EVEN_SEASONALITY)).toEqual(Array(12).fill(1000));
  });

  it("puts half the year in December when December's share is 0.5", () => {
    const december = [...Array(11).fill(0.5 / 11), 0.5] as unknown as Seasonality;
    const months = monthlyVolumes(11_000, december);
    expect(months[11]).toBe(5500);
    expect(months.slice(0, 11)).toEqual(Array(11).fill(500));
  });

  it("gives the messages left over to the largest remainders, the earlier month first on a tie", () => {
    // 13 / 12 = 1.083… in every month: one message left over, and January gets it.
    expect(monthlyVolumes(13, EVEN_SEASONALITY)).toEqual([2, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1]);
    // Exact 2.7, 2.2 and 0.51 in the other ten months: whole parts 2 + 2 = 4, six left over;
    // 0.7 first, then five of the ten 0.51s in month order.
    const shares = [0.27, 0.22, ...Array(10).fill(0.051)] as unknown as Seasonality;
    expect(monthlyVolumes(10, shares)).toEqual([3, 2, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0]);
  });

  it("apportions exactly the annual volume when the shares sum to 1.001", () => {
    const shares = EVEN_SEASONALITY.map((s) => s * 1.001) as unknown as Seasonality;
    expect(monthlyVolumes(12_000, shares)).toEqual(Array(12).fill(1000));
  });

  it("sums exactly to the annual volume, no month more than one message from its exact share", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: MAX_ANNUAL_VOLUME }), arbitrarySeasonality, (annual, seasonality) => {
        const months = monthlyVolumes(annual, seasonality);
        expect(months.reduce((s, n) => s + n, 0)).toBe(annual);
        const total = seasonality.reduce((s, x) => s + x, 0);
        months.forEach((n, i) => {
          expect(Number.isInteger(n) && n >= 0).toBe(true);
          expect(Math.abs(n - (annual * seasonality[i]!) / total)).toBeLessThan(1);
        });
      }),
    );
  });
});
