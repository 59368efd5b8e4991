import type { MilestoneNumeral } from "../../method/types.ts";
import type { Outcome } from "./milestone-rules.ts";

type DecisionLike = { id: string; numeral: string; outcome: string; supersedesId: string | null };

/**
 * The current decision per milestone, from every decision on the initiative newest first: the
 * newest that no other decision supersedes. A superseded decision stays in the record but no
 * longer counts.
 */
export function currentDecisions<D extends DecisionLike>(newestFirst: readonly D[]): Map<MilestoneNumeral, D> {
  const superseded = new Set(newestFirst.map((d) => d.supersedesId).filter((id): id is string => id !== null));
  const current = new Map<MilestoneNumeral, D>();
  for (const d of newestFirst) {
    if (!superseded.has(d.id) && !current.has(d.numeral as MilestoneNumeral)) current.set(d.numeral as MilestoneNumeral, d);
  }
  return current;
}

export const outcomesOf = (current: ReadonlyMap<MilestoneNumeral, DecisionLike>): Map<MilestoneNumeral, Outcome> =>
  new Map([...current].map(([n, d]) => [n, d.outcome as Outcome]));
