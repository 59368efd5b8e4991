import { lockInitiative } from "../../db/repositories/initiative-repository.ts";
import { deleteAlternativeRow, findAlternative } from "../../db/repositories/tactic-repository.ts";
import { recordAudit } from "../audit/record-audit.ts";
import { workableInitiative } from "../initiatives/read-initiatives.ts";
import { notFound } from "../shared/domain-error.ts";
import type { UseCaseContext } from "../shared/use-case.ts";
import { tacticAlternativeView } from "./tactic-view.ts";

/** Removes an alternative from the comparison; the audit keeps what it was. */
export async function deleteTacticAlternative({ db, actor, now, alternativeId }: UseCaseContext & { alternativeId: string }) {
  const found = await findAlternative(db, alternativeId);
  if (!found) throw notFound("tactic alternative");
  const initiative = await workableInitiative({ db, actor }, found.initiativeId);
  await db.transaction(async (tx) => {
    await lockInitiative(tx, initiative.id);
    const before = await findAlternative(tx, alternativeId);
    const removed = before && (await deleteAlternativeRow(tx, initiative.id, alternativeId));
    if (!before || !removed) throw notFound("tactic alternative");
    await recordAudit(
      tx,
      actor,
      {
        action: "tactic_alternative.delete",
        entityType: "tactic_alternative",
        entityId: alternativeId,
        organisationId: initiative.organisationId,
        before: tacticAlternativeView(before),
      },
      now,
    );
  });
}
