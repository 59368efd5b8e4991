import { and, eq, inArray, isNotNull, ne, sql } from "drizzle-orm";
import type { MeasuredBenefit, ReviewableRisk } from "../../domain/follow-up/value-reminders.ts";
import type { RiskStatus } from "../../domain/risks/risk-score.ts";
import type { Database } from "../database.ts";
import { benefitMeasurements, benefits, risks } from "../schema.ts";

/**
 * What the reminders of the risk register and the nyttorealiseringsplan read (issue 12): open risks
 * with a review day, and benefits with a measurement frequency and their latest measurement's day.
 * Set-based: two queries whatever the number of initiatives.
 */

/** Risks of these initiatives that are not closed and have a review day. */
export async function reviewableRisksOf(db: Database, initiativeIds: readonly string[]): Promise<ReviewableRisk[]> {
  if (!initiativeIds.length) return [];
  const rows = await db
    .select({
      id: risks.id,
      initiativeId: risks.initiativeId,
      title: risks.title,
      ownerUserId: risks.ownerUserId,
      status: risks.status,
      reviewDate: risks.reviewDate,
    })
    .from(risks)
    .where(and(inArray(risks.initiativeId, [...initiativeIds]), ne(risks.status, "stangd"), isNotNull(risks.reviewDate)));
  return rows.map((r) => ({ ...r, status: r.status as RiskStatus }));
}

/** Benefits of these initiatives with a planned measurement frequency, each with its latest measurement's day. */
export async function measuredBenefitsOf(db: Database, initiativeIds: readonly string[]): Promise<MeasuredBenefit[]> {
  if (!initiativeIds.length) return [];
  const latest = db
    .select({
      benefitId: benefitMeasurements.benefitId,
      // As text: drivers differ in how they hand back an aggregate of dates.
      latest: sql<string>`max(${benefitMeasurements.date})::text`.as("latest"),
    })
    .from(benefitMeasurements)
    .groupBy(benefitMeasurements.benefitId)
    .as("latest_measurements");
  return db
    .select({
      id: benefits.id,
      initiativeId: benefits.initiativeId,
      name: benefits.name,
      metric: benefits.metric,
      frequencyMonths: benefits.frequencyMonths,
      baselineDate: benefits.baselineDate,
      latestMeasurement: sql<string | null>`${latest.latest}`,
      measuredByUserId: benefits.measuredByUserId,
      ownerUserId: benefits.ownerUserId,
    })
    .from(benefits)
    .leftJoin(latest, eq(latest.benefitId, benefits.id))
    .where(and(inArray(benefits.initiativeId, [...initiativeIds]), isNotNull(benefits.frequencyMonths)));
}
