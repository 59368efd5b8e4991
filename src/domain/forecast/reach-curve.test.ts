import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { monthIndexOf } from "./calendar-month.ts";
import { RECIPIENT_TYPES, reachShare } from "./reach-curve.ts";

const at = (month: string) => monthIndexOf(month as `${number}-${number}`);

describe("the default reach curve", () => {
  it("reaches 0.75 of private persons at the end of 2024, the sourced default", () => {
    expect(reachShare("privatperson", at("2024-12"))).toBeCloseTo(0.75, 10);
  });

  it("scales the other year-ends by Digg's mailbox counts", () => {
    expect(reachShare("privatperson", at("2015-12"))).toBeCloseTo((0.75 * 310_016) / 6_220_000, 10);
    expect(reachShare("privatperson", at("2021-12"))).toBeCloseTo((0.75 * 5_472_899) / 6_220_000, 10);
    expect(reachShare("privatperson", at("2027-12"))).toBeCloseTo((0.75 * 6.8) / 6.22, 10);
  });

  it("grows after 2027 by 75 % of the previous year's increase", () => {
    // 2028: 6.8 M + 0.75 · 0.125 M = 6.89375 M.
    expect(reachShare("privatperson", at("2028-12"))).toBeCloseTo((0.75 * 6.89375) / 6.22, 10);
  });

  it("interpolates a twelfth of the year's change per month", () => {
    const end2024 = 0.75;
    const end2025 = (0.75 * 6.5) / 6.22;
    expect(reachShare("privatperson", at("2025-01"))).toBeCloseTo(end2024 + (end2025 - end2024) / 12, 10);
    expect(reachShare("privatperson", at("2025-06"))).toBeCloseTo(end2024 + (end2025 - end2024) / 2, 10);
  });

  it("holds the 2015 figure before 2015, where the source has none", () => {
    expect(reachShare("privatperson", at("2010-03"))).toBe(reachShare("privatperson", at("2015-12")));
  });

  it("gives companies half the private share and a mixed flow the mean of the two", () => {
    const month = at("2026-04");
    const privateShare = reachShare("privatperson", month);
    expect(reachShare("foretag", month)).toBeCloseTo(privateShare / 2, 12);
    expect(reachShare("blandat", month)).toBeCloseTo((privateShare + privateShare / 2) / 2, 12);
  });

  it("stays within [0, 1] and never falls from one month to the next, for every recipient type", () => {
    fc.assert(
      fc.property(fc.constantFrom(...RECIPIENT_TYPES), fc.integer({ min: at("1990-01"), max: at("9998-12") }), (type, month) => {
        const share = reachShare(type, month);
        expect(share).toBeGreaterThanOrEqual(0);
        expect(share).toBeLessThanOrEqual(1);
        expect(reachShare(type, month + 1)).toBeGreaterThanOrEqual(share);
      }),
    );
  });
});

describe("an initiative's override", () => {
  const overrides = { foretag: { 2026: 0.4 } };

  it("replaces the default in every month of the years it names, for its recipient type only", () => {
    expect(reachShare("foretag", at("2026-01"), overrides)).toBe(0.4);
    expect(reachShare("foretag", at("2026-12"), overrides)).toBe(0.4);
    expect(reachShare("privatperson", at("2026-06"), overrides)).toBe(reachShare("privatperson", at("2026-06")));
  });

  it("leaves the default in the other years", () => {
    expect(reachShare("foretag", at("2025-12"), overrides)).toBe(reachShare("foretag", at("2025-12")));
    expect(reachShare("foretag", at("2027-01"), overrides)).toBe(reachShare("foretag", at("2027-01")));
  });

  it("may set a year to zero", () => {
    expect(reachShare("blandat", at("2030-05"), { blandat: { 2030: 0 } })).toBe(0);
  });
});
