import { describe, expect, it } from "vitest";
import { byYear, nationalPlan } from "./national-plan.ts";
import type { PortfolioRow } from "./portfolio-rows.ts";

const row = (plannedProductionDate: string | null, organisationKind: PortfolioRow["organisationKind"] = "kommun") =>
  ({ plannedProductionDate, organisationKind }) as PortfolioRow;

describe("the national connection plan", () => {
  it("counts initiatives per quarter of production by kind, every quarter between the first and the last", () => {
    const plan = nationalPlan([row("2027-02-01"), row("2027-03-31", "region"), row("2027-10-01", "statlig"), row(null)]);
    expect(plan.map((q) => [q.quarter, q.total])).toEqual([
      ["2027-Q1", 2],
      ["2027-Q2", 0],
      ["2027-Q3", 0],
      ["2027-Q4", 1],
    ]);
    expect(plan[0]?.byKind).toEqual({ statlig: 0, kommun: 1, region: 1, privat: 0 });
  });

  it("is empty without planned days, and stops ten years after the first quarter", () => {
    expect(nationalPlan([row(null)])).toEqual([]);
    const plan = nationalPlan([row("2027-01-01"), row("2099-01-01")]);
    expect(plan).toHaveLength(40);
    expect(plan.reduce((s, q) => s + q.total, 0)).toBe(1);
  });

  it("sums months per calendar year", () => {
    expect(
      byYear(
        [
          { month: "2027-11", n: 1 },
          { month: "2027-12", n: 2 },
          { month: "2028-01", n: 4 },
        ],
        (m) => m.n,
      ),
    ).toEqual([
      { year: "2027", value: 3 },
      { year: "2028", value: 4 },
    ]);
  });
});
