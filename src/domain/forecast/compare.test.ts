import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { arbitraryFlow, arbitraryMonth } from "../../../tests/support/forecast-arbitraries.ts";
import { compare } from "./compare.ts";
import { forecast } from "./forecast.ts";

const month = (m: string, volume: number, digital: number) => ({
  month: m as `${number}-${number}`,
  volume,
  digital,
  paper: volume - digital,
});

describe("compare", () => {
  it("shows both versions and b − a for each month", () => {
    const baseline = { months: [month("2026-01", 1000, 0), month("2026-02", 1000, 0)] };
    const reforecast = { months: [month("2026-01", 1000, 0), month("2026-02", 1200, 900)] };
    expect(compare(baseline, reforecast).months).toEqual([
      {
        month: "2026-01",
        a: { volume: 1000, digital: 0, paper: 1000 },
        b: { volume: 1000, digital: 0, paper: 1000 },
        difference: { volume: 0, digital: 0, paper: 0 },
      },
      {
        month: "2026-02",
        a: { volume: 1000, digital: 0, paper: 1000 },
        b: { volume: 1200, digital: 900, paper: 300 },
        difference: { volume: 200, digital: 900, paper: -700 },
      },
    ]);
  });

  it("covers the union of the months, in order, counting a missing month as zero", () => {
    const a = { months: [month("2026-12", 10, 5), month("2027-01", 10, 5)] };
    const b = { months: [month("2026-11", 7, 0), month("2026-12", 10, 5)] };
    const result = compare(a, b).months;
    expect(result.map((m) => m.month)).toEqual(["2026-11", "2026-12", "2027-01"]);
    expect(result[0]!.a).toEqual({ volume: 0, digital: 0, paper: 0 });
    expect(result[2]!.difference).toEqual({ volume: -10, digital: -5, paper: -5 });
  });

  it("finds no difference between a forecast and itself, and a's and b's roles swap the sign", () => {
    fc.assert(
      fc.property(fc.array(arbitraryFlow, { maxLength: 3 }), arbitraryMonth, arbitraryMonth, (flows, fromA, fromB) => {
        const a = forecast({ flows, from: fromA, months: 24 });
        const b = forecast({ flows, from: fromB, months: 24 });
        expect(compare(a, a).months.every((m) => m.difference.volume === 0 && m.difference.digital === 0 && m.difference.paper === 0)).toBe(
          true,
        );
        const there = compare(a, b).months;
        const back = compare(b, a).months;
        there.forEach((m, i) => {
          expect(back[i]!.difference.volume + m.difference.volume).toBe(0);
          expect(m.b.volume - m.a.volume).toBe(m.difference.volume);
        });
      }),
    );
  });
});
