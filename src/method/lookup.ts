import {
  type DeliverableType,
  type Method,
  MILESTONE_NUMERALS,
  type Milestone,
  type MilestoneNumeral,
  type Phase,
  type PhaseNumber,
} from "./types.ts";

export { MILESTONE_NUMERALS };

export function isMilestoneNumeral(value: unknown): value is MilestoneNumeral {
  return typeof value === "string" && (MILESTONE_NUMERALS as readonly string[]).includes(value);
}

/** Throws only for a method that would fail checkMethodIntegrity, which the server refuses to start with. */
export function milestoneByNumeral(method: Method, numeral: MilestoneNumeral): Milestone {
  const milestone = method.milestones.find((candidate) => candidate.numeral === numeral);
  if (milestone === undefined) throw new Error(`Method ${method.id} v${method.version} has no milestone ${numeral}`);
  return milestone;
}

/** The milestone after `numeral` in method order, or null after VIII. */
export function nextMilestone(method: Method, numeral: MilestoneNumeral): Milestone | null {
  const next = MILESTONE_NUMERALS[MILESTONE_NUMERALS.indexOf(numeral) + 1];
  return next === undefined ? null : milestoneByNumeral(method, next);
}

/** The milestone before `numeral` in method order, or null before I. */
export function previousMilestone(method: Method, numeral: MilestoneNumeral): Milestone | null {
  const previous = MILESTONE_NUMERALS[MILESTONE_NUMERALS.indexOf(numeral) - 1];
  return previous === undefined ? null : milestoneByNumeral(method, previous);
}

/** Throws only for a method that would fail checkMethodIntegrity, which the server refuses to start with. */
export function phaseByNumber(method: Method, phaseNumber: PhaseNumber): Phase {
  const phase = method.phases.find((candidate) => candidate.number === phaseNumber);
  if (phase === undefined) throw new Error(`Method ${method.id} v${method.version} has no phase ${phaseNumber}`);
  return phase;
}

/** Undefined for an unknown id: ids arrive from stored data and requests, so the caller decides. */
export function deliverableType(method: Method, id: string): DeliverableType | undefined {
  return method.deliverableTypes.find((type) => type.id === id);
}
