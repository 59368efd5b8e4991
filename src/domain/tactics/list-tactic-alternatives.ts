import type { Database } from "../../db/database.ts";
import { alternativesOf, findAlternative } from "../../db/repositories/tactic-repository.ts";
import { can } from "../access/policy.ts";
import { currentForecastMonth, forecastFlowOf, forecastInputsOf } from "../flows/initiative-forecast.ts";
import { forecast } from "../forecast/forecast.ts";
import { readableInitiative } from "../initiatives/read-initiatives.ts";
import { notFound } from "../shared/domain-error.ts";
import type { UseCaseContext } from "../shared/use-case.ts";
import { COMPARISON_YEARS, compareTactics } from "./compare-tactics.ts";
import { tacticAlternativeView } from "./tactic-view.ts";

type Ctx = Pick<UseCaseContext, "db" | "actor">;

/**
 * The initiative's connection-tactic alternatives, oldest first, with their comparison: the digital
 * messages each serves over the five years of the forecast from this month (Stockholm), under the
 * initiative's reach overrides. For every member; `canManage` for the team.
 */
export async function listTacticAlternatives({ db, actor, now, initiativeId }: UseCaseContext & { initiativeId: string }) {
  const initiative = await readableInitiative({ db, actor }, initiativeId);
  return {
    initiative,
    ...(await tacticComparisonOf(db, initiative.id, now)),
    canManage: can(actor, { action: "initiative:work", organisationId: initiative.organisationId }),
  };
}

/** The alternatives and their comparison as stored now, without access checks: for the callers that made them. */
export async function tacticComparisonOf(db: Database, initiativeId: string, now: Date) {
  const alternatives = (await alternativesOf(db, initiativeId)).map(tacticAlternativeView);
  const { flows, reach } = await forecastInputsOf(db, initiativeId);
  const from = currentForecastMonth(now);
  const months = COMPARISON_YEARS * 12;
  const perFlow = forecast({ flows: flows.map(forecastFlowOf), from, months, reach }).flows;
  const digitalByFlow = new Map(perFlow.map((f) => [f.flowId, f.months.reduce((sum, m) => sum + m.digital, 0)]));
  const compared = flows.map((f) => ({ id: f.id, name: f.name, annualVolume: f.annualVolume }));
  const comparison = compareTactics({ alternatives, flows: compared, digitalByFlow });
  return { alternatives, flows: compared, comparison: { from, months, ...comparison } };
}

/** One alternative, for whoever may read its initiative; to an outsider it does not exist. */
export async function getTacticAlternative({ db, actor, alternativeId }: Ctx & { alternativeId: string }) {
  const found = await findAlternative(db, alternativeId);
  if (!found) throw notFound("tactic alternative");
  const initiative = await readableInitiative({ db, actor }, found.initiativeId);
  return {
    initiative,
    alternative: tacticAlternativeView(found),
    canManage: can(actor, { action: "initiative:work", organisationId: initiative.organisationId }),
  };
}
