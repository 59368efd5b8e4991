import type { Database } from "../../db/database.ts";
import { currentForecastMonth } from "../flows/initiative-forecast.ts";
import { generationCache } from "./generation-cache.ts";
import { type OpenDataConnection, openDataConnections } from "./open-data.ts";
import { everyPortfolioRow } from "./read-portfolio.ts";

/**
 * The public export, for anyone: computed at most once per generation and month on each app server.
 * The forecast generation advances in the same commit as any change it shows (an initiative marked or
 * unmarked publishable, a decision, a flow), so unmarking takes the initiative out of the very next
 * answer, and a flood of anonymous requests costs one small read each.
 */
const cached = generationCache<OpenDataConnection[]>("forecast", 2);

export function readOpenData({ db, now }: { db: Database; now: Date }): Promise<OpenDataConnection[]> {
  return cached(db, currentForecastMonth(now), () => everyPortfolioRow(db, now).then(openDataConnections));
}
