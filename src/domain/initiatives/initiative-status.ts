import type { Method, MilestoneNumeral, PhaseNumber } from "../../method/types.ts";
import { type Condition, currentPhase, type MilestoneStatus, type Outcome, passes } from "../milestones/milestone-rules.ts";

/**
 * What the status query (db/repositories/initiative-status-repository.ts) computes in SQL for each
 * initiative, in one statement for one initiative or many: the current decision per milestone
 * (the newest that nothing supersedes) with whether its basis changed since, which activities are
 * being worked on, which deliverables exist and are fastställda, which decision points are prepared.
 */
export type InitiativeStatusFacts = {
  initiativeId: string;
  organisationId: string;
  currentDecisions: {
    id: string;
    numeral: MilestoneNumeral;
    outcome: Outcome;
    decidedOn: string;
    incompleteBasis: boolean;
    conditions: Condition[];
    /** The basis-changed rule of domain/milestones/basis-snapshot.ts (`basisChangedSince`), evaluated in SQL. */
    basisChanged: boolean;
  }[];
  /** Activities in progress or done. */
  workedActivityIds: string[];
  /** Every deliverable that has a version: its type, and whether any version of it is fastställd. */
  deliverables: { typeId: string; approved: boolean }[];
  preparedDecisionPointIds: string[];
};

/**
 * An initiative's status at a glance, for the overview, the initiative lists and the portfolio.
 *
 * Flags:
 * - `startedAheadOfDecision`: work (an activity in progress or done, or a deliverable of a phase's
 *   results) in a phase beyond the current one, i.e. a phase whose entry milestone has no go decision.
 * - `decidedOnIncompleteBasis`: a current decision was taken with a written reason for an
 *   incomplete basis.
 * - `basisChangedAfterDecision`: for a current decision, a basis document's version that would be
 *   decided on now (its latest fastställd, else its latest) differs from the snapshot's: only a new
 *   fastställd version after the decision counts, not an utkast written beside it.
 * - `conditionOverdue`: a condition of a current go_with_conditions decision is due before today
 *   (Stockholm date).
 * - `decisionOverdue`: always false until milestones carry planned decision dates.
 */
export type InitiativeStatus = {
  initiativeId: string;
  organisationId: string;
  currentPhase: PhaseNumber;
  completed: boolean;
  milestones: { numeral: MilestoneNumeral; status: MilestoneStatus; decisionId: string | null; decidedOn: string | null }[];
  /** The first milestone, in order, without a current go; null once the initiative is complete. */
  nextMilestone: MilestoneNumeral | null;
  /** How far the next milestone's basis is: required basis document types with a fastställd document, prepared decision points. */
  readiness: {
    requiredBasis: number;
    approvedBasis: number;
    decisionPoints: number;
    preparedDecisionPoints: number;
    ready: boolean;
  } | null;
  flags: {
    startedAheadOfDecision: boolean;
    decidedOnIncompleteBasis: boolean;
    basisChangedAfterDecision: boolean;
    conditionOverdue: boolean;
    /** No planned decision dates exist yet, so nothing can be overdue. */
    decisionOverdue: false;
  };
  /** The phases with work started ahead of their decision, and the milestones each flag is raised by. */
  phasesStartedAhead: PhaseNumber[];
  incompleteBasisMilestones: MilestoneNumeral[];
  basisChangedMilestones: MilestoneNumeral[];
  overdueConditionMilestones: MilestoneNumeral[];
};

const STOCKHOLM_DAY = new Intl.DateTimeFormat("sv-SE", { timeZone: "Europe/Stockholm" });

/** The date in Sweden, "YYYY-MM-DD", which a condition's due date is compared with. */
export const stockholmDay = (at: Date): string => STOCKHOLM_DAY.format(at);

export function initiativeStatus(method: Method, facts: InitiativeStatusFacts, now: Date): InitiativeStatus {
  const current = new Map(facts.currentDecisions.map((d) => [d.numeral, d]));
  const phase = currentPhase(method, new Map([...current].map(([n, d]) => [n, d.outcome])));
  const next = phase.completed ? undefined : method.milestones.find((m) => !passes(current.get(m.numeral)?.outcome));

  const worked = new Set(facts.workedActivityIds);
  const docTypes = new Set(facts.deliverables.map((d) => d.typeId));
  const phasesStartedAhead = method.phases
    .filter((p) => p.number > phase.phase)
    .filter((p) => p.activities.some((a) => worked.has(a.id)) || p.results.some((t) => docTypes.has(t)))
    .map((p) => p.number);

  const readiness = next
    ? (() => {
        const required = next.basis.filter((b) => b.required);
        const approvedBasis = required.filter((b) => facts.deliverables.some((d) => d.typeId === b.deliverableTypeId && d.approved)).length;
        const prepared = new Set(facts.preparedDecisionPointIds);
        const preparedDecisionPoints = next.decisionPoints.filter((dp) => prepared.has(dp.id)).length;
        return {
          requiredBasis: required.length,
          approvedBasis,
          decisionPoints: next.decisionPoints.length,
          preparedDecisionPoints,
          ready: approvedBasis === required.length && preparedDecisionPoints === next.decisionPoints.length,
        };
      })()
    : null;

  const today = stockholmDay(now);
  const decisions = [...current.values()];
  const numerals = (pick: (d: InitiativeStatusFacts["currentDecisions"][number]) => boolean) =>
    method.milestones.map((m) => m.numeral).filter((n) => decisions.some((d) => d.numeral === n && pick(d)));
  const incompleteBasisMilestones = numerals((d) => d.incompleteBasis);
  const basisChangedMilestones = numerals((d) => d.basisChanged);
  const overdueConditionMilestones = numerals((d) => d.outcome === "go_with_conditions" && d.conditions.some((c) => c.dueDate < today));

  return {
    initiativeId: facts.initiativeId,
    organisationId: facts.organisationId,
    currentPhase: phase.phase,
    completed: phase.completed,
    milestones: method.milestones.map((m) => {
      const d = current.get(m.numeral);
      return { numeral: m.numeral, status: d ? d.outcome : "not_decided", decisionId: d?.id ?? null, decidedOn: d?.decidedOn ?? null };
    }),
    nextMilestone: next?.numeral ?? null,
    readiness,
    flags: {
      startedAheadOfDecision: phasesStartedAhead.length > 0,
      decidedOnIncompleteBasis: incompleteBasisMilestones.length > 0,
      basisChangedAfterDecision: basisChangedMilestones.length > 0,
      conditionOverdue: overdueConditionMilestones.length > 0,
      decisionOverdue: false,
    },
    phasesStartedAhead,
    incompleteBasisMilestones,
    basisChangedMilestones,
    overdueConditionMilestones,
  };
}
