import type { Method, Milestone, MilestoneNumeral, PhaseNumber } from "../../method/types.ts";
import { MILESTONE_NUMERALS } from "../../method/types.ts";
import type { DeliverableStatus } from "../deliverables/deliverable-status.ts";

/** A decision's outcome; only "go with conditions" carries conditions, and it must carry at least one. */
export const OUTCOMES = ["go", "go_with_conditions", "rework", "stop"] as const;
export type Outcome = (typeof OUTCOMES)[number];

/**
 * A condition of a "go with conditions" decision. `owner` is the name as recorded; `ownerUserId` the
 * member chosen as owner (absent on decisions recorded before owners were chosen, null for an owner
 * outside the organisation's members): only that member is asked to follow it up.
 */
export type Condition = { text: string; owner: string; ownerUserId?: string | null; dueDate: string };
export type DecisionOutcome =
  | { outcome: "go" | "rework" | "stop"; conditions: readonly [] }
  | { outcome: "go_with_conditions"; conditions: readonly [Condition, ...Condition[]] };

export const passes = (outcome: Outcome | undefined) => outcome === "go" || outcome === "go_with_conditions";

/** The latest version of a deliverable and its latest fastställd version, as readiness needs them. */
export type DeliverableState = {
  id: string;
  typeId: string;
  title: string;
  latest: { version: number; status: DeliverableStatus; contentHash: string };
  approved: { version: number; contentHash: string } | null;
};

export type MissingItem =
  | { kind: "previous_milestone_not_passed"; numeral: MilestoneNumeral }
  | { kind: "deliverable_missing"; deliverableTypeId: string }
  | { kind: "deliverable_not_approved"; deliverableTypeId: string; deliverableId: string; status: DeliverableStatus }
  | { kind: "decision_point_unprepared"; decisionPointId: string };

export type Readiness = {
  ready: boolean;
  /** Everything that keeps the basis from being complete, in the method's order. */
  missing: MissingItem[];
  basis: {
    deliverableTypeId: string;
    required: boolean;
    /** `version`: the one a decision taken now would be taken on (its latest fastställd, else its latest). */
    deliverables: { id: string; title: string; status: DeliverableStatus; approved: boolean; version: number }[];
  }[];
  decisionPoints: { id: string; prepared: boolean }[];
};

export function previousNumeral(numeral: MilestoneNumeral): MilestoneNumeral | null {
  const i = MILESTONE_NUMERALS.indexOf(numeral);
  return i > 0 ? (MILESTONE_NUMERALS[i - 1] ?? null) : null;
}

/**
 * What is ready and what is missing for one milestone's decision: the previous milestone passed,
 * every required basis document exists and is fastställd, every decision point prepared.
 * Optional basis documents are shown but never block.
 */
export function assessReadiness(input: {
  milestone: Milestone;
  deliverables: readonly DeliverableState[];
  preparedDecisionPointIds: ReadonlySet<string>;
  currentOutcomes: ReadonlyMap<MilestoneNumeral, Outcome>;
}): Readiness {
  const { milestone } = input;
  const missing: MissingItem[] = [];
  const previous = previousNumeral(milestone.numeral);
  if (previous && !passes(input.currentOutcomes.get(previous))) missing.push({ kind: "previous_milestone_not_passed", numeral: previous });

  const basis = milestone.basis.map((entry) => {
    const ofType = input.deliverables.filter((d) => d.typeId === entry.deliverableTypeId);
    if (entry.required) {
      if (ofType.length === 0) missing.push({ kind: "deliverable_missing", deliverableTypeId: entry.deliverableTypeId });
      else if (!ofType.some((d) => d.approved)) {
        const d = ofType[0] as DeliverableState;
        missing.push({
          kind: "deliverable_not_approved",
          deliverableTypeId: entry.deliverableTypeId,
          deliverableId: d.id,
          status: d.latest.status,
        });
      }
    }
    return {
      deliverableTypeId: entry.deliverableTypeId,
      required: entry.required,
      deliverables: ofType.map((d) => ({
        id: d.id,
        title: d.title,
        status: d.latest.status,
        approved: d.approved !== null,
        version: (d.approved ?? d.latest).version,
      })),
    };
  });

  const decisionPoints = milestone.decisionPoints.map((dp) => ({ id: dp.id, prepared: input.preparedDecisionPointIds.has(dp.id) }));
  for (const dp of decisionPoints) if (!dp.prepared) missing.push({ kind: "decision_point_unprepared", decisionPointId: dp.id });

  return { ready: missing.length === 0, missing, basis, decisionPoints };
}

/** The missing items that an explicit written reason may override; the order of milestones is never overridable. */
export const basisGaps = (r: Readiness) => r.missing.filter((m) => m.kind !== "previous_milestone_not_passed");

/**
 * The current phase is the one after the last milestone, taken in order, whose current decision
 * is a go; before any go it is phase 1. After milestone VIII the initiative is complete.
 */
export function currentPhase(
  method: Method,
  currentOutcomes: ReadonlyMap<MilestoneNumeral, Outcome>,
): { phase: PhaseNumber; completed: boolean } {
  let phase: PhaseNumber = 1;
  for (const m of method.milestones) {
    if (!passes(currentOutcomes.get(m.numeral))) return { phase, completed: false };
    if (m.afterPhase === 8) return { phase: 8, completed: true };
    phase = (m.afterPhase + 1) as PhaseNumber;
  }
  return { phase, completed: false };
}

export type MilestoneStatus = "not_decided" | Outcome;
