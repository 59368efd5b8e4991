import { call } from "./api-call.ts";
import type { Scenario } from "./load.ts";
import type { ScenarioResult } from "./report.ts";

/*
 * Issue 12: the business-case page of an initiative with 50 flows (those the forecast bench puts on it)
 * over a 15-year horizon, against the initiative's overview page on the same server and in the same
 * run, both as a signed-in browser asks for them. The goal: the business case's p50 at most 3× the
 * overview's.
 */

export const BUSINESS_CASE_YEARS = 15;
export const BUSINESS_CASE_GOAL = 3;

/** States a 15-year business case with a cost and a benefit line each year on the bench user's first initiative. */
export async function businessCaseScenarios(baseUrl: string, token: string, cookie: string): Promise<Scenario[]> {
  const { initiatives } = (await call(baseUrl, token, "GET", "/api/v1/initiatives")) as { initiatives: { id: string }[] };
  const initiative = initiatives[0];
  if (!initiative) throw new Error("the bench user has no initiative to state a business case on");
  const startYear = new Date().getUTCFullYear();
  const years = Array.from({ length: BUSINESS_CASE_YEARS }, (_, i) => startYear + i);
  await call(baseUrl, token, "PUT", `/api/v1/initiatives/${initiative.id}/business-case`, {
    startYear,
    horizonYears: BUSINESS_CASE_YEARS,
    discountRate: 0.03,
    costs: years.map((year, i) => ({
      category: i === 0 ? "utveckling" : "drift",
      year,
      low: 80_000,
      expected: 100_000,
      high: 130_000,
    })),
    benefits: years.map((year) => ({
      category: "omfordelad_tid",
      beneficiary: "organisation",
      year,
      low: 20_000,
      expected: 40_000,
      high: 50_000,
    })),
  });
  const headers = { cookie, accept: "text/html" };
  return [
    {
      id: "business-case-page",
      label: `GET /initiatives/{id}/business-case, 50 flows × ${BUSINESS_CASE_YEARS} years`,
      path: `/initiatives/${initiative.id}/business-case`,
      headers,
      expectBody: "</html>",
    },
    {
      id: "overview-page",
      label: "GET /initiatives/{id}, the same initiative's overview",
      path: `/initiatives/${initiative.id}`,
      headers,
      expectBody: "</html>",
    },
  ];
}

/** The business-case page's p50 as a multiple of the overview's, and whether that meets the goal. */
export function businessCaseRatio(scenarios: readonly ScenarioResult[]): { p50Ratio: number; goal: number; met: boolean } | null {
  const page = scenarios.find((s) => s.id === "business-case-page");
  const overview = scenarios.find((s) => s.id === "overview-page");
  if (!page || !overview) return null;
  const p50Ratio = page.latencyMs.p50 / overview.latencyMs.p50;
  return { p50Ratio, goal: BUSINESS_CASE_GOAL, met: p50Ratio <= BUSINESS_CASE_GOAL };
}
