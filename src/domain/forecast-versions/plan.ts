import type { FlowRow } from "../../db/repositories/flow-repository.ts";
import type { ConnectionTactic, FlowStatus, RecipientType } from "../flows/flow-input.ts";

/**
 * The plan a frozen forecast was computed from: each flow as it was — what it is called, whom it
 * reaches, how much it sends and when it goes to test and production — so a version reads on its
 * own after the flows are changed or removed.
 */
export type PlanFlow = {
  id: string;
  name: string;
  recipientType: RecipientType;
  annualVolume: number;
  seasonality: number[];
  costPerLetterSek: number;
  tactic: ConnectionTactic | null;
  status: FlowStatus;
  plannedTestDate: string | null;
  plannedProductionDate: string | null;
};

export const planFlowOf = (f: FlowRow): PlanFlow => ({
  id: f.id,
  name: f.name,
  // The table's checks hold these to the input's values.
  recipientType: f.recipientType as RecipientType,
  annualVolume: f.annualVolume,
  seasonality: f.seasonality,
  costPerLetterSek: Number(f.costPerLetterSek),
  tactic: f.tactic as ConnectionTactic | null,
  status: f.status as FlowStatus,
  plannedTestDate: f.plannedTestDate,
  plannedProductionDate: f.plannedProductionDate,
});
