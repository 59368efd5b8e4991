import type { Method, MilestoneNumeral, PhaseNumber } from "../../method/types.ts";
import { type MilestoneStatus, passes } from "../milestones/milestone-rules.ts";

/** An initiative as the lead times read it: the day it started and its milestones' current decisions. */
export type InitiativeTimeline = {
  createdOn: string;
  milestones: readonly { numeral: MilestoneNumeral; status: MilestoneStatus; decidedOn: string | null }[];
};

export type Spread = { count: number; median: number | null; q1: number | null; q3: number | null };

export type PhaseLeadTime = {
  phase: PhaseNumber;
  /** The milestone that ends the phase. */
  milestone: MilestoneNumeral;
  /** Days from the phase's start to the decision that passed its milestone, over initiatives that got there. */
  completed: Spread;
  /** Days so far for initiatives in the phase now: where connections wait. */
  inProgress: Spread;
};

const DAY = 86_400_000;
const daysBetween = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY);

/** The p-quantile of sorted numbers, interpolating between neighbours (the usual "type 7"). */
export function quantile(sorted: readonly number[], p: number): number | null {
  if (!sorted.length) return null;
  const at = (sorted.length - 1) * p;
  const low = Math.floor(at);
  const high = Math.ceil(at);
  return sorted[low]! + (sorted[high]! - sorted[low]!) * (at - low);
}

export function spread(values: readonly number[]): Spread {
  const sorted = values.toSorted((a, b) => a - b);
  return { count: sorted.length, median: quantile(sorted, 0.5), q1: quantile(sorted, 0.25), q3: quantile(sorted, 0.75) };
}

/**
 * Lead time per phase across initiatives (issue 14): a phase starts on the day the milestone before it
 * was passed (phase 1 on the day the initiative was started) and ends with the decision that passes its
 * own milestone. Only current decisions count, so a milestone decided again counts from its latest
 * passing decision; a day before the phase's start (a decision back-dated) is left out rather than
 * counted as negative.
 */
export function processMetrics(method: Method, initiatives: readonly InitiativeTimeline[], today: string): PhaseLeadTime[] {
  const completed = new Map<PhaseNumber, number[]>();
  const inProgress = new Map<PhaseNumber, number[]>();
  const push = (map: Map<PhaseNumber, number[]>, phase: PhaseNumber, days: number) => {
    if (days >= 0) map.set(phase, [...(map.get(phase) ?? []), days]);
  };
  for (const initiative of initiatives) {
    let start = initiative.createdOn;
    for (const m of method.milestones) {
      const decision = initiative.milestones.find((x) => x.numeral === m.numeral);
      if (!decision || !passes(decision.status === "not_decided" ? undefined : decision.status) || !decision.decidedOn) {
        push(inProgress, m.afterPhase, daysBetween(start, today));
        break;
      }
      push(completed, m.afterPhase, daysBetween(start, decision.decidedOn));
      start = decision.decidedOn;
    }
  }
  return method.milestones.map((m) => ({
    phase: m.afterPhase,
    milestone: m.numeral,
    completed: spread(completed.get(m.afterPhase) ?? []),
    inProgress: spread(inProgress.get(m.afterPhase) ?? []),
  }));
}
