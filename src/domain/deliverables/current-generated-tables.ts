import type { Database } from "../../db/database.ts";
import { findPlanSettings } from "../../db/repositories/flow-plan-settings-repository.ts";
import { forecastFlowOf, forecastInputsOf } from "../flows/initiative-forecast.ts";
import { stockholmDay } from "../follow-up/follow-up-rules.ts";
import { forecast } from "../forecast/forecast.ts";
import { priorityFlowOf } from "../prioritisation/flow-priorities.ts";
import { DEFAULT_PRIORITY_WEIGHTS, prioritise } from "../prioritisation/priority-score.ts";
import { tacticComparisonOf } from "../tactics/list-tactic-alternatives.ts";
import type { YearMonth } from "../volumes/volume-series.ts";
import { currentBenefits, currentBusinessCase, currentReservePlans, currentRisks } from "./current-value-tables.ts";
import { type GeneratedPart, type GeneratedTables, type GeneratedYear, generatedPartsOf } from "./generated-tables.ts";

/** The volumes table's years: this calendar year and the four after, whole years so each row is a year's total. */
const VOLUME_YEARS = 5;

/**
 * The generated tables of a document of this type as the initiative's data say now, or null for a
 * type that has none. Reads only: the caller has checked access (and, for fastställande, holds the
 * deliverable's lock, so the frozen tables are those of the moment it was fastställd).
 */
export async function currentGeneratedTables(
  db: Database,
  initiativeId: string,
  typeId: string,
  now: Date,
): Promise<GeneratedTables | null> {
  const parts = generatedPartsOf(typeId);
  if (!parts.length) return null;
  // In sequence: inside a transaction one connection runs one query at a time.
  const flowTables = parts.some((p) => FLOW_PARTS.includes(p))
    ? await currentFlowTables(db, initiativeId, parts, now)
    : { flows: [], volumes: [], tactics: [] };
  return {
    computedAt: now.toISOString(),
    parts: [...parts],
    ...flowTables,
    ...(parts.includes("businessCase") ? { businessCase: await currentBusinessCase(db, initiativeId, now) } : {}),
    ...(parts.includes("benefitPlan") || parts.includes("benefitEvaluation") ? { benefits: await currentBenefits(db, initiativeId) } : {}),
    ...(parts.includes("risks")
      ? { risks: await currentRisks(db, initiativeId, now), reservePlans: await currentReservePlans(db, initiativeId) }
      : {}),
  };
}

const FLOW_PARTS: readonly GeneratedPart[] = ["flows", "tactics", "plan", "volumes"];

/** The flows in priority order, the five years' volumes and the tactic comparison (issue 11). */
async function currentFlowTables(
  db: Database,
  initiativeId: string,
  parts: readonly GeneratedPart[],
  now: Date,
): Promise<Pick<GeneratedTables, "flows" | "volumes" | "tactics">> {
  const { flows, reach } = await forecastInputsOf(db, initiativeId);
  const settings = await findPlanSettings(db, initiativeId);
  const ranked = prioritise(flows.map(priorityFlowOf), settings?.priorityWeights ?? DEFAULT_PRIORITY_WEIGHTS);
  const byId = new Map(flows.map((f) => [f.id, f]));
  const generatedFlows = ranked.flatMap((p) => {
    const f = byId.get(p.flowId);
    return f
      ? [
          {
            rank: p.rank,
            name: f.name,
            recipientType: f.recipientType as GeneratedTables["flows"][number]["recipientType"],
            annualVolume: f.annualVolume,
            costPerLetterSek: Number(f.costPerLetterSek),
            tactic: f.tactic as GeneratedTables["flows"][number]["tactic"],
            status: f.status as GeneratedTables["flows"][number]["status"],
            priorityScore: p.effectiveScore,
            plannedTestDate: f.plannedTestDate,
            plannedProductionDate: f.plannedProductionDate,
          },
        ]
      : [];
  });

  const firstYear = Number(stockholmDay(now).slice(0, 4));
  const months = forecast({
    flows: flows.map(forecastFlowOf),
    from: `${firstYear}-01` as YearMonth,
    months: VOLUME_YEARS * 12,
    reach,
  }).months;
  const volumes = Array.from({ length: VOLUME_YEARS }, (_, i): GeneratedYear => {
    const year = firstYear + i;
    const inYear = months.filter((m) => m.month.startsWith(`${year}-`));
    return {
      year,
      volume: inYear.reduce((s, m) => s + m.volume, 0),
      digital: inYear.reduce((s, m) => s + m.digital, 0),
      paper: inYear.reduce((s, m) => s + m.paper, 0),
    };
  });

  const tactics = parts.includes("tactics") ? await tacticComparisonOf(db, initiativeId, now) : null;
  const names = new Map(flows.map((f) => [f.id, f.name]));
  return {
    flows: generatedFlows,
    volumes,
    tactics: (tactics?.alternatives ?? []).map((a) => {
      const compared = tactics?.comparison.alternatives.find((c) => c.alternativeId === a.id);
      return {
        name: a.name,
        tactic: a.tactic,
        fiveYearCostSek: a.fiveYearCostSek,
        leadTimeMonths: a.leadTimeMonths,
        flowNames: a.flowIds.map((id) => names.get(id) ?? "").filter(Boolean),
        digitalMessages: compared?.digitalMessages ?? 0,
        costPerDigitalMessageSek: compared?.costPerDigitalMessageSek ?? null,
        recommended: a.recommended,
        recommendationReason: a.recommendationReason,
      };
    }),
  };
}
