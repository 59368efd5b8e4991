import { sql } from "drizzle-orm";
import type { OrganisationKind } from "../../domain/access/roles.ts";
import type { ForecastFlow, Seasonality } from "../../domain/forecast/forecast-input.ts";
import type { ReachOverrides, RecipientType } from "../../domain/forecast/reach-curve.ts";
import type { ForecastInitiative } from "../../domain/portfolio/national-forecast.ts";
import type { InitiativeVersions, PlanCell } from "../../domain/portfolio/national-volume-plan.ts";
import type { PortfolioInitiativeFacts } from "../../domain/portfolio/portfolio-rows.ts";
import type { YearMonth } from "../../domain/volumes/volume-series.ts";
import type { Database } from "../database.ts";

type Rows<T> = { rows: T[] };

/**
 * Which of the two counters: the forecast generation (row 1; migration 0019's triggers advance it at the
 * commit of every change the national forecast reads) or the status generation (row 2; migration 0022's,
 * for every change the portfolio's rows read).
 */
export type Generation = "forecast" | "status";
const GENERATION_ROW: Record<Generation, number> = { forecast: 1, status: 2 };

export async function portfolioGeneration(db: Database, which: Generation = "forecast"): Promise<number> {
  const r = (await db.execute(sql`select generation from portfolio_generation where id = ${GENERATION_ROW[which]}`)) as unknown as Rows<{
    generation: string | number;
  }>;
  return Number(r.rows[0]?.generation ?? 0);
}

type FactsRow = {
  initiative_id: string;
  name: string;
  organisation_id: string;
  organisation_name: string;
  organisation_number: string;
  organisation_kind: OrganisationKind;
  county: string | null;
  publishable: boolean;
  planned_go_live: string | null;
  created_on: string;
  first_test: string | null;
  first_production: string | null;
  tactics: string[] | null;
  in_production: boolean | null;
  missing_reports: string | number;
};

export async function portfolioInitiativeFacts(db: Database, today: string): Promise<PortfolioInitiativeFacts[]> {
  const r = (await db.execute(sql`
    select i.id as initiative_id, i.name, i.organisation_id, o.name as organisation_name, o.number as organisation_number, o.kind as organisation_kind,
      o.county, i.publishable, i.planned_go_live,
      to_char(i.created_at at time zone 'Europe/Stockholm', 'YYYY-MM-DD') as created_on,
      f.first_test, f.first_production, f.tactics, f.in_production,
      coalesce(m.missing, 0) as missing_reports
    from initiatives i
    join organisations o on o.id = i.organisation_id
    left join (
      select initiative_id, min(planned_test_date)::text as first_test, min(planned_production_date)::text as first_production,
        array_agg(distinct tactic order by tactic) filter (where tactic is not null) as tactics,
        bool_or(status = 'i_produktion') as in_production
      from message_flows where status <> 'avvecklad' group by initiative_id
    ) f on f.initiative_id = i.id
    left join (
      select i2.id as initiative_id, count(*) as missing
      from reporting_rounds rr cross join initiatives i2
      where rr.closed_at is null and rr.deadline < ${today}
        and not exists (select 1 from reporting_submissions s where s.round_id = rr.id and s.initiative_id = i2.id)
      group by i2.id
    ) m on m.initiative_id = i.id
    order by o.name, i.name, i.id`)) as unknown as Rows<FactsRow>;
  return r.rows.map((row) => ({
    initiativeId: row.initiative_id,
    name: row.name,
    organisationId: row.organisation_id,
    organisationName: row.organisation_name,
    organisationNumber: row.organisation_number,
    organisationKind: row.organisation_kind,
    county: row.county,
    publishable: row.publishable,
    inProduction: row.in_production ?? false,
    plannedGoLive: row.planned_go_live,
    createdOn: row.created_on,
    firstTestDate: row.first_test,
    firstProductionDate: row.first_production,
    tactics: row.tactics ?? [],
    missingReports: Number(row.missing_reports),
  }));
}

