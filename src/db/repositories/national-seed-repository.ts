import { count, getTableColumns, sql } from "drizzle-orm";
import type { PgTable } from "drizzle-orm/pg-core";
import type { Database } from "../database.ts";
import {
  activityProgress,
  conditionFollowups,
  decisionPointPreparations,
  deliverables,
  deliverableVersions,
  flowActuals,
  initiatives,
  memberships,
  messageFlows,
  milestoneDecisions,
  milestonePlans,
  organisations,
  steeringGroupMembers,
  users,
} from "../schema.ts";

/** Every row of the national demo picture (cli/national/national-picture.ts), table by table. */
export type NationalPicture = {
  organisations: (typeof organisations.$inferInsert)[];
  users: (typeof users.$inferInsert)[];
  memberships: (typeof memberships.$inferInsert)[];
  initiatives: (typeof initiatives.$inferInsert)[];
  steeringGroupMembers: (typeof steeringGroupMembers.$inferInsert)[];
  activityProgress: (typeof activityProgress.$inferInsert)[];
  deliverables: (typeof deliverables.$inferInsert)[];
  deliverableVersions: (typeof deliverableVersions.$inferInsert)[];
  preparations: (typeof decisionPointPreparations.$inferInsert)[];
  decisions: (typeof milestoneDecisions.$inferInsert)[];
  conditionFollowups: (typeof conditionFollowups.$inferInsert)[];
  milestonePlans: (typeof milestonePlans.$inferInsert)[];
  flows: (typeof messageFlows.$inferInsert)[];
  actuals: (typeof flowActuals.$inferInsert)[];
};

/** Bound parameters per statement: well under PostgreSQL's 65,535, and small enough for PGlite's memory. */
const PARAMETERS_PER_STATEMENT = 20_000;

/** Multi-row INSERTs of `rows` into `table`, as many rows per statement as the parameter budget allows. */
async function insertInBatches<T extends PgTable>(db: Database, table: T, rows: readonly T["$inferInsert"][]): Promise<void> {
  if (!rows.length) return;
  const columns = Object.keys(getTableColumns(table)).length;
  const size = Math.max(1, Math.floor(PARAMETERS_PER_STATEMENT / columns));
  for (let i = 0; i < rows.length; i += size) {
    await db.insert(table).values(rows.slice(i, i + size) as T["$inferInsert"][]);
  }
}

export async function organisationCount(db: Database): Promise<number> {
  const [row] = await db.select({ n: count() }).from(organisations);
  return row?.n ?? 0;
}

/** Every organisation number and e-mail address in use, so a picture added beside them makes none twice. */
export async function takenIdentifiers(db: Database): Promise<{ numbers: Set<string>; emails: Set<string> }> {
  const numbers = await db.select({ number: organisations.number }).from(organisations);
  const emails = await db.select({ email: users.email }).from(users);
  return { numbers: new Set(numbers.map((r) => r.number)), emails: new Set(emails.map((r) => r.email)) };
}

/**
 * Writes a national picture set-based, parents before children, in the caller's transaction. The
 * portfolio generation's deferred triggers fire per row but advance it once, at commit.
 */
export async function insertNationalPicture(tx: Database, picture: NationalPicture): Promise<void> {
  await insertInBatches(tx, organisations, picture.organisations);
  await insertInBatches(tx, users, picture.users);
  await insertInBatches(tx, memberships, picture.memberships);
  await insertInBatches(tx, initiatives, picture.initiatives);
  await insertInBatches(tx, steeringGroupMembers, picture.steeringGroupMembers);
  await insertInBatches(tx, activityProgress, picture.activityProgress);
  await insertInBatches(tx, deliverables, picture.deliverables);
  await insertInBatches(tx, deliverableVersions, picture.deliverableVersions);
  await insertInBatches(tx, decisionPointPreparations, picture.preparations);
  await insertInBatches(tx, milestoneDecisions, picture.decisions);
  await insertInBatches(tx, conditionFollowups, picture.conditionFollowups);
  await insertInBatches(tx, milestonePlans, picture.milestonePlans);
  await insertInBatches(tx, messageFlows, picture.flows);
  await insertInBatches(tx, flowActuals, picture.actuals);
  // Fresh statistics after a bulk load, so the first portfolio queries are planned on real sizes.
  await tx.execute(sql`analyze`);
}
