import type { MilestoneNumeral } from "../../method/types.ts";
import type { BenefitSummary } from "../benefits/benefit-plan.ts";
import type { MonthTotal } from "../forecast/forecast.ts";
import type { InitiativeStatus } from "../initiatives/initiative-status.ts";

/**
 * What an initiative reports in a round (issue 14), frozen when the projektledare submits it: the
 * plan (its flows), the volume forecast from the round's month, the benefits realised against what
 * was expected, and where it stands in the method. Stored as JSON beside the submission and never
 * recomputed, so a round shows what was reported, whatever changed since.
 */
export type ReportSnapshot = {
  /** The shape's version, so a later change to it can tell old snapshots apart. */
  schema: 1;
  initiative: { id: string; name: string };
  organisation: { id: string; name: string; kind: string };
  phase: { current: number; completed: boolean };
  lastDecision: { numeral: MilestoneNumeral; outcome: string; decidedOn: string } | null;
  flows: {
    id: string;
    name: string;
    recipientType: string;
    annualVolume: number;
    plannedTestDate: string | null;
    plannedProductionDate: string | null;
    status: string;
    tactic: string | null;
  }[];
  forecast: {
    from: string;
    months: MonthTotal[];
    /** Digital messages per calendar year over those months (the first and last years may be part years). */
    digitalPerYear: { year: number; digital: number }[];
  };
  benefits: {
    id: string;
    name: string;
    category: string | null;
    beneficiary: string | null;
    metric: string;
    unit: string;
    expected: number;
    targetDate: string;
    realised: number | null;
    realisedOn: string | null;
    realisation: string;
  }[];
};

type FlowFacts = ReportSnapshot["flows"][number];

/** What a report says of a flow, from the flow as stored or as a plan froze it. */
export const reportedFlow = (f: FlowFacts): FlowFacts => ({
  id: f.id,
  name: f.name,
  recipientType: f.recipientType,
  annualVolume: f.annualVolume,
  plannedTestDate: f.plannedTestDate,
  plannedProductionDate: f.plannedProductionDate,
  status: f.status,
  tactic: f.tactic,
});

/** The snapshot of what was read, in the order the API and the pages show it. */
export function reportSnapshot({
  initiative,
  organisation,
  status,
  flows,
  forecast,
  benefits,
}: {
  initiative: { id: string; name: string };
  organisation: { id: string; name: string; kind: string };
  status: InitiativeStatus | undefined;
  flows: readonly FlowFacts[];
  forecast: { from: string; months: readonly MonthTotal[] };
  benefits: readonly BenefitSummary[];
}): ReportSnapshot {
  return {
    schema: 1,
    initiative: { id: initiative.id, name: initiative.name },
    organisation,
    phase: { current: status?.currentPhase ?? 1, completed: status?.completed ?? false },
    lastDecision: status ? lastDecisionOf(status) : null,
    flows: [...flows].sort((a, b) => a.name.localeCompare(b.name, "sv") || a.id.localeCompare(b.id)),
    forecast: {
      from: forecast.from,
      months: forecast.months.map((m) => ({ month: m.month, volume: m.volume, digital: m.digital, paper: m.paper })),
      digitalPerYear: digitalPerYear(forecast.months),
    },
    benefits: benefits.map((b) => ({
      id: b.id,
      name: b.name,
      category: b.category,
      beneficiary: b.beneficiary,
      metric: b.metric,
      unit: b.unit,
      expected: b.evaluation.target,
      targetDate: b.targetDate,
      realised: b.evaluation.actual,
      realisedOn: b.evaluation.actualDate,
      realisation: b.evaluation.realisation,
    })),
  };
}

/** The most recent current decision (by its day; of two on one day the later milestone). */
export function lastDecisionOf(status: InitiativeStatus): ReportSnapshot["lastDecision"] {
  let last: ReportSnapshot["lastDecision"] = null;
  for (const m of status.milestones) {
    if (m.decidedOn === null || m.status === "not_decided") continue;
    if (!last || m.decidedOn >= last.decidedOn) last = { numeral: m.numeral, outcome: m.status, decidedOn: m.decidedOn };
  }
  return last;
}

/** Digital messages summed per calendar year of the months. */
export function digitalPerYear(months: readonly { month: string; digital: number }[]): { year: number; digital: number }[] {
  const years = new Map<number, number>();
  for (const m of months) {
    const year = Number(m.month.slice(0, 4));
    years.set(year, (years.get(year) ?? 0) + m.digital);
  }
  return [...years].sort(([a], [b]) => a - b).map(([year, digital]) => ({ year, digital }));
}

const dayNumber = (day: string) => Math.round(Date.parse(`${day}T00:00:00Z`) / 86_400_000);

/** What changed since an earlier report: digital messages per year, and each flow's planned production date. */
export type ReportComparison = {
  previousRoundName: string;
  previousSubmittedAt: string;
  digitalPerYear: { year: number; previous: number | null; now: number | null; difference: number | null }[];
  productionDates: {
    flowId: string;
    name: string;
    previous: string | null;
    now: string | null;
    /** Days later (positive) or earlier (negative) than reported before; null when either has no date. */
    differenceDays: number | null;
  }[];
};

/**
 * The report against the one before it: the years of the current report (a year the earlier one
 * did not reach shows no earlier number), and every flow in either (a flow added or removed since
 * shows one side only).
 */
export function compareReports(
  previous: { roundName: string; submittedAt: Date; snapshot: ReportSnapshot },
  now: ReportSnapshot,
): ReportComparison {
  const before = new Map(previous.snapshot.forecast.digitalPerYear.map((y) => [y.year, y.digital]));
  const after = new Map(now.forecast.digitalPerYear.map((y) => [y.year, y.digital]));
  const years = [...after.keys()].sort((a, b) => a - b);
  const flowsBefore = new Map(previous.snapshot.flows.map((f) => [f.id, f]));
  const flowsNow = new Map(now.flows.map((f) => [f.id, f]));
  const flowIds = [...new Set([...now.flows.map((f) => f.id), ...previous.snapshot.flows.map((f) => f.id)])];
  return {
    previousRoundName: previous.roundName,
    previousSubmittedAt: previous.submittedAt.toISOString(),
    digitalPerYear: years.map((year) => {
      const p = before.get(year) ?? null;
      const n = after.get(year) ?? null;
      return { year, previous: p, now: n, difference: p === null || n === null ? null : n - p };
    }),
    productionDates: flowIds.map((flowId) => {
      const p = flowsBefore.get(flowId);
      const n = flowsNow.get(flowId);
      const pd = p?.plannedProductionDate ?? null;
      const nd = n?.plannedProductionDate ?? null;
      return {
        flowId,
        name: n?.name ?? p?.name ?? "",
        previous: pd,
        now: nd,
        differenceDays: pd && nd ? dayNumber(nd) - dayNumber(pd) : null,
      };
    }),
  };
}
