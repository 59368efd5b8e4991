import type { Database } from "../../db/database.ts";
import { forecastInitiatives, portfolioGeneration } from "../../db/repositories/portfolio-repository.ts";
import type { YearMonth } from "../volumes/volume-series.ts";
import { type NationalForecast, nationalForecast } from "./national-forecast.ts";

/**
 * The national forecast reads every flow of every organisation (20,000 at national scale), so each
 * app server keeps the last few it computed, keyed by the database's portfolio generation: a number
 * that migration 0019's triggers advance in the same commit as any change to flows, reach overrides,
 * initiatives or organisations. The generation is read before the flows, so a result is never filed
 * under a generation newer than its data: a stale entry cannot be served, and app servers stay
 * stateless (each learns of another's writes from the database).
 */
const KEEP = 8;
const caches = new WeakMap<Database, Map<string, Promise<NationalForecast>>>();

export async function cachedNationalForecast(db: Database, from: YearMonth, months: number): Promise<NationalForecast> {
  const generation = await portfolioGeneration(db);
  let cache = caches.get(db);
  if (!cache) {
    cache = new Map();
    caches.set(db, cache);
  }
  const key = `${generation}|${from}|${months}`;
  const hit = cache.get(key);
  if (hit) {
    // Most recently used last, so the oldest is the first to go.
    cache.delete(key);
    cache.set(key, hit);
    return hit;
  }
  // The promise is kept at once, so requests that miss together compute once.
  const computing = forecastInitiatives(db).then((initiatives) => nationalForecast({ initiatives, from, months }));
  cache.set(key, computing);
  computing.catch(() => cache.delete(key));
  for (const old of cache.keys()) {
    if (cache.size <= KEEP) break;
    cache.delete(old);
  }
  return computing;
}
