import type { Database } from "../../db/database.ts";
import { everyBenefit, everyMeasurement } from "../../db/repositories/benefit-repository.ts";
import { everyStatedBenefits } from "../../db/repositories/business-case-repository.ts";
import { actualsOfBenefitFlows } from "../../db/repositories/flow-actual-repository.ts";
import { portfolioInitiativeFacts } from "../../db/repositories/portfolio-repository.ts";
import { methodV12 } from "../../method/v1.2/index.ts";
import { authorize } from "../access/policy.ts";
import type { Beneficiary, BenefitCategory, BenefitLine } from "../business-case/business-case-input.ts";
import { currentForecastMonth, DEFAULT_FORECAST_MONTHS } from "../flows/initiative-forecast.ts";
import { stockholmDay } from "../follow-up/follow-up-rules.ts";
import { monthIndexOf, yearMonthAt } from "../forecast/calendar-month.ts";
import type { InitiativeStatus } from "../initiatives/initiative-status.ts";
import { initiativeStatuses } from "../initiatives/read-initiatives.ts";
import type { UseCaseContext } from "../shared/use-case.ts";
import type { YearMonth } from "../volumes/volume-series.ts";
import { generationCache } from "./generation-cache.ts";
import { type NationalBenefits, nationalBenefits } from "./national-benefits.ts";
import { cachedNationalForecast } from "./national-forecast-cache.ts";
import { nationalPlan } from "./national-plan.ts";
import type { VolumePlan } from "./national-volume-plan.ts";
import { type PortfolioPage, type PortfolioQuery, selectPortfolio } from "./portfolio-query.ts";
import { type PortfolioInitiativeFacts, type PortfolioRow, portfolioRow } from "./portfolio-rows.ts";
import { processMetrics } from "./process-metrics.ts";
import { cachedVolumePlan } from "./volume-plan-cache.ts";

/** Every initiative of every organisation with its status, dates, flags and next year's digital messages. */
export async function portfolioRows({ db, actor, now }: UseCaseContext): Promise<PortfolioRow[]> {
  authorize(actor, { action: "portfolio:read" });
  return everyPortfolioRow(db, now);
}

/** What every portfolio row is read from, but the forecast: each initiative's facts and its status. */
type PortfolioBasis = { facts: PortfolioInitiativeFacts[]; statuses: Map<string, InitiativeStatus> };

/*
 * The status read model over every initiative is the costly read (about 0.2 s on PostgreSQL at
 * national scale), so each app server keeps it per status generation — advanced by migration 0022's
 * triggers with any change the rows read — and Stockholm day (the flags compare dates with today).
 */
const cachedBasis = generationCache<PortfolioBasis>("status", 4);

function portfolioBasis(db: Database, now: Date): Promise<PortfolioBasis> {
  const today = stockholmDay(now);
  return cachedBasis(db, today, async () => ({
    facts: await portfolioInitiativeFacts(db, today),
    statuses: await initiativeStatuses(db, "all", now),
  }));
}

/** The rows for whoever was let in: the förvaltningsgrupp, or the open-data export's filter. */
export async function everyPortfolioRow(db: Database, now: Date): Promise<PortfolioRow[]> {
  // Set-based reads, whatever the number of initiatives, each cached by its generation: facts and statuses, the national forecast.
  const { facts, statuses } = await portfolioBasis(db, now);
  const next12 = await cachedNationalForecast(db, currentForecastMonth(now), 12);
  return facts.flatMap((initiative) => {
    const status = statuses.get(initiative.initiativeId);
    if (!status) return []; // made between the two reads: it shows next time
    return [portfolioRow({ status, initiative, digitalNext12Months: next12.digitalByInitiative.get(initiative.initiativeId) ?? 0 })];
  });
}

export async function readPortfolio(ctx: UseCaseContext & { query: PortfolioQuery }): Promise<PortfolioPage> {
  return selectPortfolio(await portfolioRows(ctx), ctx.query);
}

/** The sum of every initiative's current forecast, by month, organisation kind and recipient type. */
export async function readPortfolioForecast({
  db,
  actor,
  now,
  from,
  months,
}: UseCaseContext & { from?: YearMonth | undefined; months?: number | undefined }) {
  authorize(actor, { action: "portfolio:read" });
  return cachedNationalForecast(db, from ?? currentForecastMonth(now), months ?? DEFAULT_FORECAST_MONTHS);
}

/** The national connection plan: production starts per quarter, the national forecast (this month, 60 months), lead times and the volume plan. */
export async function readNationalPlan(ctx: UseCaseContext) {
  const rows = await portfolioRows(ctx);
  const forecast = await cachedNationalForecast(ctx.db, currentForecastMonth(ctx.now), DEFAULT_FORECAST_MONTHS);
  return { quarters: nationalPlan(rows), forecast, metrics: await readProcessMetrics(ctx), volumePlan: await readVolumePlan(ctx) };
}

/** Lead time per phase across every organisation's initiatives (median and quartiles, in days). */
export async function readProcessMetrics({ db, actor, now }: UseCaseContext) {
  authorize(actor, { action: "portfolio:read" });
  const { facts, statuses } = await portfolioBasis(db, now);
  const timelines = facts.flatMap((f) => {
    const status = statuses.get(f.initiativeId);
    return status ? [{ createdOn: f.createdOn, milestones: status.milestones }] : [];
  });
  return processMetrics(methodV12, timelines, stockholmDay(now));
}

/**
 * Benefits nationally: every nyttorealiseringsplan's benefits realised against expected, and the
 * business cases' expected benefit lines, by category and beneficiary. Four set-based reads.
 */
export async function readNationalBenefits({ db, actor }: Pick<UseCaseContext, "db" | "actor">): Promise<NationalBenefits> {
  authorize(actor, { action: "portfolio:read" });
  const benefits = await everyBenefit(db);
  const measurements = await everyMeasurement(db);
  const actuals = await actualsOfBenefitFlows(db);
  const businessCases = await everyStatedBenefits(db);
  return nationalBenefits({
    // The table's checks hold category and beneficiary to the model's codes; the column holds the parsed lines.
    benefits: benefits.map((b) => ({
      ...b,
      category: b.category as BenefitCategory | null,
      beneficiary: b.beneficiary as Beneficiary | null,
    })),
    measurements,
    actuals,
    businessCases: businessCases.map((c) => ({ ...c, benefits: c.benefits as BenefitLine[] })),
  });
}

/** The volume plan looks back a year, so actuals show beside what was planned, and five years ahead. */
export const VOLUME_PLAN_MONTHS_BACK = 12;
export const DEFAULT_VOLUME_PLAN_MONTHS = VOLUME_PLAN_MONTHS_BACK + DEFAULT_FORECAST_MONTHS;

/**
 * The national volume plan: per month the sum of every initiative's current forecast, latest
 * baseline, latest estimate and actuals, by organisation kind and recipient type (national-volume-plan.ts).
 */
export async function readVolumePlan({
  db,
  actor,
  now,
  from,
  months,
}: UseCaseContext & { from?: YearMonth | undefined; months?: number | undefined }): Promise<VolumePlan> {
  authorize(actor, { action: "portfolio:read" });
  const thisMonth = currentForecastMonth(now);
  const start = from ?? yearMonthAt(monthIndexOf(thisMonth) - VOLUME_PLAN_MONTHS_BACK);
  return cachedVolumePlan(db, start, months ?? DEFAULT_VOLUME_PLAN_MONTHS, thisMonth);
}
