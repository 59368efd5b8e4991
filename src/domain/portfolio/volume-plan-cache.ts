import type { Database } from "../../db/database.ts";
import { actualPlanCells, frozenPlanCells, latestForecastVersions } from "../../db/repositories/portfolio-repository.ts";
import { monthIndexOf, yearMonthAt } from "../forecast/calendar-month.ts";
import type { YearMonth } from "../volumes/volume-series.ts";
import { generationCache } from "./generation-cache.ts";
import { cachedNationalForecast } from "./national-forecast-cache.ts";
import { chooseVersions, type VolumePlan, volumePlan } from "./national-volume-plan.ts";

/**
 * The national volume plan reads every initiative's latest frozen versions and actuals (at national
 * scale about 1,000 versions' JSON: some 1.7 s on PostgreSQL and 3 s on PGlite on a 2-core machine,
 * cold), so each app server keeps the last few it computed, keyed by the forecast generation: migration
 * 0019's triggers advance it with any change to flows, reach overrides, initiatives, organisations or
 * decisions (which freeze baselines), and 0020's with any re-forecast or actual. The month actuals run
 * to is in the key: a plan computed last month shows this month as not yet begun.
 */
const cached = generationCache<VolumePlan>("forecast", 8);

export function cachedVolumePlan(db: Database, from: YearMonth, months: number, currentMonth: YearMonth): Promise<VolumePlan> {
  return cached(db, `${from}|${months}|${currentMonth}`, async () => {
    const to = yearMonthAt(monthIndexOf(from) + months);
    // In sequence: four statements whatever the number of initiatives, each answering a few hundred rows at most.
    const current = await cachedNationalForecast(db, from, months);
    const chosen = chooseVersions(await latestForecastVersions(db));
    const frozen = await frozenPlanCells(db, chosen, from, to);
    const actual = await actualPlanCells(db, from, to);
    const { baselineIds: _b, estimateIds: _e, ...counted } = chosen;
    return volumePlan({
      from,
      months,
      currentMonth,
      current,
      ...frozen,
      actual: actual.cells,
      initiatives: { ...counted, withActuals: actual.initiatives },
    });
  });
}
