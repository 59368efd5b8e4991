import { type FlowPlanSettingsRow, findPlanSettings, upsertPlanSettings } from "../../db/repositories/flow-plan-settings-repository.ts";
import { lockInitiative } from "../../db/repositories/initiative-repository.ts";
import { can } from "../access/policy.ts";
import { recordAudit } from "../audit/record-audit.ts";
import { readableInitiative, workableInitiative } from "../initiatives/read-initiatives.ts";
import { DEFAULT_PRIORITY_WEIGHTS } from "../prioritisation/priority-score.ts";
import type { UseCaseContext } from "../shared/use-case.ts";
import { checkFlowSettings, type FlowSettingsInput } from "./flow-settings-input.ts";

/** The initiative's flow settings as the API answers them; no stored row reads as the defaults, `updatedAt` null. */
export function flowSettingsView(row: FlowPlanSettingsRow | undefined) {
  return {
    reachOverrides: (row?.reachOverrides ?? {}) as FlowSettingsInput["reachOverrides"],
    priorityWeights: { ...(row?.priorityWeights ?? DEFAULT_PRIORITY_WEIGHTS) },
    updatedAt: row ? row.updatedAt.toISOString() : null,
  };
}
export type FlowSettingsView = ReturnType<typeof flowSettingsView>;

type Ctx = Pick<UseCaseContext, "db" | "actor">;

/** The reach overrides and priority weights, for every member; `canManage` for the team. */
export async function getFlowSettings({ db, actor, initiativeId }: Ctx & { initiativeId: string }) {
  const initiative = await readableInitiative({ db, actor }, initiativeId);
  const view = flowSettingsView(await findPlanSettings(db, initiative.id));
  return { ...view, canManage: can(actor, { action: "initiative:work", organisationId: initiative.organisationId }) };
}

/**
 * Changes the initiative's flow settings: the team's work. `change` gets the settings as stored under
 * the initiative's lock and gives them back changed, so a form that sets only the weights never undoes
 * a reach override written meanwhile; the whole result is checked before it is stored and audited.
 */
export async function updateFlowSettings({
  db,
  actor,
  now,
  initiativeId,
  change,
}: UseCaseContext & { initiativeId: string; change: (current: FlowSettingsInput) => FlowSettingsInput }) {
  const initiative = await workableInitiative({ db, actor }, initiativeId);
  return db.transaction(async (tx) => {
    await lockInitiative(tx, initiative.id);
    const before = await findPlanSettings(tx, initiative.id);
    const current = flowSettingsView(before);
    const next = change({ reachOverrides: current.reachOverrides, priorityWeights: current.priorityWeights });
    checkFlowSettings(next);
    const row = await upsertPlanSettings(tx, initiative.id, {
      reachOverrides: next.reachOverrides as FlowPlanSettingsRow["reachOverrides"],
      priorityWeights: { ...next.priorityWeights },
      updatedAt: now,
      updatedBy: actor.userId,
    });
    const view = flowSettingsView(row);
    await recordAudit(
      tx,
      actor,
      {
        action: "flow_plan_settings.update",
        entityType: "flow_plan_settings",
        entityId: initiative.id,
        organisationId: initiative.organisationId,
        before: before ? current : null,
        after: view,
      },
      now,
    );
    return view;
  });
}
