import { insertFlows } from "../../db/repositories/flow-repository.ts";
import { recordAudit } from "../audit/record-audit.ts";
import { workableInitiative } from "../initiatives/read-initiatives.ts";
import type { UseCaseContext } from "../shared/use-case.ts";
import type { FlowInput } from "./flow-input.ts";
import { flowView } from "./flow-view.ts";

/** Before an import file is read: only the initiative's team imports, so nobody else has it parsed at all. */
export const mayImportFlows = ({ db, actor }: Pick<UseCaseContext, "db" | "actor">, initiativeId: string) =>
  workableInitiative({ db, actor }, initiativeId);

/**
 * Registers an import's flows, all of them or none: one transaction, with one audit entry for the
 * import that lists every flow it created (a per-flow entry each would make a 5,000-row import
 * 5,000 links of the audit chain for one act).
 */
export async function importFlows({ db, actor, now, initiativeId, flows }: UseCaseContext & { initiativeId: string; flows: FlowInput[] }) {
  const initiative = await workableInitiative({ db, actor }, initiativeId);
  return db.transaction(async (tx) => {
    const rows = await insertFlows(
      tx,
      flows.map((input) => ({ ...input, initiativeId: initiative.id, createdAt: now, updatedAt: now, createdBy: actor.userId })),
    );
    const views = rows.map(flowView);
    await recordAudit(
      tx,
      actor,
      {
        action: "message_flow.import",
        entityType: "initiative",
        entityId: initiative.id,
        organisationId: initiative.organisationId,
        after: { flows: views.map((v) => ({ id: v.id, name: v.name, recipientType: v.recipientType, annualVolume: v.annualVolume })) },
      },
      now,
    );
    return views;
  });
}
