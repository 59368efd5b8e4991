import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { arbitraryFlow, arbitraryMonth } from "../../../tests/support/forecast-arbitraries.ts";
import type { YearMonth } from "../volumes/volume-series.ts";
import { monthIndexOf, yearMonthAt } from "./calendar-month.ts";
import { forecast } from "./forecast.ts";
import { type ActualMonth, sumByMonth, variance } from "./variance.ts";

const m = (month: string) => month as YearMonth;

describe("variance", () => {
  it("is actual − baseline, digital and paper, for each month with an actual, in month order", () => {
    const baseline = [
      { month: "2027-01", volume: 1000, digital: 400, paper: 600 },
      { month: "2027-02", volume: 1000, digital: 500, paper: 500 },
    ];
    const actuals = [
      { month: m("2027-02"), digital: 450, paper: 600 },
      { month: m("2027-01"), digital: 420, paper: 560 },
    ];
    expect(variance(actuals, baseline)).toEqual([
      {
        month: "2027-01",
        digital: 420,
        paper: 560,
        baseline: { volume: 1000, digital: 400, paper: 600 },
        variance: { digital: 20, paper: -40 },
      },
      {
        month: "2027-02",
        digital: 450,
        paper: 600,
        baseline: { volume: 1000, digital: 500, paper: 500 },
        variance: { digital: -50, paper: 100 },
      },
    ]);
  });

  it("has no baseline and no variance for a month the baseline does not cover, or without a baseline", () => {
    const actual = { month: m("2026-05"), digital: 3, paper: 7 };
    expect(variance([actual], [{ month: "2027-01", volume: 10, digital: 5, paper: 5 }])).toEqual([
      { ...actual, baseline: null, variance: null },
    ]);
    expect(variance([actual], null)).toEqual([{ ...actual, baseline: null, variance: null }]);
  });

  it("adds back up: baseline + variance is the actual, for any forecast and any actuals", () => {
    fc.assert(
      fc.property(
        fc.array(arbitraryFlow, { maxLength: 4 }),
        arbitraryMonth,
        fc.array(fc.record({ offset: fc.nat({ max: 30 }), digital: fc.nat(), paper: fc.nat() }), { maxLength: 20 }),
        (flows, from, entries) => {
          const baseline = forecast({ flows, from, months: 24 });
          const first = baseline.months.map((x) => x.month);
          // Offsets 24–30 fall after the baseline's last month.
          const unique = new Map(entries.map((e) => [e.offset, e]));
          const actuals: ActualMonth[] = [...unique.values()].map((e) => ({
            month: yearMonthAt(monthIndexOf(from) + e.offset),
            digital: e.digital,
            paper: e.paper,
          }));
          const rows = variance(actuals, baseline.months);
          expect(rows).toHaveLength(new Set(actuals.map((a) => a.month)).size);
          for (const row of rows) {
            if (row.baseline && row.variance) {
              expect(row.baseline.digital + row.variance.digital).toBe(row.digital);
              expect(row.baseline.paper + row.variance.paper).toBe(row.paper);
            } else {
              expect(first).not.toContain(row.month);
            }
          }
        },
      ),
    );
  });
});

describe("sumByMonth", () => {
  it("adds the flows' actuals of the same month", () => {
    expect(
      sumByMonth([
        { month: m("2027-01"), digital: 1, paper: 2 },
        { month: m("2027-02"), digital: 5, paper: 0 },
        { month: m("2027-01"), digital: 10, paper: 20 },
      ]),
    ).toEqual([
      { month: "2027-01", digital: 11, paper: 22 },
      { month: "2027-02", digital: 5, paper: 0 },
    ]);
  });
});
