import { actualsOf, upsertActuals } from "../../db/repositories/flow-actual-repository.ts";
import { findFlow, flowsOf } from "../../db/repositories/flow-repository.ts";
import { isSystemActor } from "../access/actor.ts";
import { recordAudit } from "../audit/record-audit.ts";
import { currentForecastMonth } from "../flows/initiative-forecast.ts";
import { workableInitiative } from "../initiatives/read-initiatives.ts";
import { notFound } from "../shared/domain-error.ts";
import type { UseCaseContext } from "../shared/use-case.ts";
import type { ActualsImportContext, ActualsImportRow } from "./import/parse-actuals-import.ts";

type Ctx = Pick<UseCaseContext, "db" | "actor" | "now">;

/**
 * What an actuals import file is checked against: the initiative's flows by name, and this month
 * in Stockholm. Only the team gets it, so nobody else has a file read at all.
 */
export async function actualsImportContext({ db, actor, now }: Ctx, initiativeId: string) {
  const initiative = await workableInitiative({ db, actor }, initiativeId);
  const flows = await flowsOf(db, initiative.id);
  const context: ActualsImportContext = {
    flows: flows.map((f) => ({ id: f.id, name: f.name })),
    currentMonth: currentForecastMonth(now),
  };
  return { initiative, context };
}

/**
 * Saves an import's months, all of them or none: one transaction, under the row locks of every flow
 * it names (taken in one order, so two imports at once wait for each other instead of deadlocking),
 * with the same meaning as PUT …/actuals: the months in the file are written, a flow's other months
 * stay. One audit entry for the import lists what each month was before and what it became.
 */
export async function importActuals({
  db,
  actor,
  now,
  initiativeId,
  rows,
}: UseCaseContext & { initiativeId: string; rows: ActualsImportRow[] }) {
  const initiative = await workableInitiative({ db, actor }, initiativeId);
  const byFlow = new Map<string, { month: string; digital: number; paper: number }[]>();
  for (const r of rows) byFlow.set(r.flowId, [...(byFlow.get(r.flowId) ?? []), { month: r.month, digital: r.digital, paper: r.paper }]);
  const flowIds = [...byFlow.keys()].sort();
  const by = { userId: isSystemActor(actor) ? null : actor.userId, at: now };
  return db.transaction(async (tx) => {
    const before: { flowId: string; month: string; digital: number; paper: number }[] = [];
    for (const flowId of flowIds) {
      const flow = await findFlow(tx, flowId, { lock: true });
      // Deleted (or moved) since the file was checked: the import is refused as a whole.
      if (!flow || flow.initiativeId !== initiative.id) throw notFound("flow");
      const months = new Set((byFlow.get(flowId) ?? []).map((m) => m.month));
      before.push(...(await actualsOf(tx, flowId)).filter((a) => months.has(a.month)).map((a) => ({ flowId, ...a })));
    }
    for (const flowId of flowIds) await upsertActuals(tx, flowId, byFlow.get(flowId) ?? [], by);
    await recordAudit(
      tx,
      actor,
      {
        action: "flow_actuals.import",
        entityType: "initiative",
        entityId: initiative.id,
        organisationId: initiative.organisationId,
        before: { months: before },
        after: {
          months: rows
            .map((r) => ({ flowId: r.flowId, month: r.month, digital: r.digital, paper: r.paper }))
            .sort((a, b) => a.flowId.localeCompare(b.flowId) || a.month.localeCompare(b.month)),
        },
      },
      now,
    );
    return { months: rows.length };
  });
}
