import type { Database } from "../../db/database.ts";
import { portfolioGeneration, volumePlanInitiatives } from "../../db/repositories/portfolio-repository.ts";
import { monthIndexOf, yearMonthAt } from "../forecast/calendar-month.ts";
import type { YearMonth } from "../volumes/volume-series.ts";
import { cachedNationalForecast } from "./national-forecast-cache.ts";
import { type VolumePlan, volumePlan } from "./national-volume-plan.ts";

/**
 * The national volume plan reads every initiative's latest frozen versions and actuals, so each app
 * server keeps the last few it computed, as national-forecast-cache.ts does: keyed by the database's
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
    const current = await cachedNationalForecast(db, from, months);
    const initiatives = await volumePlanInitiatives(db, from, yearMonthAt(monthIndexOf(from) + months));
    return volumePlan({ from, months, currentMonth, current, initiatives });
  })();
  cache.set(key, computing);
  computing.catch(() => cache.delete(key));
  for (const old of cache.keys()) {
    if (cache.size <= KEEP) break;
    cache.delete(old);
  }
  return computing;
}
