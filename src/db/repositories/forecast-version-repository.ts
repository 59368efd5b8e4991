import { and, desc, eq, sql } from "drizzle-orm";
import type { Database } from "../database.ts";
import { forecastVersions } from "../schema.ts";

/** Frozen forecasts of an initiative: baselines frozen by decisions and re-forecasts. Inserted, never updated. */

export type ForecastVersionRow = typeof forecastVersions.$inferSelect;
export type NewForecastVersion = typeof forecastVersions.$inferInsert;

/** What a list of versions shows: everything but the frozen figures. */
const meta = {
  id: forecastVersions.id,
  initiativeId: forecastVersions.initiativeId,
  kind: forecastVersions.kind,
  milestone: forecastVersions.milestone,
  decisionId: forecastVersions.decisionId,
  reason: forecastVersions.reason,
  createdAt: forecastVersions.createdAt,
  createdBy: forecastVersions.createdBy,
  createdByName: forecastVersions.createdByName,
};
export type ForecastVersionMeta = Pick<ForecastVersionRow, keyof typeof meta>;

export async function insertForecastVersion(db: Database, values: NewForecastVersion): Promise<ForecastVersionRow> {
  const [row] = await db.insert(forecastVersions).values(values).returning();
  if (!row) throw new Error("insert forecast_versions returned nothing");
  return row;
}

/** Newest first, each with the month its forecast starts; id breaks a tie of two saved in the same instant. */
export const versionsOf = (db: Database, initiativeId: string): Promise<(ForecastVersionMeta & { from: string })[]> =>
  db
    .select({ ...meta, from: sql<string>`${forecastVersions.forecast}->>'from'` })
    .from(forecastVersions)
    .where(eq(forecastVersions.initiativeId, initiativeId))
    .orderBy(desc(forecastVersions.createdAt), desc(forecastVersions.id));

/** One version of the initiative; another initiative's id finds nothing. */
export async function findForecastVersion(db: Database, initiativeId: string, versionId: string): Promise<ForecastVersionRow | undefined> {
  const [row] = await db
    .select()
    .from(forecastVersions)
    .where(and(eq(forecastVersions.initiativeId, initiativeId), eq(forecastVersions.id, versionId)));
  return row;
}

/** The latest baseline: what actuals are measured against. */
export async function latestBaseline(db: Database, initiativeId: string): Promise<ForecastVersionRow | undefined> {
  const [row] = await db
    .select()
    .from(forecastVersions)
    .where(and(eq(forecastVersions.initiativeId, initiativeId), eq(forecastVersions.kind, "baseline")))
    .orderBy(desc(forecastVersions.createdAt), desc(forecastVersions.id))
    .limit(1);
  return row;
}
