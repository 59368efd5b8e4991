import type { FlowRow } from "../../db/repositories/flow-repository.ts";
import type { Judgement } from "../prioritisation/priority-score.ts";
import type { ConnectionTactic, FlowStatus, RecipientType } from "./flow-input.ts";

/** A meddelandeflöde as the API answers it and the audit records it. */
export type FlowView = ReturnType<typeof flowView>;

export function flowView(f: FlowRow) {
  return {
    id: f.id,
    initiativeId: f.initiativeId,
    name: f.name,
    description: f.description,
    businessProcess: f.businessProcess,
    sourceSystem: f.sourceSystem,
    // The table's checks hold these to the input's values.
    recipientType: f.recipientType as RecipientType,
    annualVolume: f.annualVolume,
    seasonality: f.seasonality,
    currentChannel: f.currentChannel,
    costPerLetterSek: Number(f.costPerLetterSek),
    informationSecurityClass: f.informationSecurityClass,
    legalConstraints: f.legalConstraints,
    needsReplies: f.needsReplies,
    needsReceipts: f.needsReceipts,
    tactic: f.tactic as ConnectionTactic | null,
    plannedTestDate: f.plannedTestDate,
    plannedProductionDate: f.plannedProductionDate,
    status: f.status as FlowStatus,
    processChange: f.processChange as Judgement | null,
    serviceImprovement: f.serviceImprovement as Judgement | null,
    priorityOverride: f.priorityOverride === null ? null : Number(f.priorityOverride),
    priorityMotivation: f.priorityMotivation,
    createdAt: f.createdAt.toISOString(),
    updatedAt: f.updatedAt.toISOString(),
    createdBy: f.createdBy,
  };
}
