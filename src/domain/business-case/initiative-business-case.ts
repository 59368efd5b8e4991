import type { Database } from "../../db/database.ts";
import { findBusinessCase, saveBusinessCaseRow } from "../../db/repositories/business-case-repository.ts";
import type { FlowRow } from "../../db/repositories/flow-repository.ts";
import { lockInitiative } from "../../db/repositories/initiative-repository.ts";
import { can } from "../access/policy.ts";
import { recordAudit } from "../audit/record-audit.ts";
import { forecastFlowOf, forecastInputsOf } from "../flows/initiative-forecast.ts";
import { stockholmDay } from "../follow-up/follow-up-rules.ts";
import { forecast } from "../forecast/forecast.ts";
import { readableInitiative, workableInitiative } from "../initiatives/read-initiatives.ts";
import type { UseCaseContext } from "../shared/use-case.ts";
import type { YearMonth } from "../volumes/volume-series.ts";
import { type BusinessCaseFigures, evaluateBusinessCase } from "./business-case.ts";
import {
  type BenefitLine,
  type BusinessCaseInput,
  type CostLine,
  DEFAULT_DISCOUNT_RATE,
  DEFAULT_HORIZON_YEARS,
  horizonYearsOf,
} from "./business-case-input.ts";
import { type ComputedBenefitFlow, type ComputedBenefitYear, computedBenefits } from "./computed-benefits.ts";
import { sensitivity } from "./sensitivity.ts";

type Ctx = Pick<UseCaseContext, "db" | "actor" | "now">;

type Stated = Pick<BusinessCaseInput, "startYear" | "horizonYears" | "discountRate"> & { costs: CostLine[]; benefits: BenefitLine[] };

/** What the team has stated, or — before anyone has — this year, five years, 3 % and no lines. */
export async function statedCase(db: Database, initiativeId: string, now: Date) {
  const row = await findBusinessCase(db, initiativeId);
  const stated: Stated = row
    ? {
        startYear: row.startYear,
        horizonYears: row.horizonYears,
        discountRate: row.discountRate,
        costs: row.costs as CostLine[],
        benefits: row.benefits as BenefitLine[],
      }
    : {
        startYear: Number(stockholmDay(now).slice(0, 4)),
        horizonYears: DEFAULT_HORIZON_YEARS,
        discountRate: DEFAULT_DISCOUNT_RATE,
        costs: [],
        benefits: [],
      };
  return { stated, row };
}

const benefitFlowOf = (flow: FlowRow, months: ComputedBenefitFlow["months"]): ComputedBenefitFlow => ({
  flowId: flow.id,
  name: flow.name,
  costPerLetterSek: Number(flow.costPerLetterSek),
  productionMonth: flow.plannedProductionDate ? (flow.plannedProductionDate.slice(0, 7) as YearMonth) : null,
  months,
});

/** The forecast over the business case's horizon, from January of its first year, as computed benefits. */
export async function computedFor(db: Database, initiativeId: string, stated: Stated) {
  const { flows, reach } = await forecastInputsOf(db, initiativeId);
  const result = forecast({
    flows: flows.map(forecastFlowOf),
    from: `${stated.startYear}-01` as YearMonth,
    months: stated.horizonYears * 12,
    reach,
  });
  const benefitFlows = flows.map((f, i) => benefitFlowOf(f, result.flows[i]?.months ?? []));
  return computedBenefits(benefitFlows, horizonYearsOf(stated));
}

function resultOf(stated: Stated, computed: ComputedBenefitYear[]) {
  const figures: BusinessCaseFigures = { ...stated, computed };
  return { ...evaluateBusinessCase(figures), costs: stated.costs, benefits: stated.benefits, computed, sensitivity: sensitivity(figures) };
}

/** The initiative's business case with its results, for every member; computed benefits follow the forecast. */
export async function getBusinessCase(ctx: Ctx & { initiativeId: string }) {
  const initiative = await readableInitiative(ctx, ctx.initiativeId);
  const { stated, row } = await statedCase(ctx.db, initiative.id, ctx.now);
  const computed = await computedFor(ctx.db, initiative.id, stated);
  return {
    ...resultOf(stated, computed),
    updatedAt: row?.updatedAt.toISOString() ?? null,
    canManage: can(ctx.actor, { action: "initiative:work", organisationId: initiative.organisationId }),
  };
}

/** Replaces the business case (the team's), audited against what it replaced; answers with the results. */
export async function saveBusinessCase({
  db,
  actor,
  now,
  initiativeId,
  input,
}: UseCaseContext & { initiativeId: string; input: BusinessCaseInput }) {
  const initiative = await workableInitiative({ db, actor }, initiativeId);
  await db.transaction(async (tx) => {
    // Two saves at once take turns, so each is audited against the one it replaced.
    await lockInitiative(tx, initiative.id);
    const before = await findBusinessCase(tx, initiative.id);
    const values = {
      startYear: input.startYear,
      horizonYears: input.horizonYears,
      discountRate: input.discountRate,
      costs: input.costs,
      benefits: input.benefits,
      updatedAt: now,
      updatedBy: actor.userId,
    };
    await saveBusinessCaseRow(tx, initiative.id, values);
    const view = (v: Stated) => ({
      startYear: v.startYear,
      horizonYears: v.horizonYears,
      discountRate: v.discountRate,
      costs: v.costs,
      benefits: v.benefits,
    });
    await recordAudit(
      tx,
      actor,
      {
        action: "business_case.save",
        entityType: "business_case",
        entityId: initiative.id,
        organisationId: initiative.organisationId,
        ...(before ? { before: view({ ...before, costs: before.costs as CostLine[], benefits: before.benefits as BenefitLine[] }) } : {}),
        after: view(input),
      },
      now,
    );
  });
  return getBusinessCase({ db, actor, now, initiativeId });
}
