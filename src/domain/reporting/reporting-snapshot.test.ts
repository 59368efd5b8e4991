import { describe, expect, it } from "vitest";
import type { InitiativeStatus } from "../initiatives/initiative-status.ts";
import { compareReports, digitalPerYear, lastDecisionOf, type ReportSnapshot } from "./reporting-snapshot.ts";

const flow = (id: string, name: string, plannedProductionDate: string | null) => ({
  id,
  name,
  recipientType: "privatperson",
  annualVolume: 1200,
  plannedTestDate: null,
  plannedProductionDate,
  status: "prioriterad",
  tactic: null,
});

const snapshot = (over: Partial<ReportSnapshot>): ReportSnapshot => ({
  schema: 1,
  initiative: { id: "i", name: "Initiativet" },
  organisation: { id: "o", name: "Kommunen", kind: "kommun" },
  phase: { current: 3, completed: false },
  lastDecision: null,
  flows: [],
  forecast: { from: "2027-01", months: [], digitalPerYear: [] },
  benefits: [],
  ...over,
});

describe("a report's numbers", () => {
  it("sums digital messages per calendar year, part years included", () => {
    const months = [
      { month: "2027-11", digital: 10 },
      { month: "2027-12", digital: 20 },
      { month: "2028-01", digital: 5 },
    ];
    expect(digitalPerYear(months)).toEqual([
      { year: 2027, digital: 30 },
      { year: 2028, digital: 5 },
    ]);
  });

  it("takes the latest current decision as the last, the later milestone of two on one day", () => {
    const status = {
      milestones: [
        { numeral: "I", status: "go", decisionId: "a", decidedOn: "2027-01-10" },
        { numeral: "II", status: "go_with_conditions", decisionId: "b", decidedOn: "2027-03-01" },
        { numeral: "III", status: "rework", decisionId: "c", decidedOn: "2027-03-01" },
        { numeral: "IV", status: "not_decided", decisionId: null, decidedOn: null },
      ],
    } as unknown as InitiativeStatus;
    expect(lastDecisionOf(status)).toEqual({ numeral: "III", outcome: "rework", decidedOn: "2027-03-01" });
    expect(lastDecisionOf({ milestones: [] } as unknown as InitiativeStatus)).toBeNull();
  });

  it("compares a report with the one before: the years of the current one, every flow of either, days moved", () => {
    const previous = snapshot({
      flows: [flow("a", "Bygglov", "2027-03-01"), flow("gone", "Borttaget", "2027-01-01")],
      forecast: {
        from: "2026-07",
        months: [],
        digitalPerYear: [
          { year: 2026, digital: 100 },
          { year: 2027, digital: 400 },
        ],
      },
    });
    const now = snapshot({
      flows: [flow("a", "Bygglov", "2027-02-26"), flow("new", "Nytt", null)],
      forecast: {
        from: "2027-01",
        months: [],
        digitalPerYear: [
          { year: 2027, digital: 450 },
          { year: 2028, digital: 900 },
        ],
      },
    });
    const c = compareReports({ roundName: "Förra", submittedAt: new Date("2026-07-15T10:00:00Z"), snapshot: previous }, now);
    expect(c.previousRoundName).toBe("Förra");
    expect(c.previousSubmittedAt).toBe("2026-07-15T10:00:00.000Z");
    expect(c.digitalPerYear).toEqual([
      { year: 2027, previous: 400, now: 450, difference: 50 },
      { year: 2028, previous: null, now: 900, difference: null },
    ]);
    expect(c.productionDates).toEqual([
      { flowId: "a", name: "Bygglov", previous: "2027-03-01", now: "2027-02-26", differenceDays: -3 },
      { flowId: "new", name: "Nytt", previous: null, now: null, differenceDays: null },
      { flowId: "gone", name: "Borttaget", previous: "2027-01-01", now: null, differenceDays: null },
    ]);
  });
});
