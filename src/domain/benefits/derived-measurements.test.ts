import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { derivedMeasurements, lastDayOfMonth } from "./derived-measurements.ts";

const BYGGLOV = "00000000-0000-4000-8000-00000000000a";
const PARKERING = "00000000-0000-4000-8000-00000000000b";
const OTHER = "00000000-0000-4000-8000-00000000000c";

describe("measurements derived from the flows' actuals", () => {
  it("dates a month by its last day, leap years included", () => {
    expect(["2027-01", "2027-02", "2028-02", "2027-04", "2027-12"].map(lastDayOfMonth)).toEqual([
      "2027-01-31",
      "2027-02-28",
      "2028-02-29",
      "2027-04-30",
      "2027-12-31",
    ]);
  });

  it("adds up the digital messages of the benefit's flows per month, and ignores other flows and paper", () => {
    const benefit = { baselineDate: "2027-01-01", derivedFromFlowIds: [BYGGLOV, PARKERING] };
    const actuals = [
      { flowId: BYGGLOV, month: "2027-02", digital: 700 },
      { flowId: PARKERING, month: "2027-02", digital: 300 },
      { flowId: OTHER, month: "2027-02", digital: 9_999 },
      { flowId: BYGGLOV, month: "2027-01", digital: 650 },
    ];
    expect(derivedMeasurements(benefit, actuals)).toEqual([
      { date: "2027-01-31", value: 650, source: "actuals", month: "2027-01", flowIds: [BYGGLOV] },
      { date: "2027-02-28", value: 1000, source: "actuals", month: "2027-02", flowIds: [BYGGLOV, PARKERING].sort() },
    ]);
  });

  it("leaves out months that end before the baseline, and has nothing without flows", () => {
    const actuals = [
      { flowId: BYGGLOV, month: "2026-12", digital: 10 },
      { flowId: BYGGLOV, month: "2027-01", digital: 20 },
    ];
    expect(derivedMeasurements({ baselineDate: "2027-01-15", derivedFromFlowIds: [BYGGLOV] }, actuals).map((m) => m.month)).toEqual([
      "2027-01",
    ]);
    expect(derivedMeasurements({ baselineDate: "2020-01-01", derivedFromFlowIds: [] }, actuals)).toEqual([]);
  });

  it("keeps every digital message of the benefit's flows on or after the baseline, in date order", () => {
    const month = fc
      .tuple(fc.integer({ min: 2025, max: 2030 }), fc.integer({ min: 1, max: 12 }))
      .map(([y, m]) => `${y}-${String(m).padStart(2, "0")}`);
    const actual = fc.record({ flowId: fc.constantFrom(BYGGLOV, PARKERING, OTHER), month, digital: fc.nat(100_000) });
    fc.assert(
      fc.property(fc.uniqueArray(actual, { selector: (a) => `${a.flowId} ${a.month}`, maxLength: 60 }), (actuals) => {
        const benefit = { baselineDate: "2027-06-15", derivedFromFlowIds: [BYGGLOV, PARKERING] };
        const derived = derivedMeasurements(benefit, actuals);
        const expected = actuals
          .filter((a) => a.flowId !== OTHER && lastDayOfMonth(a.month) >= benefit.baselineDate)
          .reduce((sum, a) => sum + a.digital, 0);
        expect(derived.reduce((sum, m) => sum + m.value, 0)).toBe(expected);
        expect(derived.map((m) => m.date)).toEqual([...derived.map((m) => m.date)].sort());
      }),
    );
  });
});
