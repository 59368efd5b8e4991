import { describe, expect, it } from "vitest";
import { fieldIssues } from "../shared/zod-issues.ts";
import { BenefitInput, benefitDateIssues, MeasurementInput, measurementIssues } from "./benefit-input.ts";

const fewerLetters = {
  name: "Färre pappersbrev",
  metric: "Pappersbrev per månad",
  unit: "brev",
  baselineValue: 1000,
  baselineDate: "2027-01-01",
  targetValue: 250,
  targetDate: "2028-12-31",
};

const pathsOf = (input: unknown) => {
  const r = BenefitInput.safeParse(input);
  return r.success ? [] : fieldIssues(r.error).map((i) => i.path.join("."));
};

describe("a benefit as the API and forms take it", () => {
  it("takes the contract's fields and gives the rest their defaults", () => {
    expect(BenefitInput.parse(fewerLetters)).toMatchObject({
      ...fewerLetters,
      owner: "",
      ownerUserId: null,
      frequency: null,
      howRealised: "",
      category: null,
      beneficiary: null,
      derivedFromFlowIds: [],
      gapCause: "",
    });
  });

  it("names the field of each value that is not a number, a date or a choice", () => {
    expect(pathsOf({ ...fewerLetters, baselineValue: "tusen" })).toEqual(["baselineValue"]);
    expect(pathsOf({ ...fewerLetters, targetValue: null })).toEqual(["targetValue"]);
    expect(pathsOf({ ...fewerLetters, targetDate: "2028-02-30" })).toEqual(["targetDate"]);
    expect(pathsOf({ ...fewerLetters, frequency: 0 })).toEqual(["frequency"]);
    expect(pathsOf({ ...fewerLetters, frequency: 61 })).toEqual(["frequency"]);
    expect(pathsOf({ ...fewerLetters, frequency: 1.5 })).toEqual(["frequency"]);
    expect(pathsOf({ ...fewerLetters, category: "lycka" })).toEqual(["category"]);
    expect(pathsOf({ ...fewerLetters, beneficiary: "kommunen" })).toEqual(["beneficiary"]);
    expect(pathsOf({ ...fewerLetters, derivedFromFlowIds: ["bygglov"] })).toEqual(["derivedFromFlowIds.0"]);
    expect(pathsOf({ ...fewerLetters, name: " " })).toEqual(["name"]);
  });

  it("accepts frequencies of 1 and 60 months and rounds values to what is stored", () => {
    expect(BenefitInput.parse({ ...fewerLetters, frequency: 1 }).frequency).toBe(1);
    expect(BenefitInput.parse({ ...fewerLetters, frequency: 60 }).frequency).toBe(60);
    expect(BenefitInput.parse({ ...fewerLetters, baselineValue: 11.123456 }).baselineValue).toBe(11.1235);
  });

  it("refuses a target date before the baseline date, and allows the same day", () => {
    expect(benefitDateIssues({ baselineDate: "2027-01-01", targetDate: "2026-12-31" })).toEqual([
      expect.objectContaining({ path: ["targetDate"], code: "target_before_baseline" }),
    ]);
    expect(benefitDateIssues({ baselineDate: "2027-01-01", targetDate: "2027-01-01" })).toEqual([]);
  });
});

describe("a measurement", () => {
  it("takes a date, a value and an optional note", () => {
    expect(MeasurementInput.parse({ date: "2027-06-30", value: 800 })).toEqual({ date: "2027-06-30", value: 800, note: "" });
    expect(MeasurementInput.safeParse({ date: "2027-06-30", value: "åttahundra" }).success).toBe(false);
  });

  it("is refused on a day before the benefit's baseline, at the path it is given", () => {
    expect(measurementIssues({ baselineDate: "2027-01-01" }, { date: "2026-12-31" })).toEqual([
      expect.objectContaining({ path: ["date"], code: "before_baseline" }),
    ]);
    expect(measurementIssues({ baselineDate: "2027-01-01" }, { date: "2026-12-31" }, ["rows", 3])[0]?.path).toEqual(["rows", 3, "date"]);
    expect(measurementIssues({ baselineDate: "2027-01-01" }, { date: "2027-01-01" })).toEqual([]);
  });
});
