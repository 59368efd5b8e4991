import { decisionsOf } from "../../db/repositories/decision-repository.ts";
import { findPlanSettings } from "../../db/repositories/flow-plan-settings-repository.ts";
import { flowsOf } from "../../db/repositories/flow-repository.ts";
import { plansOf } from "../../db/repositories/follow-up-repository.ts";
import { MILESTONE_NUMERALS, type MilestoneNumeral } from "../../method/types.ts";
import { can } from "../access/policy.ts";
import { flowView } from "../flows/flow-view.ts";
import { readableInitiative } from "../initiatives/read-initiatives.ts";
import { currentDecisions } from "../milestones/current-decisions.ts";
import { priorityFlowOf } from "../prioritisation/flow-priorities.ts";
import { DEFAULT_PRIORITY_WEIGHTS, prioritise } from "../prioritisation/priority-score.ts";
import type { UseCaseContext } from "../shared/use-case.ts";

export type PlanMilestone = { numeral: MilestoneNumeral; plannedOn: string | null; decidedOn: string | null; outcome: string | null };

/**
 * The connection plan's facts, for every member: the initiative's flows in the order of their
 * priority (the prioritisation's: effective score, then volume, then name), each with its rank and
 * score, and, for milestones I–VIII, the day the
 * team planned the decision for and the day of the decision that counts now (a superseded one does not).
 */
export async function connectionPlan({ db, actor, initiativeId }: Pick<UseCaseContext, "db" | "actor"> & { initiativeId: string }) {
  const initiative = await readableInitiative({ db, actor }, initiativeId);
  const rows = await flowsOf(db, initiative.id);
  const settings = await findPlanSettings(db, initiative.id);
  const ranked = prioritise(rows.map(priorityFlowOf), settings?.priorityWeights ?? DEFAULT_PRIORITY_WEIGHTS);
  const byId = new Map(rows.map((r) => [r.id, r]));
  const flows = ranked.flatMap((p) => {
    const row = byId.get(p.flowId);
    return row ? [{ ...flowView(row), rank: p.rank, priorityScore: p.effectiveScore }] : [];
  });
  const plans = new Map((await plansOf(db, [initiative.id])).map((p) => [p.numeral, p.plannedOn]));
  const decided = currentDecisions(await decisionsOf(db, initiative.id));
  const milestones = MILESTONE_NUMERALS.map(
    (numeral): PlanMilestone => ({
      numeral,
      plannedOn: plans.get(numeral) ?? null,
      decidedOn: decided.get(numeral)?.decidedOn ?? null,
      outcome: decided.get(numeral)?.outcome ?? null,
    }),
  );
  return {
    initiative: { id: initiative.id, name: initiative.name },
    flows,
    milestones,
    canManage: can(actor, { action: "initiative:work", organisationId: initiative.organisationId }),
  };
}
