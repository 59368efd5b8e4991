/**
 * The comparison of connection-tactic alternatives (method §4.2, phase 2): for each alternative what
 * it costs over five years, how long it takes, which flows it serves and how many digital messages
 * those flows send in the forecast's first five years, so the cost per digital message can be set
 * side by side, and the difference against doing nothing ("inget"), the baseline. Pure: the forecast
 * per flow comes in as input.
 */

import type { TacticKind } from "./tactic-input.ts";

/** The horizon of the comparison, the same five years the förvaltningsgrupp is told volumes for. */
export const COMPARISON_YEARS = 5;

export type ComparedAlternative = {
  readonly id: string;
  readonly tactic: TacticKind;
  readonly name: string;
  readonly oneOffCostSek: number;
  readonly annualCostSek: number;
  readonly leadTimeMonths: number | null;
  readonly flowIds: readonly string[];
};

export type ComparedFlow = { readonly id: string; readonly name: string; readonly annualVolume: number };

export type ServedFlow = {
  readonly flowId: string;
  readonly name: string;
  readonly annualVolume: number;
  /** The flow's digital messages over the forecast's first five years. */
  readonly digitalMessages: number;
};

export type AlternativeComparison = {
  readonly alternativeId: string;
  /** One-off cost + five years of the annual cost. */
  readonly fiveYearCostSek: number;
  readonly leadTimeMonths: number | null;
  readonly flows: ServedFlow[];
  readonly annualVolume: number;
  readonly digitalMessages: number;
  /** Five-year cost ÷ digital messages, to the öre; null when the flows send none. */
  readonly costPerDigitalMessageSek: number | null;
  /** Against "inget"; null for the baseline itself or when the initiative has none. */
  readonly difference: {
    readonly fiveYearCostSek: number;
    readonly digitalMessages: number;
    readonly leadTimeMonths: number | null;
    /** The extra cost per extra digital message; null when there are no extra messages. */
    readonly costPerAdditionalDigitalMessageSek: number | null;
  } | null;
};

export type TacticComparison = {
  /** The alternative doing nothing that the others are set against: the first "inget", or null. */
  readonly baselineId: string | null;
  readonly alternatives: AlternativeComparison[];
};

const round2 = (x: number) => Math.round(x * 100) / 100;

export const fiveYearCost = (a: Pick<ComparedAlternative, "oneOffCostSek" | "annualCostSek">) =>
  round2(a.oneOffCostSek + COMPARISON_YEARS * a.annualCostSek);

/**
 * Compares the alternatives in the order given. `digitalByFlow` is each flow's digital messages over
 * the forecast's first five years; a flow missing from it (or from `flows`) counts as sending none.
 */
export function compareTactics({
  alternatives,
  flows,
  digitalByFlow,
}: {
  alternatives: readonly ComparedAlternative[];
  flows: readonly ComparedFlow[];
  digitalByFlow: ReadonlyMap<string, number>;
}): TacticComparison {
  const flowById = new Map(flows.map((f) => [f.id, f]));
  const rows = alternatives.map((a) => {
    const served: ServedFlow[] = [];
    for (const id of new Set(a.flowIds)) {
      const f = flowById.get(id);
      if (f) served.push({ flowId: f.id, name: f.name, annualVolume: f.annualVolume, digitalMessages: digitalByFlow.get(f.id) ?? 0 });
    }
    const digitalMessages = served.reduce((sum, f) => sum + f.digitalMessages, 0);
    const cost = fiveYearCost(a);
    return {
      alternativeId: a.id,
      fiveYearCostSek: cost,
      leadTimeMonths: a.leadTimeMonths,
      flows: served,
      annualVolume: served.reduce((sum, f) => sum + f.annualVolume, 0),
      digitalMessages,
      costPerDigitalMessageSek: digitalMessages > 0 ? round2(cost / digitalMessages) : null,
    };
  });
  const baselineIndex = alternatives.findIndex((a) => a.tactic === "inget");
  const baseline = baselineIndex >= 0 ? rows[baselineIndex] : undefined;
  return {
    baselineId: baseline?.alternativeId ?? null,
    alternatives: rows.map((r) => {
      if (!baseline || r === baseline) return { ...r, difference: null };
      const extraCost = round2(r.fiveYearCostSek - baseline.fiveYearCostSek);
      const extraMessages = r.digitalMessages - baseline.digitalMessages;
      return {
        ...r,
        difference: {
          fiveYearCostSek: extraCost,
          digitalMessages: extraMessages,
          leadTimeMonths: r.leadTimeMonths !== null && baseline.leadTimeMonths !== null ? r.leadTimeMonths - baseline.leadTimeMonths : null,
          costPerAdditionalDigitalMessageSek: extraMessages > 0 ? round2(extraCost / extraMessages) : null,
        },
      };
    }),
  };
}
