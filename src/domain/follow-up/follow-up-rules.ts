import type { MilestoneNumeral } from "../../method/types.ts";
import { methodV12 } from "../../method/v1.2/index.ts";
import type { Condition, Outcome } from "../milestones/milestone-rules.ts";
import { passes } from "../milestones/milestone-rules.ts";

/** A calendar day in Sweden ("YYYY-MM-DD"): due dates and planned dates are Swedish days, not UTC's. */
export const stockholmDay = (now: Date) => new Intl.DateTimeFormat("sv-SE", { timeZone: "Europe/Stockholm" }).format(now);

/** The day `days` after `day` (negative: before), as "YYYY-MM-DD". */
export function addDays(day: string, days: number): string {
  const d = new Date(`${day}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Overdue: the day has passed and it is still not done. Due today is not yet overdue. */
export const isOverdue = (dueDate: string, today: string) => dueDate < today;

/** A decision as follow-up needs it: which milestone, its outcome and conditions, and what it superseded. */
export type DecisionForFollowUp = {
  id: string;
  initiativeId: string;
  numeral: string;
  outcome: Outcome;
  conditions: readonly Condition[];
  supersedesId: string | null;
};

export type FollowUp = { decisionId: string; conditionIndex: number; note: string; metAt: Date; metByName: string | null };

/** A condition of a current decision, with whether and how it was met. */
export type CurrentCondition = Condition & {
  decisionId: string;
  initiativeId: string;
  numeral: string;
  index: number;
  met: FollowUp | null;
  overdue: boolean;
};

/**
 * Every condition ever set on these decisions, each marked `current` when no later decision
 * superseded the one that set it, with whether and how it was met. A met one is never overdue, and
 * neither is one that no longer binds.
 */
export function allConditions(
  decisions: readonly DecisionForFollowUp[],
  followUps: readonly FollowUp[],
  today: string,
): (CurrentCondition & { current: boolean })[] {
  const superseded = new Set(decisions.map((d) => d.supersedesId).filter((id): id is string => id !== null));
  return decisions.flatMap((d) =>
    d.conditions.map((c, index) => {
      const met = followUps.find((f) => f.decisionId === d.id && f.conditionIndex === index) ?? null;
      const current = !superseded.has(d.id);
      return {
        ...c,
        decisionId: d.id,
        initiativeId: d.initiativeId,
        numeral: d.numeral,
        index,
        met,
        current,
        overdue: current && !met && isOverdue(c.dueDate, today),
      };
    }),
  );
}

/**
 * The conditions that still bind: those of decisions no later decision superseded. A condition of
 * a superseded decision is history (the new decision says what holds now); a met one is kept, with
 * its note, and is never overdue.
 */
export const currentConditions = (
  decisions: readonly DecisionForFollowUp[],
  followUps: readonly FollowUp[],
  today: string,
): CurrentCondition[] => allConditions(decisions, followUps, today).filter((c) => c.current);

/**
 * The milestone the initiative works towards: the first, in the method's order, whose current
 * decision is not a go. None when every milestone passed, or when the initiative was stopped there.
 */
export function milestoneAhead(currentOutcomes: ReadonlyMap<MilestoneNumeral, Outcome>): MilestoneNumeral | null {
  for (const m of methodV12.milestones) {
    const outcome = currentOutcomes.get(m.numeral);
    if (!passes(outcome)) return outcome === "stop" ? null : m.numeral;
  }
  return null;
}

/** A decision is overdue when its milestone is the next one, has a planned day, and that day has passed. */
export function decisionOverdue(
  currentOutcomes: ReadonlyMap<MilestoneNumeral, Outcome>,
  plans: readonly { numeral: string; plannedOn: string }[],
  today: string,
): { numeral: MilestoneNumeral; plannedOn: string } | null {
  const next = milestoneAhead(currentOutcomes);
  const plan = next ? plans.find((p) => p.numeral === next) : undefined;
  return next && plan && isOverdue(plan.plannedOn, today) ? { numeral: next, plannedOn: plan.plannedOn } : null;
}
