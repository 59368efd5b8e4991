import { describe, expect, it } from "vitest";
import type { BusinessCaseFigures } from "./business-case.ts";
import { sensitivity } from "./sensitivity.ts";

describe("sensitivity of the NPV", () => {
  const figures: BusinessCaseFigures = {
    startYear: 2027,
    horizonYears: 2,
    discountRate: 0,
    costs: [{ category: "utveckling", year: 2027, low: 100_000, expected: 100_000, high: 100_000, note: null }],
    benefits: [
      { category: "kvalitet", beneficiary: "privatpersoner", year: 2028, low: 10_000, expected: 10_000, high: 10_000, note: null },
    ],
    computed: [
      {
        year: 2028,
        amount: { low: 0, expected: 200_000, high: 0 },
        flows: [
          {
            flowId: "f1",
            name: "Kallelser",
            costPerLetterSek: 10,
            digital: { low: 0, expected: 20_000, high: 0 },
            amount: { low: 0, expected: 200_000, high: 0 },
          },
        ],
      },
    ],
  };

  it("moves each input 20 % down and up and puts the largest swing first", () => {
    const result = sensitivity(figures);
    expect(result.baseNpv).toBe(110_000);
    expect(result.rows.map((r) => [r.input.kind, r.npvDown, r.npvUp, r.swing])).toEqual([
      // The flow's 200 000 kr ± 40 000.
      ["flow", 70_000, 150_000, 80_000],
      // Development 100 000 ± 20 000: more cost, less NPV.
      ["cost", 130_000, 90_000, 40_000],
      ["benefit", 108_000, 112_000, 4_000],
    ]);
  });

  it("includes the discount rate when there is one", () => {
    const result = sensitivity({ ...figures, discountRate: 0.1 });
    const rate = result.rows.find((r) => r.input.kind === "discountRate");
    // 2028's 210 000 discounted at 8 % and at 12 %, 2027's −100 000 not discounted.
    expect(rate?.npvDown).toBeCloseTo(-100_000 + 210_000 / 1.08, 1);
    expect(rate?.npvUp).toBeCloseTo(-100_000 + 210_000 / 1.12, 1);
  });
});
