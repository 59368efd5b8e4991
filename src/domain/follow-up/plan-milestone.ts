import { deletePlan, findPlan, savePlan } from "../../db/repositories/follow-up-repository.ts";
import { lockInitiative } from "../../db/repositories/initiative-repository.ts";
import { recordAudit } from "../audit/record-audit.ts";
import { workableInitiative } from "../initiatives/read-initiatives.ts";
import { milestoneOrThrow } from "../milestones/decide-milestone.ts";
import type { UseCaseContext } from "../shared/use-case.ts";

/**
 * The team sets (or, with null, takes away) the day a milestone's decision is planned for. Under
 * the initiative's lock, so of two people saving at once each is recorded after the other, and the
 * audit's "before" is what the change replaced. Saving the same day again records nothing.
 */
export async function planMilestone({
  db,
  actor,
  now,
  initiativeId,
  numeral,
  plannedOn,
}: UseCaseContext & { initiativeId: string; numeral: string; plannedOn: string | null }) {
  const initiative = await workableInitiative({ db, actor }, initiativeId);
  const milestone = milestoneOrThrow(numeral);
  await db.transaction(async (tx) => {
    await lockInitiative(tx, initiative.id);
    const before = (await findPlan(tx, initiative.id, milestone.numeral))?.plannedOn ?? null;
    if (before === plannedOn) return;
    if (plannedOn === null) await deletePlan(tx, initiative.id, milestone.numeral);
    else
      await savePlan(tx, { initiativeId: initiative.id, numeral: milestone.numeral, plannedOn, updatedAt: now, updatedBy: actor.userId });
    await recordAudit(
      tx,
      actor,
      {
        action: "milestone.plan",
        entityType: "milestone_plan",
        entityId: `${initiative.id}/${milestone.numeral}`,
        organisationId: initiative.organisationId,
        before: { plannedOn: before },
        after: { plannedOn },
      },
      now,
    );
  });
  return { numeral: milestone.numeral, plannedOn };
}