type FlowRow = {
  id: string;
  initiative_id: string;
  organisation_kind: OrganisationKind;
  recipient_type: ForecastFlow["recipientType"];
  annual_volume: number;
  seasonality: Seasonality;
  status: ForecastFlow["status"];
  planned_test_date: string | null;
  planned_production_date: string | null;
};

/**
 * Every initiative with flows, as the national forecast reads it: two statements whatever the
 * number of initiatives (flows with their organisation's kind; the reach overrides).
 */
export async function forecastInitiatives(db: Database): Promise<ForecastInitiative[]> {
  const flows = (await db.execute(sql`
    select f.id, f.initiative_id, o.kind as organisation_kind, f.recipient_type, f.annual_volume, f.seasonality, f.status,
      f.planned_test_date::text as planned_test_date, f.planned_production_date::text as planned_production_date
    from message_flows f join initiatives i on i.id = f.initiative_id join organisations o on o.id = i.organisation_id
    order by f.initiative_id, f.created_at, f.id`)) as unknown as Rows<FlowRow>;
  const settings = (await db.execute(sql`select initiative_id, reach_overrides from flow_plan_settings`)) as unknown as Rows<{
    initiative_id: string;
    reach_overrides: ReachOverrides | null;
  }>;
  const reachOf = new Map(settings.rows.map((s) => [s.initiative_id, s.reach_overrides ?? {}]));
  const byInitiative = new Map<string, ForecastInitiative & { flows: ForecastFlow[] }>();
  for (const f of flows.rows) {
    let initiative = byInitiative.get(f.initiative_id);
    if (!initiative) {
      initiative = {
        initiativeId: f.initiative_id,
        organisationKind: f.organisation_kind,
        flows: [],
        reach: reachOf.get(f.initiative_id) ?? {},
      };
      byInitiative.set(f.initiative_id, initiative);
    }
    initiative.flows.push({
      id: f.id,
      recipientType: f.recipient_type,
      annualVolume: f.annual_volume,
      seasonality: f.seasonality,
      status: f.status,
      ...(f.planned_test_date ? { plannedTestDate: f.planned_test_date } : {}),
      ...(f.planned_production_date ? { plannedProductionDate: f.planned_production_date } : {}),
    });
  }
  return [...byInitiative.values()];
}

type LatestVersionRow = { initiative_id: string; id: string; kind: "baseline" | "reforecast"; created_at: string };

/**
 * Every initiative's latest baseline and latest re-forecast (without their figures), in one statement:
 * "latest" orders as the initiative's own reads do (newest created_at, then id), and the time keeps
 * its microseconds so the choice of the newer of the two agrees with the versions list.
 */
export async function latestForecastVersions(db: Database): Promise<InitiativeVersions[]> {
  const r = (await db.execute(sql`
    select distinct on (v.initiative_id, v.kind) v.initiative_id, v.id, v.kind,
      to_char(v.created_at at time zone 'UTC', 'YYYY-MM-DD HH24:MI:SS.US') as created_at
    from forecast_versions v
    order by v.initiative_id, v.kind, v.created_at desc, v.id desc`)) as unknown as Rows<LatestVersionRow>;
  const byInitiative = new Map<string, InitiativeVersions>();
  for (const row of r.rows) {
    const initiative = byInitiative.get(row.initiative_id) ?? {
      initiativeId: row.initiative_id,
      latestBaseline: null,
      latestReforecast: null,
    };
    const version = { id: row.id, kind: row.kind, createdAt: row.created_at };
    if (row.kind === "baseline") initiative.latestBaseline = version;
    else initiative.latestReforecast = version;
    byInitiative.set(row.initiative_id, initiative);
  }
  return [...byInitiative.values()];
}

type CellRow = {
  organisation_kind: OrganisationKind;
  recipient_type: RecipientType;
  month: YearMonth;
  volume: string | number | null;
  digital: string | number | null;
  paper: string | number | null;
};

const cellOf = (row: CellRow): PlanCell => ({
  organisationKind: row.organisation_kind,
  recipientType: row.recipient_type,
  month: row.month,
  volume: Number(row.volume ?? 0),
  digital: Number(row.digital ?? 0),
  paper: Number(row.paper ?? 0),
});

