import { describe, expect, it } from "vitest";
import type { YearMonth } from "../volumes/volume-series.ts";
import { flowYearInputs } from "./computed-benefits.ts";

describe("a flow's inputs per year, for the export", () => {
  it("sums letters and digital messages and takes the mean reach of the months in production", () => {
    // 1,000 letters a month in 2027, in production from July at 60 % and then 80 % reach.
    const months = Array.from({ length: 12 }, (_, i) => {
      const month = `2027-${String(i + 1).padStart(2, "0")}` as YearMonth;
      const reachShare = i < 9 ? 0.6 : 0.8;
      return { month, volume: 1_000, reachShare, digital: i >= 6 ? 1_000 * reachShare : 0 };
    });
    const flow = { flowId: "f", name: "F", costPerLetterSek: 15, productionMonth: "2027-07" as YearMonth, months };
    // Mean of July–December: (3 × 0.6 + 3 × 0.8) / 6 = 0.7; digital 3 × 600 + 3 × 800.
    expect(flowYearInputs(flow, [2027, 2028])).toEqual([
      { year: 2027, volume: 12_000, reachShare: 0.7, digital: 4_200 },
      { year: 2028, volume: 0, reachShare: 0, digital: 0 },
    ]);
    expect(flowYearInputs({ ...flow, productionMonth: null }, [2027])[0]?.reachShare).toBe(0);
  });
});
