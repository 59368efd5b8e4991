import { describe, expect, it } from "vitest";
import { type MeasuredBenefit, type ReviewableRisk, valueDue, valueSubjectKey } from "./value-reminders.ts";

const initiatives = [
  { id: "i-1", projectManagerId: "pl" },
  { id: "i-2", projectManagerId: null },
];
const risk = (over: Partial<ReviewableRisk>): ReviewableRisk => ({
  id: "r-1",
  initiativeId: "i-1",
  title: "Sen leverans",
  ownerUserId: "owner",
  status: "hanteras",
  reviewDate: "2027-03-01",
  ...over,
});
const benefit = (over: Partial<MeasuredBenefit>): MeasuredBenefit => ({
  id: "b-1",
  initiativeId: "i-1",
  name: "Lägre portokostnad",
  metric: "Kronor per år",
  frequencyMonths: 1,
  baselineDate: "2027-01-31",
  latestMeasurement: null,
  measuredByUserId: "measurer",
  ownerUserId: "owner",
  ...over,
});
const due = (today: string, risks: ReviewableRisk[], benefits: MeasuredBenefit[] = []) => valueDue({ today, initiatives, risks, benefits });

describe("what the risk register and the benefit plan ask of people", () => {
  it("asks the owner to follow up a risk once its review day has passed, unless it is closed", () => {
    expect(due("2027-03-01", [risk({})])).toEqual([]);
    expect(due("2027-03-02", [risk({})])).toEqual([
      { about: "risk", id: "r-1", initiativeId: "i-1", title: "Sen leverans", dueDate: "2027-03-01", responsible: "owner" },
    ]);
    expect(due("2027-03-02", [risk({ status: "stangd" })])).toEqual([]);
    expect(due("2027-03-02", [risk({ reviewDate: null })])).toEqual([]);
  });

  it("asks the projektledare when no member owns the risk, and nobody when there is none", () => {
    expect(due("2027-03-02", [risk({ ownerUserId: null })])[0]?.responsible).toBe("pl");
    expect(due("2027-03-02", [risk({ ownerUserId: null, initiativeId: "i-2" })])[0]?.responsible).toBeNull();
  });

  it("asks who measures a benefit once a measurement is due: 31 January + 1 month is 28 February", () => {
    expect(due("2027-02-27", [], [benefit({})])).toEqual([]);
    expect(due("2027-02-28", [], [benefit({})])).toEqual([
      {
        about: "benefit",
        id: "b-1",
        initiativeId: "i-1",
        name: "Lägre portokostnad",
        metric: "Kronor per år",
        dueDate: "2027-02-28",
        responsible: "measurer",
      },
    ]);
    expect(due("2027-03-10", [], [benefit({ latestMeasurement: "2027-03-01" })])).toEqual([]);
    expect(due("2099-01-01", [], [benefit({ frequencyMonths: null })])).toEqual([]);
  });

  it("falls back from who measures to the nyttoägare to the projektledare", () => {
    expect(due("2027-03-01", [], [benefit({ measuredByUserId: null })])[0]?.responsible).toBe("owner");
    expect(due("2027-03-01", [], [benefit({ measuredByUserId: null, ownerUserId: null })])[0]?.responsible).toBe("pl");
  });

  it("keys each reminder by its subject and due day, so a moved date reminds again", () => {
    const [a] = due("2027-03-02", [risk({})]);
    const [b] = due("2027-04-02", [risk({ reviewDate: "2027-04-01" })]);
    expect(a && valueSubjectKey(a)).toBe("risk:r-1:2027-03-01");
    expect(b && valueSubjectKey(b)).not.toBe(a && valueSubjectKey(a));
  });

  it("leaves out what belongs to initiatives not given", () => {
    expect(due("2027-03-02", [risk({ initiativeId: "elsewhere" })], [benefit({ initiativeId: "elsewhere" })])).toEqual([]);
  });
});
