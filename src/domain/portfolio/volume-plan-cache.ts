import type { Database } from "../../db/database.ts";
import {
  actualPlanCells,
  frozenPlanCells,
  latestForecastVersions,
  portfolioGeneration,
} from "../../db/repositories/portfolio-repository.ts";
import { monthIndexOf, yearMonthAt } from "../forecast/calendar-month.ts";
import type { YearMonth } from "../volumes/volume-series.ts";
import { cachedNationalForecast } from "./national-forecast-cache.ts";
import { chooseVersions, type VolumePlan, volumePlan } from "./national-volume-plan.ts";

/**
 * The national volume plan reads every initiative's latest frozen versions and actuals (at national
 * scale, about 1,000 versions' JSON: some 1.7 s on PostgreSQL and 3 s on PGlite on a 2-core machine,
 * cold), so each app server keeps the last few it computed, as national-forecast-cache.ts does: keyed by the database's
 * portfolio generation, which migrations 0019 and 0020 advance at the commit of any change to flows,
 * decisions, forecast versions or actuals. The generation is read before the data, so an entry is
 * never filed under a generation newer than what it was computed from. The month actuals run to is in
 * the key: a plan computed last month shows this month as not yet begun.
 */
const KEEP = 8;
const caches = new WeakMap<Database, Map<string, Promise<VolumePlan>>>();

export async function cachedVolumePlan(db: Database, from: YearMonth, months: number, currentMonth: YearMonth): Promise<VolumePlan> {
  const generation = await portfolioGeneration(db);
  let cache = caches.get(db);
  if (!cache) {
    cache = new Map();
    caches.set(db, cache);
  }
  const key = `${generation}|${from}|${months}|${currentMonth}`;
  const hit = cache.get(key);
  if (hit) {
    // Most recently used last, so the oldest is the first to go.
    cache.delete(key);
    cache.set(key, hit);
    return hit;
  }
  // The promise is kept at once, so requests that miss together compute once.
  const computing = (async () => {
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
  })();
  cache.set(key, computing);
  computing.catch(() => cache.delete(key));
  for (const old of cache.keys()) {
    if (cache.size <= KEEP) break;
    cache.delete(old);
  }
  return computing;
}
