import { describe, expect, it } from "vitest";
import {
  deliverableType,
  isMilestoneNumeral,
  MILESTONE_NUMERALS,
  milestoneByNumeral,
  nextMilestone,
  phaseByNumber,
  previousMilestone,
} from "./lookup.ts";
import { methodV12 } from "./v1.2/index.ts";

describe("MILESTONE_NUMERALS", () => {
  it("lists I to VIII in method order", () => {
    expect(MILESTONE_NUMERALS).toEqual(["I", "II", "III", "IV", "V", "VI", "VII", "VIII"]);
  });
});

describe("isMilestoneNumeral", () => {
  it("accepts exactly the eight numerals", () => {
    for (const numeral of MILESTONE_NUMERALS) expect(isMilestoneNumeral(numeral)).toBe(true);
    for (const value of ["IX", "iv", "", " I", "4", 4, null, undefined]) expect(isMilestoneNumeral(value)).toBe(false);
  });
});

describe("milestoneByNumeral", () => {
  it("finds the milestone by numeral, not by position", () => {
    expect(milestoneByNumeral(methodV12, "VI").section).toBe("8.4");
  });

  it("throws for a method that lacks the milestone", () => {
    const method = { ...methodV12, milestones: methodV12.milestones.slice(0, 7) };
    expect(() => milestoneByNumeral(method, "VIII")).toThrow("has no milestone VIII");
  });
});

describe("nextMilestone and previousMilestone", () => {
  it("step through the milestones in method order", () => {
    expect(nextMilestone(methodV12, "IV")?.numeral).toBe("V");
    expect(previousMilestone(methodV12, "IV")?.numeral).toBe("III");
  });

  it("stop at the ends", () => {
    expect(nextMilestone(methodV12, "VIII")).toBeNull();
    expect(previousMilestone(methodV12, "I")).toBeNull();
  });
});

describe("phaseByNumber", () => {
  it("finds the phase by number", () => {
    expect(phaseByNumber(methodV12, 5).id).toBe("utveckla");
  });
});

describe("deliverableType", () => {
  it("finds a deliverable type by id and returns undefined for an unknown id", () => {
    expect(deliverableType(methodV12, "business-case")?.producedInPhase).toBe(3);
    expect(deliverableType(methodV12, "no-such-type")).toBeUndefined();
  });
});
