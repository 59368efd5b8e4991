import { describe, expect, it } from "vitest";
import { fieldIssues } from "../shared/zod-issues.ts";
import { forecast } from "./forecast.ts";
import { EVEN_SEASONALITY, forecastInput } from "./forecast-input.ts";

const flow = { id: "f1", recipientType: "privatperson", annualVolume: 12_000 };
const valid = { flows: [flow], from: "2026-01", months: 60 };

/** The field paths and codes an input is refused with, as the API will report them. */
function refusal(input: unknown) {
  const result = forecastInput.safeParse(input);
  if (result.success) return [];
  return fieldIssues(result.error).map((i) => ({ path: i.path.join("."), code: i.code }));
}

const withFlow = (fields: Record<string, unknown>) => ({ ...valid, flows: [{ ...flow, ...fields }] });

describe("forecastInput", () => {
  it("fills in an even seasonality, the status identifierad and no reach override", () => {
    const parsed = forecastInput.parse(valid);
    expect(parsed.flows[0]).toMatchObject({ seasonality: EVEN_SEASONALITY, status: "identifierad" });
    expect(parsed.reach).toEqual({});
  });

  it("accepts a seasonality summing to 1 within 0.001", () => {
    expect(refusal(withFlow({ seasonality: [...Array(11).fill(0.08), 0.1205] }))).toEqual([]);
  });

  it.each([
    ["eleven shares", Array(11).fill(1 / 11), "seasonality_length"],
    ["a negative share", [-0.1, 0.2, ...Array(10).fill(0.09)], "seasonality_share"],
    ["a sum of 1.002", [...Array(11).fill(0.08), 0.122], "seasonality_sum"],
  ])("refuses a seasonality with %s", (_, seasonality, code) => {
    expect(refusal(withFlow({ seasonality }))).toContainEqual({ path: expect.stringMatching(/^flows\.0\.seasonality/), code });
  });

  it.each([
    [-1, "annual_volume_range"],
    [1_000_000_001, "annual_volume_range"],
    [12.5, "whole_number"],
    ["12000", "whole_number"],
  ])("refuses the annual volume %s", (annualVolume, code) => {
    expect(refusal(withFlow({ annualVolume }))).toEqual([{ path: "flows.0.annualVolume", code }]);
  });

  it("accepts the largest annual volume, 10⁹", () => {
    expect(refusal(withFlow({ annualVolume: 1_000_000_000 }))).toEqual([]);
  });

  it("refuses impossible dates on their own paths", () => {
    expect(refusal(withFlow({ plannedTestDate: "2026-02-30", plannedProductionDate: "2026-13-01" }))).toEqual([
      { path: "flows.0.plannedTestDate", code: "date" },
      { path: "flows.0.plannedProductionDate", code: "date" },
    ]);
  });

  it("refuses a test date after the production date, on the test date", () => {
    expect(refusal(withFlow({ plannedTestDate: "2026-06-02", plannedProductionDate: "2026-06-01" }))).toEqual([
      { path: "flows.0.plannedTestDate", code: "test_after_production" },
    ]);
  });

  it("accepts a production date long past: the flow may already be connected", () => {
    expect(refusal(withFlow({ plannedTestDate: "2015-01-01", plannedProductionDate: "2015-01-01" }))).toEqual([]);
  });

  it.each(["2026-13", "2026-1", "26-01", "2026-00"])("refuses the month %s", (from) => {
    expect(refusal({ ...valid, from })).toEqual([{ path: "from", code: "month" }]);
  });

  it.each([0, 241, 1.5])("refuses %s months", (months) => {
    expect(refusal({ ...valid, months })).toEqual([{ path: "months", code: "forecast_months" }]);
  });

  it("reads the months from a query string", () => {
    expect(forecastInput.parse({ ...valid, months: "240" }).months).toBe(240);
  });

  it("refuses an unknown recipient type and a reach share above 1", () => {
    expect(refusal({ ...withFlow({ recipientType: "kommun" }), reach: { privatperson: { 2026: 1.2 } } })).toEqual([
      { path: "flows.0.recipientType", code: "invalid_choice" },
      { path: "reach.privatperson.2026", code: "share_range" },
    ]);
  });

  it("parses into exactly what the forecast takes", () => {
    const input = forecastInput.parse({ ...withFlow({ plannedProductionDate: "2026-01-01" }), reach: { privatperson: { 2026: 0.5 } } });
    expect(forecast(input).months[0]).toEqual({ month: "2026-01", volume: 1000, digital: 500, paper: 500 });
  });
});
