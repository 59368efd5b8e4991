import type { FlowRow } from "../../db/repositories/flow-repository.ts";
import { flowsOf } from "../../db/repositories/flow-repository.ts";
import { stockholmDay } from "../follow-up/follow-up-rules.ts";
import { monthIndexOfDay, yearMonthAt } from "../forecast/calendar-month.ts";
import { type Forecast, forecast } from "../forecast/forecast.ts";
import type { ForecastFlow, Seasonality } from "../forecast/forecast-input.ts";
import { readableInitiative } from "../initiatives/read-initiatives.ts";
import type { UseCaseContext } from "../shared/use-case.ts";

/** Five years ahead unless asked: the horizon the förvaltningsgrupp is told volumes for. */
export const DEFAULT_FORECAST_MONTHS = 60;

/** A stored flow as the forecast reads it: the table's checks already hold it to the forecast's rules. */
const forecastFlowOf = (f: FlowRow): ForecastFlow => ({
  id: f.id,
  recipientType: f.recipientType as ForecastFlow["recipientType"],
  annualVolume: f.annualVolume,
  seasonality: f.seasonality as unknown as Seasonality,
  status: f.status as ForecastFlow["status"],
  ...(f.plannedTestDate ? { plannedTestDate: f.plannedTestDate } : {}),
  ...(f.plannedProductionDate ? { plannedProductionDate: f.plannedProductionDate } : {}),
});

/**
 * The initiative's volume forecast over its stored flows, for whoever may read it: from the given
 * month (default this month in Stockholm) for `months` months (default 60). The period is parsed at
 * the edge (forecastPeriod); the reach curve is the sourced default until initiatives store overrides.
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
  const flows = (await flowsOf(db, initiative.id)).map(forecastFlowOf);
  const start = (from ?? yearMonthAt(monthIndexOfDay(stockholmDay(now)))) as Forecast["from"];
  return forecast({ flows, from: start, months: months ?? DEFAULT_FORECAST_MONTHS });
}
