import { lockInitiative } from "../../db/repositories/initiative-repository.ts";
import { findAlternative, setAlternativeFlows, updateAlternativeRow } from "../../db/repositories/tactic-repository.ts";
import { recordAudit } from "../audit/record-audit.ts";
import { workableInitiative } from "../initiatives/read-initiatives.ts";
import { notFound } from "../shared/domain-error.ts";
import type { UseCaseContext } from "../shared/use-case.ts";
import type { TacticAlternativeInput } from "./tactic-input.ts";
import { tacticAlternativeView } from "./tactic-view.ts";
import { checkFlowsOfInitiative, withdrawOtherRecommendations } from "./tactic-writes.ts";

/**
 * Replaces an alternative's fields (PUT: what is left out gets its default again). Under the
 * initiative's lock: recommending it withdraws the other recommendation in the same transaction, and
 * of two recommendations at once the later stands, each answer true when it was given.
 */
export async function updateTacticAlternative({
  db,
  actor,
  now,
  alternativeId,
  input,
}: UseCaseContext & { alternativeId: string; input: TacticAlternativeInput }) {
  const found = await findAlternative(db, alternativeId);
  if (!found) throw notFound("tactic alternative");
  const initiative = await workableInitiative({ db, actor }, found.initiativeId);
  const { flowIds, ...fields } = input;
  return db.transaction(async (tx) => {
    await lockInitiative(tx, initiative.id);
    const before = await findAlternative(tx, alternativeId);
    if (!before || before.initiativeId !== initiative.id) throw notFound("tactic alternative");
    await checkFlowsOfInitiative(tx, initiative.id, flowIds);
    if (input.recommended) await withdrawOtherRecommendations(tx, actor, now, initiative, alternativeId);
    await updateAlternativeRow(tx, initiative.id, alternativeId, { ...fields, updatedAt: now });
    await setAlternativeFlows(tx, alternativeId, flowIds);
    const after = await findAlternative(tx, alternativeId);
    if (!after) throw notFound("tactic alternative");
    const view = tacticAlternativeView(after);
    await recordAudit(
      tx,
      actor,
      {
        action: "tactic_alternative.update",
        entityType: "tactic_alternative",
        entityId: alternativeId,
        organisationId: initiative.organisationId,
        before: tacticAlternativeView(before),
        after: view,
      },
      now,
    );
    return view;
  });
}
