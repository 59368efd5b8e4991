import type { ForecastVersionMeta, ForecastVersionRow } from "../../db/repositories/forecast-version-repository.ts";
import type { MilestoneNumeral } from "../../method/types.ts";
import type { Forecast } from "../forecast/forecast.ts";
import type { ReachOverrides } from "../forecast/reach-curve.ts";
import type { PlanFlow } from "./plan.ts";

/** A forecast version as the API lists it: who froze it, when, why, from which month. */
export type VersionView = ReturnType<typeof versionView>;

export function versionView(v: ForecastVersionMeta & { from: string }) {
  return {
    id: v.id,
    kind: v.kind,
    // The table's check allows only II–V here.
    ...(v.milestone ? { milestone: v.milestone as MilestoneNumeral } : {}),
    ...(v.decisionId ? { decisionId: v.decisionId } : {}),
    ...(v.reason ? { reason: v.reason } : {}),
    createdAt: v.createdAt.toISOString(),
    createdBy: v.createdBy,
    createdByName: v.createdByName,
    from: v.from,
  };
}

/** The stored JSON is what this code wrote (frozen-forecast.ts); the table never changes it. */
export const frozenOf = (row: ForecastVersionRow) => ({
  forecast: row.forecast as Forecast,
  plan: row.plan as PlanFlow[],
  reach: row.reach as ReachOverrides,
});

/** One frozen version: the forecast in the live forecast's shape, with its metadata and the plan beside it. */
export function frozenVersionView(row: ForecastVersionRow) {
  const { forecast, plan } = frozenOf(row);
  // Per recipient type, a share per calendar year ("2027": 0.9), as JSON stores it.
  const reach = row.reach as Record<string, Record<string, number>>;
  return { ...versionView({ ...row, from: forecast.from }), ...forecast, plan, reach };
}
