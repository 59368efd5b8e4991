import type { Database } from "../../db/database.ts";
import { insertForecastVersion } from "../../db/repositories/forecast-version-repository.ts";
import type { MilestoneNumeral } from "../../method/types.ts";
import { type Actor, isSystemActor } from "../access/actor.ts";
import { currentFrozenForecast, type FrozenForecast } from "./frozen-forecast.ts";

/** The milestones whose decision tells the förvaltningsgrupp the plan and volumes, and so freezes them. */
export const BASELINE_MILESTONES: readonly MilestoneNumeral[] = ["II", "III", "IV", "V"];

export const freezesBaseline = (numeral: MilestoneNumeral) => BASELINE_MILESTONES.includes(numeral);

/**
 * Freezes the initiative's current forecast and plan as the baseline of a decision on milestone
 * II–V, whatever its outcome, in the decision's transaction (`tx`): the decision and the figures it
 * was taken on commit together or not at all. Returns the new version's id with what it froze, which
 * the decision's communications report.
 */
export async function freezeBaseline(
  tx: Database,
  {
    actor,
    now,
    initiativeId,
    decisionId,
    numeral,
  }: { actor: Actor; now: Date; initiativeId: string; decisionId: string; numeral: MilestoneNumeral },
): Promise<FrozenForecast & { id: string }> {
  const frozen = await currentFrozenForecast(tx, initiativeId, { now });
  const row = await insertForecastVersion(tx, {
    initiativeId,
    kind: "baseline",
    milestone: numeral,
    decisionId,
    createdAt: now,
    createdBy: isSystemActor(actor) ? null : actor.userId,
    createdByName: actor.name,
    forecast: frozen.forecast,
    plan: frozen.plan,
    reach: frozen.reach,
  });
  return { id: row.id, ...frozen };
}
