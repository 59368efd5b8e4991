import { count, getTableColumns, sql } from "drizzle-orm";
import type { PgTable } from "drizzle-orm/pg-core";
import type { Database } from "../database.ts";
import {
  activityProgress,
  benefitMeasurements,
  benefits,
  communicationRecipients,
  communications,
  conditionFollowups,
  decisionPointPreparations,
  deliverables,
  deliverableVersions,
  flowActuals,
  forecastVersions,
  initiatives,
  memberships,
  messageFlows,
  milestoneDecisions,
  milestonePlans,
  organisations,
  reportingReminders,
  reportingRounds,
  reportingSubmissions,
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
  forecastVersions: (typeof forecastVersions.$inferInsert)[];
  communications: (typeof communications.$inferInsert)[];
  communicationRecipients: (typeof communicationRecipients.$inferInsert)[];
  reportingRounds: (typeof reportingRounds.$inferInsert)[];
  reportingSubmissions: (typeof reportingSubmissions.$inferInsert)[];
  reportingReminders: (typeof reportingReminders.$inferInsert)[];
  benefits: (typeof benefits.$inferInsert)[];
  benefitMeasurements: (typeof benefitMeasurements.$inferInsert)[];
};

/** Bound parameters per statement: well under PostgreSQL's 65,535, and small enough for PGlite's memory. */
const PARAMETERS_PER_STATEMENT = 20_000;

/** Bytes of values per statement: frozen forecasts are large, and PGlite holds a whole statement in memory. */
const BYTES_PER_STATEMENT = 4_000_000;

/**
 * Multi-row INSERTs of `rows` into `table`: as many rows per statement as the parameter budget
 * allows, and fewer where the rows are large (`large`: the table holds documents such as frozen forecasts).
 */
async function insertInBatches<T extends PgTable>(
  db: Database,
  table: T,
  rows: readonly T["$inferInsert"][],
  { large = false }: { large?: boolean } = {},
): Promise<void> {
  if (!rows.length) return;
  const columns = Object.keys(getTableColumns(table)).length;
  const size = Math.max(1, Math.floor(PARAMETERS_PER_STATEMENT / columns));
  let batch: T["$inferInsert"][] = [];
  let bytes = 0;
  const flush = async () => {
    if (batch.length) await db.insert(table).values(batch);
    batch = [];
    bytes = 0;
  };
  for (const row of rows) {
    const rowBytes = large ? JSON.stringify(row).length : 0;
    if (batch.length >= size || (batch.length && bytes + rowBytes > BYTES_PER_STATEMENT)) await flush();
    batch.push(row);
    bytes += rowBytes;
  }
  await flush();
}

export async function organisationCount(db: Database): Promise<number> {
  const [row] = await db.select({ n: count() }).from(organisations);
  return row?.n ?? 0;
}

/**
 * Every organisation number and e-mail address in use, so a picture added beside them makes none
 * twice; and the reporting rounds there are (by lower-case name), so it reports in them instead.
 */
export async function takenIdentifiers(db: Database): Promise<{
  numbers: Set<string>;
  emails: Set<string>;
  rounds: Map<string, { id: string; createdAt: Date }>;
}> {
  const numbers = await db.select({ number: organisations.number }).from(organisations);
  const emails = await db.select({ email: users.email }).from(users);
  const rounds = await db
    .select({ id: reportingRounds.id, name: reportingRounds.name, createdAt: reportingRounds.createdAt })
    .from(reportingRounds);
  return {
    numbers: new Set(numbers.map((r) => r.number)),
    emails: new Set(emails.map((r) => r.email)),
    rounds: new Map(rounds.map((r) => [r.name.trim().toLowerCase(), { id: r.id, createdAt: r.createdAt }])),
  };
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
  await insertInBatches(tx, benefits, picture.benefits);
  await insertInBatches(tx, benefitMeasurements, picture.benefitMeasurements);
  await insertInBatches(tx, forecastVersions, picture.forecastVersions, { large: true });
  await insertInBatches(tx, communications, picture.communications);
  await insertInBatches(tx, communicationRecipients, picture.communicationRecipients);
  await insertInBatches(tx, reportingRounds, picture.reportingRounds);
  await insertInBatches(tx, reportingSubmissions, picture.reportingSubmissions, { large: true });
  await insertInBatches(tx, reportingReminders, picture.reportingReminders);
  // Fresh statistics after a bulk load, so the first portfolio queries are planned on real sizes.
  await tx.execute(sql`analyze`);
}
