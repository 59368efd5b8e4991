import type { Database } from "../../db/database.ts";
import { forecastInitiatives } from "../../db/repositories/portfolio-repository.ts";
import type { YearMonth } from "../volumes/volume-series.ts";
import { generationCache } from "./generation-cache.ts";
import { type NationalForecast, nationalForecast } from "./national-forecast.ts";

/**
 * The national forecast reads every flow of every organisation (20,000 at national scale), so each
 * app server keeps the last few it computed, keyed by the forecast generation, which migration 0019's
 * triggers advance with any change to flows, reach overrides, initiatives, organisations or decisions.
 */
const cached = generationCache<NationalForecast>("forecast", 8);

export function cachedNationalForecast(db: Database, from: YearMonth, months: number): Promise<NationalForecast> {
  return cached(db, `${from}|${months}`, () =>
    forecastInitiatives(db).then((initiatives) => nationalForecast({ initiatives, from, months })),
  );
}
