import { describe, expect, it } from "vitest";
import { evaluateBenefit, latestMeasurement } from "./benefit-evaluation.ts";

const paperLetters = { baselineValue: 10_000, baselineDate: "2026-01-01", targetValue: 4_000, targetDate: "2028-12-31" };

describe("evaluating a benefit against its target", () => {
  it("is not measured until a measurement exists", () => {
    expect(evaluateBenefit(paperLetters, [])).toMatchObject({ actual: null, gap: null, realisation: "ej_matt" });
  });

  it("takes the latest measurement, gap = actual − target, progress along the way down", () => {
    const result = evaluateBenefit(paperLetters, [
      { date: "2027-06-30", value: 7_000 },
      { date: "2026-12-31", value: 9_000 },
    ]);
    expect(result).toEqual({
      target: 4_000,
      actual: 7_000,
      actualDate: "2027-06-30",
      gap: 3_000,
      gapShare: 0.75,
      progress: 0.5,
      realisation: "delvis",
    });
  });

  it("calls a benefit that reached or passed its target realised, one that went the wrong way not realised", () => {
    expect(evaluateBenefit(paperLetters, [{ date: "2028-12-31", value: 3_500 }]).realisation).toBe("realiserad");
    expect(evaluateBenefit(paperLetters, [{ date: "2028-12-31", value: 11_000 }]).realisation).toBe("ej_realiserad");
  });

  it("picks the later of two measurements on one day", () => {
    expect(
      latestMeasurement([
        { date: "2027-01-01", value: 1 },
        { date: "2027-01-01", value: 2 },
      ])?.value,
    ).toBe(2);
  });
});
