import type { Database } from "../../db/database.ts";
import { portfolioGeneration } from "../../db/repositories/portfolio-repository.ts";
import { currentForecastMonth } from "../flows/initiative-forecast.ts";
import { type OpenDataConnection, openDataConnections } from "./open-data.ts";
import { everyPortfolioRow } from "./read-portfolio.ts";

/**
 * The public export, for anyone: computed at most once per portfolio generation and month on each app
 * server. The generation advances in the same commit as any change it shows (an initiative marked or
 * unmarked publishable, a decision, a flow), so unmarking takes the initiative out of the very next
 * answer, and a flood of anonymous requests costs one small read each.
 */
let cached: { key: string; db: WeakRef<Database>; connections: Promise<OpenDataConnection[]> } | undefined;

export async function readOpenData({ db, now }: { db: Database; now: Date }): Promise<OpenDataConnection[]> {
  const key = `${await portfolioGeneration(db)}|${currentForecastMonth(now)}`;
  if (cached && cached.key === key && cached.db.deref() === db) return cached.connections;
  const connections = everyPortfolioRow(db, now).then(openDataConnections);
  cached = { key, db: new WeakRef(db), connections };
  connections.catch(() => {
    if (cached?.connections === connections) cached = undefined;
  });
  return connections;
}
