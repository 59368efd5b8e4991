import type { DecisionRow } from "../../db/repositories/decision-repository.ts";
import type { InitiativeWithGroup } from "../../db/repositories/initiative-repository.ts";
import type { BasisSnapshot } from "../milestones/basis-snapshot.ts";
import type { Condition } from "../milestones/milestone-rules.ts";

export type DecisionView = ReturnType<typeof decisionView>;

/** A decision as the API and pages show it: frozen, with the hash of the basis it was taken on. */
export function decisionView(d: DecisionRow) {
  return {
    id: d.id,
    numeral: d.numeral,
    outcome: d.outcome,
    decisionPoints: d.decisionPoints as { id: string; answer: string; motivation: string }[],
    conditions: d.conditions as Condition[],
    decidedBy: { id: d.decidedBy, name: d.decidedByName },
    decidedOn: d.decidedOn,
    minutes: d.minutes,
    diarienummer: d.diarienummer,
    incompleteBasisReason: d.incompleteBasisReason,
    reported: d.reported as BasisSnapshot["reported"],
    basisSnapshot: d.basisSnapshot as BasisSnapshot,
    basisHash: d.basisHash,
    decisionHash: d.decisionHash,
    supersedesId: d.supersedesId,
    createdAt: d.createdAt.toISOString(),
  };
}

export function initiativeSummary(i: InitiativeWithGroup) {
  return {
    id: i.id,
    organisationId: i.organisationId,
    name: i.name,
    description: i.description,
    targetGroup: i.targetGroup,
    plannedGoLive: i.plannedGoLive,
    projectManagerId: i.projectManagerId,
    steeringGroup: i.steeringGroup,
    methodVersion: i.methodVersion,
    createdAt: i.createdAt.toISOString(),
    /** Listed in the public open-data export (issue 14). */
    publishable: i.publishable,
  };
}
