import { eq } from "drizzle-orm";
import type { Database } from "../database.ts";
import { businessCases, initiatives } from "../schema.ts";

/** An initiative's business case: one row, replaced whole. */

export type BusinessCaseRow = typeof businessCases.$inferSelect;
type BusinessCaseValues = Omit<typeof businessCases.$inferInsert, "initiativeId">;

export async function findBusinessCase(db: Database, initiativeId: string, { lock = false } = {}): Promise<BusinessCaseRow | undefined> {
  const query = db.select().from(businessCases).where(eq(businessCases.initiativeId, initiativeId));
  const [row] = lock ? await query.for("update") : await query;
  return row;
}

/** Inserts the row or replaces its values; the caller holds the initiative's lock so "before" is what was replaced. */
export async function saveBusinessCaseRow(db: Database, initiativeId: string, values: BusinessCaseValues): Promise<BusinessCaseRow> {
  const [row] = await db
    .insert(businessCases)
    .values({ initiativeId, ...values })
    .onConflictDoUpdate({ target: businessCases.initiativeId, set: values })
    .returning();
  if (!row) throw new Error("upsert business_cases returned nothing");
  return row;
}

/**
 * Sets the effektkedja alone: a business case not yet stated is made with `defaults` (what the page
 * shows before anyone saved), one already stated keeps its figures. The caller holds the initiative's lock.
 */
export async function saveEffectChainRow(
  db: Database,
  initiativeId: string,
  effectChain: unknown,
  defaults: Pick<BusinessCaseValues, "startYear" | "horizonYears" | "discountRate">,
  stamp: { updatedAt: Date; updatedBy: string },
): Promise<void> {
  await db
    .insert(businessCases)
    .values({ initiativeId, ...defaults, effectChain, ...stamp })
    .onConflictDoUpdate({ target: businessCases.initiativeId, set: { effectChain, ...stamp } });
}

/** Every stated business case's benefit lines with the initiative's organisation (benefits nationally, issue 14): one query. */
export const everyStatedBenefits = (db: Database) =>
  db
    .select({ initiativeId: businessCases.initiativeId, organisationId: initiatives.organisationId, benefits: businessCases.benefits })
    .from(businessCases)
    .innerJoin(initiatives, eq(initiatives.id, businessCases.initiativeId));
