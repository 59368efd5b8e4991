import { and, asc, eq, inArray } from "drizzle-orm";
import type { Database } from "../database.ts";
import { benefitMeasurements, benefits, initiatives } from "../schema.ts";

/** The nyttorealiseringsplan of an initiative (one row per benefit) and each benefit's stored measurements. */

export type BenefitRow = typeof benefits.$inferSelect;
export type MeasurementRow = typeof benefitMeasurements.$inferSelect;
type BenefitValues = Partial<Omit<typeof benefits.$inferInsert, "id" | "initiativeId" | "createdAt" | "createdBy">>;

/** Oldest first: the plan's order is the order the team wrote it in. */
export const benefitsOf = (db: Database, initiativeId: string) =>
  db.select().from(benefits).where(eq(benefits.initiativeId, initiativeId)).orderBy(asc(benefits.createdAt), asc(benefits.id));

export async function findBenefit(db: Database, benefitId: string, { lock = false } = {}): Promise<BenefitRow | undefined> {
  const query = db.select().from(benefits).where(eq(benefits.id, benefitId));
  const [row] = lock ? await query.for("update") : await query;
  return row;
}

export async function insertBenefit(db: Database, values: typeof benefits.$inferInsert): Promise<BenefitRow> {
  const [row] = await db.insert(benefits).values(values).returning();
  if (!row) throw new Error("insert benefits returned nothing");
  return row;
}

export const updateBenefitRow = async (db: Database, initiativeId: string, benefitId: string, values: BenefitValues) =>
  (
    await db
      .update(benefits)
      .set(values)
      .where(and(eq(benefits.initiativeId, initiativeId), eq(benefits.id, benefitId)))
      .returning()
  )[0];

export const deleteBenefitRow = async (db: Database, initiativeId: string, benefitId: string) =>
  (
    await db
      .delete(benefits)
      .where(and(eq(benefits.initiativeId, initiativeId), eq(benefits.id, benefitId)))
      .returning()
  )[0];

/** A benefit's stored measurements by date, those of one day in the order they were entered. */
export const measurementsOf = (db: Database, benefitId: string) =>
  db
    .select()
    .from(benefitMeasurements)
    .where(eq(benefitMeasurements.benefitId, benefitId))
    .orderBy(asc(benefitMeasurements.date), asc(benefitMeasurements.createdAt), asc(benefitMeasurements.id));

/** The stored measurements of several benefits at once (the plan's table), in the same order. */
export const measurementsOfBenefits = async (db: Database, benefitIds: readonly string[]) =>
  benefitIds.length
    ? db
        .select()
        .from(benefitMeasurements)
        .where(inArray(benefitMeasurements.benefitId, [...benefitIds]))
        .orderBy(asc(benefitMeasurements.date), asc(benefitMeasurements.createdAt), asc(benefitMeasurements.id))
    : [];

export async function insertMeasurements(db: Database, values: (typeof benefitMeasurements.$inferInsert)[]): Promise<MeasurementRow[]> {
  if (!values.length) return [];
  return db.insert(benefitMeasurements).values(values).returning();
}

export const deleteMeasurementRow = async (db: Database, benefitId: string, measurementId: string) =>
  (
    await db
      .delete(benefitMeasurements)
      .where(and(eq(benefitMeasurements.benefitId, benefitId), eq(benefitMeasurements.id, measurementId)))
      .returning()
  )[0];

/** Every benefit of every initiative with its organisation (benefits nationally, issue 14): one query. */
export const everyBenefit = (db: Database) =>
  db
    .select({
      id: benefits.id,
      initiativeId: benefits.initiativeId,
      organisationId: initiatives.organisationId,
      category: benefits.category,
      beneficiary: benefits.beneficiary,
      unit: benefits.unit,
      baselineValue: benefits.baselineValue,
      baselineDate: benefits.baselineDate,
      targetValue: benefits.targetValue,
      targetDate: benefits.targetDate,
      derivedFromFlowIds: benefits.derivedFromFlowIds,
    })
    .from(benefits)
    .innerJoin(initiatives, eq(initiatives.id, benefits.initiativeId))
    .orderBy(asc(benefits.createdAt), asc(benefits.id));

/** Every stored measurement, in the order a benefit's page reads them (date, then as entered): one query. */
export const everyMeasurement = (db: Database) =>
  db
    .select({ benefitId: benefitMeasurements.benefitId, date: benefitMeasurements.date, value: benefitMeasurements.value })
    .from(benefitMeasurements)
    .orderBy(asc(benefitMeasurements.date), asc(benefitMeasurements.createdAt), asc(benefitMeasurements.id));
