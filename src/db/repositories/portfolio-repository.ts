import { sql } from "drizzle-orm";
import type { OrganisationKind } from "../../domain/access/roles.ts";
import type { ForecastFlow, Seasonality } from "../../domain/forecast/forecast-input.ts";
import type { ReachOverrides, RecipientType } from "../../domain/forecast/reach-curve.ts";
import type { ForecastInitiative } from "../../domain/portfolio/national-forecast.ts";
import type { ActualCell, VersionCell, VolumePlanInitiative } from "../../domain/portfolio/national-volume-plan.ts";
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

type VersionCellRow = {
  initiative_id: string;
  organisation_kind: OrganisationKind;
  id: string;
  kind: "baseline" | "reforecast";
  created_at: string;
  recipient_type: RecipientType | null;
  month: YearMonth | null;
  volume: string | number | null;
  digital: string | number | null;
  paper: string | number | null;
};

type ActualCellRow = {
  initiative_id: string;
  organisation_kind: OrganisationKind;
  recipient_type: RecipientType;
  month: YearMonth;
  digital: string | number;
  paper: string | number;
};

/**
 * Every initiative's latest baseline and latest re-forecast with their figures in the months
 * [from, to), added up per recipient type and month, and its flows' actuals the same way: two
 * statements whatever the number of initiatives. "Latest" orders as the initiative's own reads do
 * (newest created_at, then id). A frozen flow's recipient type is the one in the version's plan,
 * which is frozen from the same flows as its forecast (forecast-versions/frozen-forecast.ts).
 */
export async function volumePlanInitiatives(db: Database, from: YearMonth, to: YearMonth): Promise<VolumePlanInitiative[]> {
  const versions = (await db.execute(sql`
    with latest as (
      select distinct on (v.initiative_id, v.kind) v.id, v.initiative_id, v.kind, v.created_at, v.forecast, v.plan
      from forecast_versions v
      order by v.initiative_id, v.kind, v.created_at desc, v.id desc
    )
    select l.initiative_id, o.kind as organisation_kind, l.id, l.kind,
      to_char(l.created_at at time zone 'UTC', 'YYYY-MM-DD HH24:MI:SS.US') as created_at,
      c.recipient_type, c.month, c.volume, c.digital, c.paper
    from latest l
    join initiatives i on i.id = l.initiative_id
    join organisations o on o.id = i.organisation_id
    left join lateral (
      select p.value->>'recipientType' as recipient_type, m.value->>'month' as month,
        sum((m.value->>'volume')::bigint) as volume, sum((m.value->>'digital')::bigint) as digital,
        sum((m.value->>'paper')::bigint) as paper
      from jsonb_array_elements(l.forecast->'flows') fl(value)
      join jsonb_array_elements(l.plan) p(value) on p.value->>'id' = fl.value->>'flowId'
      cross join lateral jsonb_array_elements(fl.value->'months') m(value)
      where m.value->>'month' >= ${from} and m.value->>'month' < ${to}
      group by 1, 2
    ) c on true
    order by l.initiative_id, l.kind, c.recipient_type, c.month`)) as unknown as Rows<VersionCellRow>;
  const actuals = (await db.execute(sql`
    select f.initiative_id, o.kind as organisation_kind, f.recipient_type, a.month, sum(a.digital) as digital, sum(a.paper) as paper
    from flow_actuals a
    join message_flows f on f.id = a.flow_id
    join initiatives i on i.id = f.initiative_id
    join organisations o on o.id = i.organisation_id
    where a.month >= ${from} and a.month < ${to}
    group by f.initiative_id, o.kind, f.recipient_type, a.month
    order by f.initiative_id, f.recipient_type, a.month`)) as unknown as Rows<ActualCellRow>;

  const byInitiative = new Map<string, VolumePlanInitiative & { actuals: ActualCell[] }>();
  const initiativeOf = (id: string, organisationKind: OrganisationKind) => {
    let initiative = byInitiative.get(id);
    if (!initiative) {
      initiative = { initiativeId: id, organisationKind, latestBaseline: null, latestReforecast: null, actuals: [] };
      byInitiative.set(id, initiative);
    }
    return initiative;
  };
  for (const row of versions.rows) {
    const initiative = initiativeOf(row.initiative_id, row.organisation_kind);
    const key = row.kind === "baseline" ? "latestBaseline" : "latestReforecast";
    const version = initiative[key] ?? { id: row.id, kind: row.kind, createdAt: row.created_at, cells: [] };
    initiative[key] = version;
    if (row.recipient_type && row.month) {
      (version.cells as VersionCell[]).push({
        recipientType: row.recipient_type,
        month: row.month,
        volume: Number(row.volume),
        digital: Number(row.digital),
        paper: Number(row.paper),
      });
    }
  }
  for (const row of actuals.rows) {
    initiativeOf(row.initiative_id, row.organisation_kind).actuals.push({
      recipientType: row.recipient_type,
      month: row.month,
      digital: Number(row.digital),
      paper: Number(row.paper),
    });
  }
  return [...byInitiative.values()];
}
