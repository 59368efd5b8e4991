import { preparationsOf, upsertPreparation } from "../../db/repositories/preparation-repository.ts";
import { recordAudit } from "../audit/record-audit.ts";
import { workableInitiative } from "../initiatives/read-initiatives.ts";
import { DomainError } from "../shared/domain-error.ts";
import type { UseCaseContext } from "../shared/use-case.ts";
import { milestoneOrThrow } from "./decide-milestone.ts";

/**
 * The team's proposals for several decision points of one milestone at once (the milestone page's
 * one form). Only a proposal that differs from the stored one is written and audited, so saving the
 * whole form after changing one point records one change. Returns the decision points it changed.
 */
export async function prepareDecisionPoints({
  db,
  actor,
  now,
  initiativeId,
  numeral,
  proposals,
}: UseCaseContext & {
  initiativeId: string;
  numeral: string;
  proposals: readonly { decisionPointId: string; proposal: string }[];
}): Promise<string[]> {
  const initiative = await workableInitiative({ db, actor }, initiativeId);
  const milestone = milestoneOrThrow(numeral);
  for (const p of proposals) {
    if (!milestone.decisionPoints.some((d) => d.id === p.decisionPointId)) {
      throw new DomainError("NOT_FOUND", `no decision point ${p.decisionPointId} at milestone ${milestone.numeral}`);
    }
  }
  return db.transaction(async (tx) => {
    const stored = await preparationsOf(tx, initiativeId);
    const changed: string[] = [];
    for (const { decisionPointId, proposal } of proposals) {
      const before = stored.find((s) => s.decisionPointId === decisionPointId);
      if (before?.proposal === proposal) continue;
      const row = await upsertPreparation(tx, { initiativeId, decisionPointId, proposal, preparedBy: actor.userId, preparedAt: now });
      await recordAudit(
        tx,
        actor,
        {
          action: "decision_point.prepare",
          entityType: "decision_point",
          entityId: `${initiativeId}:${decisionPointId}`,
          organisationId: initiative.organisationId,
          ...(before
            ? {
                before: {
                  initiativeId,
                  decisionPointId,
                  proposal: before.proposal,
                  preparedBy: before.preparedBy,
                  preparedAt: before.preparedAt,
                },
              }
            : {}),
          after: row,
        },
        now,
      );
      changed.push(decisionPointId);
    }
    return changed;
  });
}
