import type { Database } from "../../db/database.ts";
import { findPlanSettings } from "../../db/repositories/flow-plan-settings-repository.ts";
import type { FlowRow } from "../../db/repositories/flow-repository.ts";
import { flowsOf } from "../../db/repositories/flow-repository.ts";
import { stockholmDay } from "../follow-up/follow-up-rules.ts";
import { monthIndexOfDay, yearMonthAt } from "../forecast/calendar-month.ts";
import { type Forecast, forecast } from "../forecast/forecast.ts";
import type { ForecastFlow, Seasonality } from "../forecast/forecast-input.ts";
import type { ReachOverrides } from "../forecast/reach-curve.ts";
import { readableInitiative } from "../initiatives/read-initiatives.ts";
import type { UseCaseContext } from "../shared/use-case.ts";

/** Five years ahead unless asked: the horizon the förvaltningsgrupp is told volumes for. */
export const DEFAULT_FORECAST_MONTHS = 60;

/** A stored flow as the forecast reads it: the table's checks already hold it to the forecast's rules. */
export const forecastFlowOf = (f: FlowRow): ForecastFlow => ({
  id: f.id,
  recipientType: f.recipientType as ForecastFlow["recipientType"],
  annualVolume: f.annualVolume,
  seasonality: f.seasonality as unknown as Seasonality,
  status: f.status as ForecastFlow["status"],
  ...(f.plannedTestDate ? { plannedTestDate: f.plannedTestDate } : {}),
  ...(f.plannedProductionDate ? { plannedProductionDate: f.plannedProductionDate } : {}),
});

/** This month in Stockholm: where a forecast starts unless told. */
export const currentForecastMonth = (now: Date) => yearMonthAt(monthIndexOfDay(stockholmDay(now))) as Forecast["from"];

/** What a forecast of the initiative is computed from, as stored now: its flows and its reach overrides. */
export async function forecastInputsOf(db: Database, initiativeId: string): Promise<{ flows: FlowRow[]; reach: ReachOverrides }> {
  // In sequence: inside a transaction one connection runs one query at a time.
  const flows = await flowsOf(db, initiativeId);
  const settings = await findPlanSettings(db, initiativeId);
  return { flows, reach: (settings?.reachOverrides ?? {}) as ReachOverrides };
}

/**
 * The initiative's volume forecast over its stored flows, for whoever may read it: from the given
 * month (default this month in Stockholm) for `months` months (default 60), with the initiative's
 * reach overrides over the sourced default curve. The period is parsed at the edge (forecastPeriod).
 */
export async function initiativeForecast({
  db,
  actor,
  now,
  initiativeId,
  from,
  months,
}: UseCaseContext & { initiativeId: string; from?: string | undefined; months?: number | undefined }): Promise<Forecast> {
  const initiative = await readableInitiative({ db, actor }, initiativeId);
  const { flows, reach } = await forecastInputsOf(db, initiative.id);
  const start = (from as Forecast["from"] | undefined) ?? currentForecastMonth(now);
  return forecast({ flows: flows.map(forecastFlowOf), from: start, months: months ?? DEFAULT_FORECAST_MONTHS, reach });
}
