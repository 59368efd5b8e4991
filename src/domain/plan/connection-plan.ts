import { decisionsOf } from "../../db/repositories/decision-repository.ts";
import { flowsOf } from "../../db/repositories/flow-repository.ts";
import { plansOf } from "../../db/repositories/follow-up-repository.ts";
import { MILESTONE_NUMERALS, type MilestoneNumeral } from "../../method/types.ts";
import { can } from "../access/policy.ts";
import { flowView } from "../flows/flow-view.ts";
import { readableInitiative } from "../initiatives/read-initiatives.ts";
import { currentDecisions } from "../milestones/current-decisions.ts";
import type { UseCaseContext } from "../shared/use-case.ts";

export type PlanMilestone = { numeral: MilestoneNumeral; plannedOn: string | null; decidedOn: string | null; outcome: string | null };

/**
 * The connection plan's facts, for every member: the initiative's flows in the order the plan lists
 * them (registration order until the flows are prioritised) and, for milestones I–VIII, the day the
 * team planned the decision for and the day of the decision that counts now (a superseded one does not).
 */
export async function connectionPlan({ db, actor, initiativeId }: Pick<UseCaseContext, "db" | "actor"> & { initiativeId: string }) {
  const initiative = await readableInitiative({ db, actor }, initiativeId);
  const flows = (await flowsOf(db, initiative.id)).map(flowView);
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
