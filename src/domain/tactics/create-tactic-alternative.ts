import { lockInitiative } from "../../db/repositories/initiative-repository.ts";
import { findAlternative, insertAlternative, setAlternativeFlows } from "../../db/repositories/tactic-repository.ts";
import { recordAudit } from "../audit/record-audit.ts";
import { workableInitiative } from "../initiatives/read-initiatives.ts";
import type { UseCaseContext } from "../shared/use-case.ts";
import type { TacticAlternativeInput } from "./tactic-input.ts";
import { tacticAlternativeView } from "./tactic-view.ts";
import { checkFlowsOfInitiative, withdrawOtherRecommendations } from "./tactic-writes.ts";

/** Adds a connection-tactic alternative to the initiative's comparison: the team's work. */
export async function createTacticAlternative({
  db,
  actor,
  now,
  initiativeId,
  input,
}: UseCaseContext & { initiativeId: string; input: TacticAlternativeInput }) {
  const initiative = await workableInitiative({ db, actor }, initiativeId);
  const { flowIds, ...fields } = input;
  return db.transaction(async (tx) => {
    await lockInitiative(tx, initiative.id);
    await checkFlowsOfInitiative(tx, initiative.id, flowIds);
    if (input.recommended) await withdrawOtherRecommendations(tx, actor, now, initiative, null);
    const row = await insertAlternative(tx, {
      ...fields,
      initiativeId: initiative.id,
      createdAt: now,
      updatedAt: now,
      createdBy: actor.userId,
    });
    await setAlternativeFlows(tx, row.id, flowIds);
    const stored = await findAlternative(tx, row.id);
    if (!stored) throw new Error("the alternative just inserted is gone");
    const view = tacticAlternativeView(stored);
    await recordAudit(
      tx,
      actor,
      {
        action: "tactic_alternative.create",
        entityType: "tactic_alternative",
        entityId: row.id,
        organisationId: initiative.organisationId,
        after: view,
      },
      now,
    );
    return view;
  });
}
