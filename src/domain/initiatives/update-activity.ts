import { findActivityProgress, upsertActivityProgress } from "../../db/repositories/activity-progress-repository.ts";
import { lockInitiative } from "../../db/repositories/initiative-repository.ts";
import { methodV12 } from "../../method/v1.2/index.ts";
import { recordAudit } from "../audit/record-audit.ts";
import { notFound } from "../shared/domain-error.ts";
import type { UseCaseContext } from "../shared/use-case.ts";
import type { ActivityProgressInput } from "./initiative-input.ts";
import { workableInitiative } from "./read-initiatives.ts";

export const findActivity = (activityId: string) =>
  methodV12.phases.flatMap((p) => p.activities.map((a) => ({ ...a, phase: p.number }))).find((a) => a.id === activityId);

/** Sets an activity's status; "not applicable" carries its motivation (checked at the edge and in the database). */
export async function updateActivity({
  db,
  actor,
  now,
  initiativeId,
  activityId,
  input,
}: UseCaseContext & { initiativeId: string; activityId: string; input: ActivityProgressInput }) {
  const initiative = await workableInitiative({ db, actor }, initiativeId);
  if (!findActivity(activityId)) throw notFound("activity");
  const values = {
    initiativeId,
    activityId,
    status: input.status,
    motivation: input.status === "not_applicable" ? input.motivation : input.motivation || null,
    updatedAt: now,
    updatedBy: actor.userId,
  };
  return db.transaction(async (tx) => {
    // Changes to the initiative's activities take turns, so the audit's "before" is what the change before it stored.
    await lockInitiative(tx, initiativeId);
    const before = await findActivityProgress(tx, initiativeId, activityId);
    const after = await upsertActivityProgress(tx, values);
    await recordAudit(
      tx,
      actor,
      {
        action: "activity.update",
        entityType: "activity",
        entityId: `${initiativeId}:${activityId}`,
        organisationId: initiative.organisationId,
        before,
        after,
      },
      now,
    );
    return { id: activityId, status: input.status, motivation: after.motivation };
  });
}
