import { call } from "./api-call.ts";
import type { Scenario } from "./load.ts";
import type { ScenarioResult } from "./report.ts";

/*
 * Issue 11: the volume forecast of one initiative with 50 flows over 120 months, against reading the
 * initiative itself (GET /api/v1/initiatives/{id}) on the same server and in the same run. The goal:
 * the forecast's p50 at most 3× the initiative's.
 */

export const FORECAST_FLOWS = 50;
export const FORECAST_MONTHS = 120;
export const FORECAST_GOAL = 3;

const RECIPIENT_TYPES = ["privatperson", "foretag", "blandat"] as const;

/**
 * Registers the flows on the first initiative the bench user works on, each with its own volume,
 * seasonality and production date spread over the ten years, so every month has digital and paper.
 */
export async function forecastScenarios(baseUrl: string, token: string): Promise<Scenario[]> {
  const { initiatives } = (await call(baseUrl, token, "GET", "/api/v1/initiatives")) as { initiatives: { id: string }[] };
  const initiative = initiatives[0];
  if (!initiative) throw new Error("the bench user has no initiative to put flows on");
  const year = new Date().getUTCFullYear();
  for (let i = 0; i < FORECAST_FLOWS; i++) {
    const peak = i % 12;
    const seasonality = Array.from({ length: 12 }, (_, m) => (m === peak ? 2 / 13 : 1 / 13));
    await call(baseUrl, token, "POST", `/api/v1/initiatives/${initiative.id}/flows`, {
      name: `Benchflöde ${i + 1}`,
      recipientType: RECIPIENT_TYPES[i % RECIPIENT_TYPES.length],
      annualVolume: 1_000 + i * 7_919,
      seasonality,
      plannedTestDate: `${year + (i % 8)}-0${1 + (i % 6)}-01`,
      plannedProductionDate: `${year + (i % 8)}-${String(7 + (i % 6)).padStart(2, "0")}-15`,
      status: "prioriterad",
    });
  }
  const headers = { authorization: `Bearer ${token}`, accept: "application/json" };
  return [
    {
      id: "forecast",
      label: `GET forecast, ${FORECAST_FLOWS} flows × ${FORECAST_MONTHS} months`,
      path: `/api/v1/initiatives/${initiative.id}/forecast?months=${FORECAST_MONTHS}`,
      headers,
      expectBody: '"reachShare"',
    },
    {
      id: "initiative",
      label: "GET /api/v1/initiatives/{id}, the same initiative",
      path: `/api/v1/initiatives/${initiative.id}`,
      headers,
      expectBody: initiative.id,
    },
  ];
}

/** The forecast's p50 as a multiple of the initiative read's, and whether that meets the goal. */
export function forecastRatio(scenarios: readonly ScenarioResult[]): { p50Ratio: number; goal: number; met: boolean } | null {
  const forecast = scenarios.find((s) => s.id === "forecast");
  const initiative = scenarios.find((s) => s.id === "initiative");
  if (!forecast || !initiative) return null;
  const p50Ratio = forecast.latencyMs.p50 / initiative.latencyMs.p50;
  return { p50Ratio, goal: FORECAST_GOAL, met: p50Ratio <= FORECAST_GOAL };
}
