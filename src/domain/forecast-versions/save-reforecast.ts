import { insertForecastVersion } from "../../db/repositories/forecast-version-repository.ts";
import { isSystemActor } from "../access/actor.ts";
import { recordAudit } from "../audit/record-audit.ts";
import { workableInitiative } from "../initiatives/read-initiatives.ts";
import type { UseCaseContext } from "../shared/use-case.ts";
import type { ReforecastInput } from "./forecast-version-input.ts";
import { currentFrozenForecast } from "./frozen-forecast.ts";
import { versionView } from "./version-view.ts";

/**
 * Saves the initiative's current forecast (this month, 60 months) and plan as a re-forecast, with
 * who, when and why: the team's work. Frozen like a baseline; the audit names it without its figures.
 */
export async function saveReforecast({
  db,
  actor,
  now,
  initiativeId,
  input,
}: UseCaseContext & { initiativeId: string; input: ReforecastInput }) {
  const initiative = await workableInitiative({ db, actor }, initiativeId);
  return db.transaction(async (tx) => {
    const frozen = await currentFrozenForecast(tx, initiative.id, { now });
    const row = await insertForecastVersion(tx, {
      initiativeId: initiative.id,
      kind: "reforecast",
      reason: input.reason,
      createdAt: now,
      createdBy: isSystemActor(actor) ? null : actor.userId,
      createdByName: actor.name,
      ...frozen,
    });
    const view = versionView({ ...row, from: frozen.forecast.from });
    await recordAudit(
      tx,
      actor,
      {
        action: "forecast_version.create",
        entityType: "forecast_version",
        entityId: row.id,
        organisationId: initiative.organisationId,
        after: { ...view, initiativeId: initiative.id, flows: frozen.plan.length },
      },
      now,
    );
    return view;
  });
}
