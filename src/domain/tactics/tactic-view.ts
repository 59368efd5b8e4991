import type { TacticAlternativeWithFlows } from "../../db/repositories/tactic-repository.ts";
import { fiveYearCost } from "./compare-tactics.ts";
import type { TacticKind } from "./tactic-input.ts";

/** A connection-tactic alternative as the API answers it and the audit records it. */
export type TacticAlternativeView = ReturnType<typeof tacticAlternativeView>;

export function tacticAlternativeView(a: TacticAlternativeWithFlows) {
  const oneOffCostSek = Number(a.oneOffCostSek);
  const annualCostSek = Number(a.annualCostSek);
  return {
    id: a.id,
    initiativeId: a.initiativeId,
    // The table's check holds it to the input's values.
    tactic: a.tactic as TacticKind,
    name: a.name,
    description: a.description,
    oneOffCostSek,
    annualCostSek,
    fiveYearCostSek: fiveYearCost({ oneOffCostSek, annualCostSek }),
    leadTimeMonths: a.leadTimeMonths,
    risks: a.risks,
    flowIds: a.flowIds,
    recommended: a.recommended,
    recommendationReason: a.recommendationReason,
    createdAt: a.createdAt.toISOString(),
    updatedAt: a.updatedAt.toISOString(),
    createdBy: a.createdBy,
  };
}
