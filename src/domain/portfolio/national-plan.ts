import { ORGANISATION_KINDS, type OrganisationKind } from "../access/roles.ts";
import { quarterOf } from "./open-data.ts";
import type { PortfolioRow } from "./portfolio-rows.ts";

export type PlanQuarter = { quarter: string; total: number; byKind: Record<OrganisationKind, number> };

/** At most ten years of quarters on one axis; a date further out is a typo, not a plan. */
const MAX_QUARTERS = 40;

const quarterIndex = (q: string) => Number(q.slice(0, 4)) * 4 + Number(q.slice(6)) - 1;
const quarterAt = (i: number) => `${Math.floor(i / 4)}-Q${(i % 4) + 1}`;

/**
 * The national connection plan by quarter: how many initiatives plan to start production in each
 * quarter (their first flow's production day, else their planned go-live), by organisation kind,
 * every quarter from the first to the last named (empty ones too, so the axis is even), at most
 * MAX_QUARTERS from the first.
 */
export function nationalPlan(rows: readonly PortfolioRow[]): PlanQuarter[] {
  const planned = rows.filter((r) => r.plannedProductionDate !== null);
  if (!planned.length) return [];
  const indexes = planned.map((r) => quarterIndex(quarterOf(r.plannedProductionDate as string)));
  const first = Math.min(...indexes);
  const last = Math.min(Math.max(...indexes), first + MAX_QUARTERS - 1);
  const quarters = Array.from(
    { length: last - first + 1 },
    (_, i): PlanQuarter => ({
      quarter: quarterAt(first + i),
      total: 0,
      byKind: Object.fromEntries(ORGANISATION_KINDS.map((k) => [k, 0])) as Record<OrganisationKind, number>,
    }),
  );
  planned.forEach((r, i) => {
    const q = quarters[indexes[i]! - first];
    if (!q) return;
    q.total += 1;
    q.byKind[r.organisationKind] += 1;
  });
  return quarters;
}

/** Sums of monthly counts per calendar year, in order: the tables' yearly rows. */
export function byYear<T extends { month: string }>(months: readonly T[], value: (m: T) => number): { year: string; value: number }[] {
  const years = new Map<string, number>();
  for (const m of months) years.set(m.month.slice(0, 4), (years.get(m.month.slice(0, 4)) ?? 0) + value(m));
  return [...years].map(([year, v]) => ({ year, value: v }));
}
