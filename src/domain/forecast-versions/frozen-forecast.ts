import type { Database } from "../../db/database.ts";
import { currentForecastMonth, DEFAULT_FORECAST_MONTHS, forecastFlowOf, forecastInputsOf } from "../flows/initiative-forecast.ts";
import { type Forecast, forecast } from "../forecast/forecast.ts";
import type { ReachOverrides } from "../forecast/reach-curve.ts";
import { type PlanFlow, planFlowOf } from "./plan.ts";

/** What a version freezes: the forecast, the plan it was computed from, and the reach overrides it used. */
export type FrozenForecast = { forecast: Forecast; plan: PlanFlow[]; reach: ReachOverrides };

/**
 * The initiative's forecast as its flows stand now, with the plan behind it: by default from this
 * month in Stockholm for the five years the förvaltningsgrupp is told about. Reads in the caller's
 * transaction, so a decision freezes exactly what it saw.
 */
export async function currentFrozenForecast(
  db: Database,
  initiativeId: string,
  { now, from, months = DEFAULT_FORECAST_MONTHS }: { now: Date; from?: Forecast["from"]; months?: number },
): Promise<FrozenForecast> {
  const { flows, reach } = await forecastInputsOf(db, initiativeId);
  return {
    forecast: forecast({ flows: flows.map(forecastFlowOf), from: from ?? currentForecastMonth(now), months, reach }),
    plan: flows.map(planFlowOf),
    reach,
  };
}
