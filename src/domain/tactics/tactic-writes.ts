import type { Database } from "../../db/database.ts";
import { flowIdsOfInitiative, unrecommendOthers } from "../../db/repositories/tactic-repository.ts";
import type { Actor } from "../access/actor.ts";
import { recordAudit } from "../audit/record-audit.ts";
import { DomainError } from "../shared/domain-error.ts";

/**
 * What every write of an alternative shares: its flows must be the initiative's own, and
 * recommending it withdraws the recommendation of the one recommended before, each change audited.
 * The caller holds the initiative's lock, so two recommendations at once take turns and one stands.
 */

export async function checkFlowsOfInitiative(tx: Database, initiativeId: string, flowIds: readonly string[]): Promise<void> {
  const own = await flowIdsOfInitiative(tx, initiativeId, flowIds);
  const fields = flowIds.flatMap((id, i) =>
    own.has(id) ? [] : [{ path: ["flowIds", i], code: "unknown_flow", message: "not a meddelandeflöde of this initiative" }],
  );
  if (fields.length) throw new DomainError("VALIDATION_FAILED", "flowIds names flows that are not the initiative's", { fields });
}

export async function withdrawOtherRecommendations(
  tx: Database,
  actor: Actor,
  now: Date,
  initiative: { id: string; organisationId: string },
  keptId: string | null,
): Promise<void> {
  for (const row of await unrecommendOthers(tx, initiative.id, keptId, now)) {
    await recordAudit(
      tx,
      actor,
      {
        action: "tactic_alternative.unrecommend",
        entityType: "tactic_alternative",
        entityId: row.id,
        organisationId: initiative.organisationId,
        after: { recommended: false, replacedBy: keptId, name: row.name },
      },
      now,
    );
  }
}