type FrozenCellRow = Pick<CellRow, "organisation_kind" | "recipient_type" | "month"> & {
  [K in `${"b" | "r"}_${"volume" | "digital" | "paper"}`]: string | number | null;
};

/**
 * The chosen versions' frozen figures in the months [from, to), added up in SQL per organisation
 * kind, recipient type and month, for each series: a few hundred rows whatever the number of
 * initiatives, and each version's JSON read once even when it is both an initiative's latest baseline
 * and its newest estimate. A frozen flow's recipient type is the one in the version's plan, frozen
 * from the same flows as its forecast (forecast-versions/frozen-forecast.ts). Versions are never
 * changed, so ids chosen from an earlier read name the same figures.
 */
export async function frozenPlanCells(
  db: Database,
  chosen: { baselineIds: readonly string[]; estimateIds: readonly string[] },
  from: YearMonth,
  to: YearMonth,
): Promise<{ baseline: PlanCell[]; reforecast: PlanCell[] }> {
  const baselines = new Set(chosen.baselineIds);
  const estimates = new Set(chosen.estimateIds);
  const versions = [...new Set([...baselines, ...estimates])].map((id) => ({ id, b: baselines.has(id), r: estimates.has(id) }));
  const r = (await db.execute(sql`
    select o.kind as organisation_kind, p.value->>'recipientType' as recipient_type, m.month,
      sum(m.volume) filter (where c.b) as b_volume, sum(m.digital) filter (where c.b) as b_digital, sum(m.paper) filter (where c.b) as b_paper,
      sum(m.volume) filter (where c.r) as r_volume, sum(m.digital) filter (where c.r) as r_digital, sum(m.paper) filter (where c.r) as r_paper
    from jsonb_to_recordset(${JSON.stringify(versions)}::jsonb) as c(id uuid, b boolean, r boolean)
    join forecast_versions v on v.id = c.id
    join initiatives i on i.id = v.initiative_id
    join organisations o on o.id = i.organisation_id
    cross join lateral jsonb_array_elements(v.forecast->'flows') fl(value)
    join lateral jsonb_array_elements(v.plan) p(value) on p.value->>'id' = fl.value->>'flowId'
    cross join lateral jsonb_to_recordset(fl.value->'months') m(month text, volume bigint, digital bigint, paper bigint)
    where m.month >= ${from} and m.month < ${to}
    group by 1, 2, 3`)) as unknown as Rows<FrozenCellRow>;
  const series = (s: "b" | "r") =>
    r.rows.map((row) => cellOf({ ...row, volume: row[`${s}_volume`], digital: row[`${s}_digital`], paper: row[`${s}_paper`] }));
  return { baseline: series("b"), reforecast: series("r") };
}

/** Every flow's actuals in the months [from, to), added up per organisation kind, recipient type (the flow's now) and month. */
export async function actualPlanCells(db: Database, from: YearMonth, to: YearMonth): Promise<{ cells: PlanCell[]; initiatives: number }> {
  const r = (await db.execute(sql`
    select o.kind as organisation_kind, f.recipient_type, a.month,
      sum(a.digital + a.paper) as volume, sum(a.digital) as digital, sum(a.paper) as paper
    from flow_actuals a
    join message_flows f on f.id = a.flow_id
    join initiatives i on i.id = f.initiative_id
    join organisations o on o.id = i.organisation_id
    where a.month >= ${from} and a.month < ${to}
    group by o.kind, f.recipient_type, a.month`)) as unknown as Rows<CellRow>;
  const counted = (await db.execute(sql`
    select count(distinct f.initiative_id) as n
    from flow_actuals a join message_flows f on f.id = a.flow_id
    where a.month >= ${from} and a.month < ${to}`)) as unknown as Rows<{ n: string | number }>;
  return { cells: r.rows.map(cellOf), initiatives: Number(counted.rows[0]?.n ?? 0) };
}
