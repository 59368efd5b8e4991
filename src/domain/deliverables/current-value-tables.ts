import type { Database } from "../../db/database.ts";
import { flowsOf } from "../../db/repositories/flow-repository.ts";
import { reservePlansOf } from "../../db/repositories/reserve-plan-repository.ts";
import { risksOf } from "../../db/repositories/risk-repository.ts";
import { evaluatedBenefitsOf } from "../benefits/benefit-plan.ts";
import { evaluateBusinessCase } from "../business-case/business-case.ts";
import { computedFor, statedCase } from "../business-case/initiative-business-case.ts";
import { sensitivity } from "../business-case/sensitivity.ts";
import { stockholmDay } from "../follow-up/follow-up-rules.ts";
import { riskView } from "../risks/risk-register.ts";
import type { GeneratedBenefit, GeneratedBusinessCase, GeneratedReservePlan, GeneratedRisk, SensitivityLabel } from "./value-tables.ts";

/**
 * The value and risk tables of a document as the initiative's data say now (issue 12). Reads only;
 * the caller has checked access, and for fastställande holds the deliverable's lock.
 */

const cents = (n: number) => Math.round(n * 100) / 100;

export async function currentBusinessCase(db: Database, initiativeId: string, now: Date): Promise<GeneratedBusinessCase> {
  const { stated } = await statedCase(db, initiativeId, now);
  const computed = await computedFor(db, initiativeId, stated);
  const figures = { ...stated, computed };
  const result = evaluateBusinessCase(figures);
  const byFlow = new Map<string, GeneratedBusinessCase["computedByFlow"][number]>();
  for (const year of computed)
    for (const f of year.flows) {
      const sum = byFlow.get(f.flowId) ?? { name: f.name, costPerLetterSek: f.costPerLetterSek, digital: 0, amount: 0 };
      byFlow.set(f.flowId, { ...sum, digital: sum.digital + f.digital.expected, amount: cents(sum.amount + f.amount.expected) });
    }
  return {
    startYear: result.startYear,
    horizonYears: result.horizonYears,
    discountRate: result.discountRate,
    years: result.years,
    scenarios: {
      low: { npv: result.scenarios.low.npv, paybackYear: result.scenarios.low.paybackYear },
      expected: { npv: result.scenarios.expected.npv, paybackYear: result.scenarios.expected.paybackYear },
      high: { npv: result.scenarios.high.npv, paybackYear: result.scenarios.high.paybackYear },
    },
    computedByFlow: [...byFlow.values()].filter((f) => f.amount > 0).sort((a, b) => b.amount - a.amount),
    sensitivity: sensitivity(figures).rows.map((r) => ({
      // A frozen document names the flow: its id would mean nothing once the flow is gone.
      input: (r.input.kind === "flow" ? { kind: "flow", name: r.input.name } : r.input) as SensitivityLabel,
      npvDown: r.npvDown,
      npvUp: r.npvUp,
      swing: r.swing,
    })),
  };
}

export async function currentRisks(db: Database, initiativeId: string, now: Date): Promise<GeneratedRisk[]> {
  const today = stockholmDay(now);
  return (await risksOf(db, initiativeId))
    .map((row) => riskView(row, today))
    .sort((a, b) => b.score - a.score || a.title.localeCompare(b.title, "sv"))
    .map((r) => ({
      title: r.title,
      category: r.category,
      probability: r.probability,
      consequence: r.consequence,
      score: r.score,
      level: r.level,
      owner: r.owner,
      mitigation: r.mitigation,
      status: r.status,
      reviewDate: r.reviewDate,
    }));
}

/** The reserve-operation plans, the plans for all flows first, then by flow, outage and duration. */
export async function currentReservePlans(db: Database, initiativeId: string): Promise<GeneratedReservePlan[]> {
  const plans = await reservePlansOf(db, initiativeId);
  const names = new Map((await flowsOf(db, initiativeId)).map((f) => [f.id, f.name]));
  const order = (p: GeneratedReservePlan) => `${p.flowName === null ? "0" : `1${p.flowName}`}|${p.outage}|${p.duration === "kort" ? 0 : 1}`;
  return plans
    .map(
      (p): GeneratedReservePlan => ({
        flowName: p.flowId === null ? null : (names.get(p.flowId) ?? null),
        outage: p.outage as GeneratedReservePlan["outage"],
        duration: p.duration as GeneratedReservePlan["duration"],
        fallbackAfterHours: p.fallbackAfterHours,
        fallback: p.fallback,
        decidedBy: p.decidedBy,
      }),
    )
    .sort((a, b) => order(a).localeCompare(order(b), "sv"));
}

/** The nyttorealiseringsplan's benefits, each with its latest measurement against its target and the gap analysis. */
export async function currentBenefits(db: Database, initiativeId: string): Promise<GeneratedBenefit[]> {
  return (await evaluatedBenefitsOf(db, initiativeId)).map((b) => ({
    name: b.name,
    metric: b.metric,
    unit: b.unit,
    owner: b.owner,
    howRealised: b.howRealised,
    baselineValue: b.baselineValue,
    baselineDate: b.baselineDate,
    targetValue: b.targetValue,
    targetDate: b.targetDate,
    frequencyMonths: b.frequency,
    measuredBy: b.measuredBy,
    actual: b.evaluation.actual,
    actualDate: b.evaluation.actualDate,
    gap: b.evaluation.gap,
    gapShare: b.evaluation.gapShare,
    realisation: b.evaluation.realisation,
    gapCause: b.gapCause,
    proposedActions: b.proposedActions,
    responsibleUnit: b.responsibleUnit,
  }));
}
