import type { Database } from "../../db/database.ts";
import { findBusinessCase, saveBusinessCaseRow, saveEffectChainRow } from "../../db/repositories/business-case-repository.ts";
import type { FlowRow } from "../../db/repositories/flow-repository.ts";
import { lockInitiative } from "../../db/repositories/initiative-repository.ts";
import { alternativesOf } from "../../db/repositories/tactic-repository.ts";
import { can } from "../access/policy.ts";
import { recordAudit } from "../audit/record-audit.ts";
import { forecastFlowOf, forecastInputsOf } from "../flows/initiative-forecast.ts";
import { stockholmDay } from "../follow-up/follow-up-rules.ts";
import { forecast } from "../forecast/forecast.ts";
import { readableInitiative, workableInitiative } from "../initiatives/read-initiatives.ts";
import { DomainError } from "../shared/domain-error.ts";
import type { UseCaseContext } from "../shared/use-case.ts";
import { fieldIssues } from "../shared/zod-issues.ts";
import { tacticAlternativeView } from "../tactics/tactic-view.ts";
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
import { type ComputedBenefitFlow, type ComputedBenefitYear, computedBenefits, flowYearInputs } from "./computed-benefits.ts";
import { EffectChain, EMPTY_EFFECT_CHAIN } from "./effect-chain.ts";
import { sensitivity } from "./sensitivity.ts";
import { tacticBusinessCases } from "./tactic-business-case.ts";

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
  // The column holds what EffectChain parsed when it was saved.
  const effectChain = (row?.effectChain as EffectChain | undefined) ?? EMPTY_EFFECT_CHAIN;
  return { stated, row, effectChain };
}

const benefitFlowOf = (flow: FlowRow, months: ComputedBenefitFlow["months"]): ComputedBenefitFlow => ({
  flowId: flow.id,
  name: flow.name,
  costPerLetterSek: Number(flow.costPerLetterSek),
  productionMonth: flow.plannedProductionDate ? (flow.plannedProductionDate.slice(0, 7) as YearMonth) : null,
  months,
});

/** The forecast over the business case's horizon, from January of its first year, per flow. */
async function benefitFlowsFor(db: Database, initiativeId: string, stated: Stated) {
  const { flows, reach } = await forecastInputsOf(db, initiativeId);
  const result = forecast({
    flows: flows.map(forecastFlowOf),
    from: `${stated.startYear}-01` as YearMonth,
    months: stated.horizonYears * 12,
    reach,
  });
  return flows.map((f, i) => ({ flow: f, benefit: benefitFlowOf(f, result.flows[i]?.months ?? []) }));
}

export async function computedFor(db: Database, initiativeId: string, stated: Stated) {
  const flows = await benefitFlowsFor(db, initiativeId, stated);
  return computedBenefits(
    flows.map((f) => f.benefit),
    horizonYearsOf(stated),
  );
}

function resultOf(stated: Stated, computed: ComputedBenefitYear[]) {
  const figures: BusinessCaseFigures = { ...stated, computed };
  return { ...evaluateBusinessCase(figures), costs: stated.costs, benefits: stated.benefits, computed, sensitivity: sensitivity(figures) };
}

/** Each connection-tactic alternative's business case over the stated horizon (tactic-business-case.ts). */
async function tacticsFor(db: Database, initiativeId: string, stated: Stated, computed: ComputedBenefitYear[]) {
  const alternatives = (await alternativesOf(db, initiativeId)).map(tacticAlternativeView);
  return tacticBusinessCases({ ...stated, computed, alternatives }).map(({ years: _years, ...t }) => t);
}

/**
 * The initiative's business case with its results, its effektkedja and its tactic alternatives'
 * business cases, for every member; computed benefits follow the forecast.
 */
export async function getBusinessCase(ctx: Ctx & { initiativeId: string }) {
  const initiative = await readableInitiative(ctx, ctx.initiativeId);
  const { stated, row, effectChain } = await statedCase(ctx.db, initiative.id, ctx.now);
  const computed = await computedFor(ctx.db, initiative.id, stated);
  return {
    initiative: { id: initiative.id, name: initiative.name },
    ...resultOf(stated, computed),
    effectChain,
    tactics: await tacticsFor(ctx.db, initiative.id, stated, computed),
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

/**
 * Changes the effektkedja (the team's): `change` gets the chain as stored under the initiative's lock
 * — so two changes at once take turns and neither is lost — and gives the next one, which must parse
 * as an EffectChain (400 with the field paths, nothing saved). Audited against what it replaced.
 */
export async function changeEffectChain({
  db,
  actor,
  now,
  initiativeId,
  change,
}: UseCaseContext & { initiativeId: string; change: (current: EffectChain) => unknown }) {
  const initiative = await workableInitiative({ db, actor }, initiativeId);
  await db.transaction(async (tx) => {
    await lockInitiative(tx, initiative.id);
    const { stated, effectChain: before } = await statedCase(tx, initiative.id, now);
    const parsed = EffectChain.safeParse(change(before));
    if (!parsed.success) throw new DomainError("VALIDATION_FAILED", "the effect chain is not valid", { fields: fieldIssues(parsed.error) });
    const { startYear, horizonYears, discountRate } = stated;
    await saveEffectChainRow(
      tx,
      initiative.id,
      parsed.data,
      { startYear, horizonYears, discountRate },
      { updatedAt: now, updatedBy: actor.userId },
    );
    await recordAudit(
      tx,
      actor,
      {
        action: "business_case.effect_chain.save",
        entityType: "business_case",
        entityId: initiative.id,
        organisationId: initiative.organisationId,
        before,
        after: parsed.data,
      },
      now,
    );
  });
  return getBusinessCase({ db, actor, now, initiativeId });
}

/** Replaces the effektkedja whole (the API's PUT). */
export const saveEffectChain = (ctx: UseCaseContext & { initiativeId: string; input: EffectChain }) =>
  changeEffectChain({ ...ctx, change: () => ctx.input });

/**
 * The business case with the flows behind its computed benefits (letters, cost per letter, the reach
 * used, per year): what the XLSX export shows as its inputs. For every member.
 */
export async function getBusinessCaseWithFlows(ctx: Ctx & { initiativeId: string }) {
  const result = await getBusinessCase(ctx);
  const years = horizonYearsOf(result);
  const flows = (await benefitFlowsFor(ctx.db, result.initiative.id, result)).map(({ flow, benefit }) => ({
    flowId: flow.id,
    name: flow.name,
    recipientType: flow.recipientType,
    annualVolume: flow.annualVolume,
    costPerLetterSek: benefit.costPerLetterSek,
    productionMonth: benefit.productionMonth,
    years: flowYearInputs(benefit, years),
  }));
  return { ...result, flows };
}
