import { and, asc, desc, eq, inArray } from "drizzle-orm";
import type { DeliverableStatus } from "../../domain/deliverables/deliverable-status.ts";
import type { DeliverableState } from "../../domain/milestones/milestone-rules.ts";
import type { Database } from "../database.ts";
import { deliverables, deliverableVersions } from "../schema.ts";

export type DeliverableRow = typeof deliverables.$inferSelect;
export type DeliverableVersionRow = typeof deliverableVersions.$inferSelect;

export const deliverablesOf = (db: Database, initiativeId: string) =>
  db.select().from(deliverables).where(eq(deliverables.initiativeId, initiativeId)).orderBy(asc(deliverables.createdAt));

export const versionsOf = (db: Database, deliverableIds: string[]) =>
  deliverableIds.length
    ? db
        .select()
        .from(deliverableVersions)
        .where(inArray(deliverableVersions.deliverableId, deliverableIds))
        .orderBy(asc(deliverableVersions.version))
    : Promise.resolve([] as DeliverableVersionRow[]);

type VersionFacts = Pick<DeliverableVersionRow, "deliverableId" | "version" | "status" | "contentHash">;

/**
 * One deliverable's state from its versions in version order: the latest, and the latest fastställd.
 * Undefined for a deliverable without versions. One fold for one initiative and for many.
 */
export function stateOfVersions<V extends VersionFacts>(
  doc: { id: string; typeId: string; title: string },
  versions: readonly V[],
): { state: DeliverableState; latest: V } | undefined {
  const own = versions.filter((v) => v.deliverableId === doc.id);
  const latest = own[own.length - 1];
  if (!latest) return undefined;
  const approved = [...own].reverse().find((v) => v.status === "faststalld");
  return {
    latest,
    state: {
      id: doc.id,
      typeId: doc.typeId,
      title: doc.title,
      latest: { version: latest.version, status: latest.status as DeliverableStatus, contentHash: latest.contentHash },
      approved: approved ? { version: approved.version, contentHash: approved.contentHash } : null,
    },
  };
}

/** Each deliverable with its latest version and its latest fastställd version: what readiness and snapshots need. */
export async function deliverableStates(db: Database, initiativeId: string): Promise<DeliverableState[]> {
  const docs = await deliverablesOf(db, initiativeId);
  const versions = await versionsOf(
    db,
    docs.map((d) => d.id),
  );
  return docs.flatMap((d) => {
    const folded = stateOfVersions(d, versions);
    return folded ? [folded.state] : [];
  });
}

export const findDeliverable = async (db: Database, id: string) =>
  (await db.select().from(deliverables).where(eq(deliverables.id, id)).limit(1))[0];

/**
 * Takes the deliverable's row lock until the transaction ends. Every change to a deliverable's
 * versions takes it first, so each one reads the latest version after the one before it committed
 * (READ COMMITTED reads afresh per statement) and none overwrites or duplicates another's work.
 */
export async function lockDeliverable(tx: Database, deliverableId: string): Promise<boolean> {
  const rows = await tx.select({ id: deliverables.id }).from(deliverables).where(eq(deliverables.id, deliverableId)).for("update");
  return rows.length > 0;
}

export const latestVersion = async (db: Database, deliverableId: string) =>
  (
    await db
      .select()
      .from(deliverableVersions)
      .where(eq(deliverableVersions.deliverableId, deliverableId))
      .orderBy(desc(deliverableVersions.version))
      .limit(1)
  )[0];

export async function insertDeliverable(tx: Database, values: typeof deliverables.$inferInsert): Promise<DeliverableRow> {
  const [row] = await tx.insert(deliverables).values(values).returning();
  if (!row) throw new Error("insert deliverables returned nothing");
  return row;
}

export async function insertDeliverableVersion(
  tx: Database,
  values: typeof deliverableVersions.$inferInsert,
): Promise<DeliverableVersionRow> {
  const [row] = await tx.insert(deliverableVersions).values(values).returning();
  if (!row) throw new Error("insert deliverable_versions returned nothing");
  return row;
}

type VersionValues = typeof deliverableVersions.$inferInsert;

/** Writes a version's text and who wrote it when; undefined when no row was changed. */
export const writeVersionText = async (
  tx: Database,
  id: string,
  text: Pick<VersionValues, "sections" | "contentHash" | "status" | "updatedAt" | "lastEditedBy">,
): Promise<DeliverableVersionRow | undefined> =>
  (await tx.update(deliverableVersions).set(text).where(eq(deliverableVersions.id, id)).returning())[0];

/**
 * Moves a version through review, only while its status is still `whileStatus`. A status change is
 * not an edit, so it can set nothing else than the status and who fastställde it when: the text,
 * "Senast ändrad" and its editor stay as they were. Undefined when no row was changed, so the caller
 * never records a change that did not happen.
 */
export const setVersionStatus = async (
  tx: Database,
  id: string,
  change: Pick<VersionValues, "status" | "approvedAt" | "approvedBy" | "secondApproverId" | "generated">,
  whileStatus: DeliverableVersionRow["status"],
): Promise<DeliverableVersionRow | undefined> =>
  (
    await tx
      .update(deliverableVersions)
      .set(change)
      .where(and(eq(deliverableVersions.id, id), eq(deliverableVersions.status, whileStatus)))
      .returning()
  )[0];
