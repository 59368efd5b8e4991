import { type FlowChange, type FlowRow, findFlow, updateFlowRow } from "../../db/repositories/flow-repository.ts";
import { recordAudit } from "../audit/record-audit.ts";
import { workableInitiative } from "../initiatives/read-initiatives.ts";
import { notFound } from "../shared/domain-error.ts";
import type { UseCaseContext } from "../shared/use-case.ts";
import type { FlowInput } from "./flow-input.ts";
import { flowView } from "./flow-view.ts";

/** The prioritisation's fields: judged on their own page, kept when the flow's form is saved. */
export const PRIORITY_FIELDS = ["processChange", "serviceImprovement", "priorityOverride", "priorityMotivation"] as const;

/**
 * Replaces a flow's fields with the input (PUT: what is left out gets its default again), except the
 * fields named in `keep`, which keep their stored values (a form that does not show them).
 */
export async function updateFlow({
  keep = [],
  input,
  ...ctx
}: UseCaseContext & { flowId: string; input: FlowInput; keep?: readonly (keyof FlowInput)[] }) {
  return changeFlow({ ...ctx, change: (before) => ({ ...input, ...Object.fromEntries(keep.map((k) => [k, before[k]])) }) });
}

/**
 * Changes a flow to what `change` makes of it as stored now: under the flow's row lock, so of two
 * changes at once each starts from what the other committed and is audited against what it replaced.
 */
export async function changeFlow({
  db,
  actor,
  now,
  flowId,
  change,
}: UseCaseContext & { flowId: string; change: (before: FlowRow) => Omit<FlowChange, "updatedAt"> }) {
  const found = await findFlow(db, flowId);
  if (!found) throw notFound("flow");
  const initiative = await workableInitiative({ db, actor }, found.initiativeId);
  return db.transaction(async (tx) => {
    const before = await findFlow(tx, flowId, { lock: true });
    const row = before && (await updateFlowRow(tx, initiative.id, flowId, { ...change(before), updatedAt: now }));
    if (!before || !row) throw notFound("flow");
    const view = flowView(row);
    await recordAudit(
      tx,
      actor,
      {
        action: "message_flow.update",
        entityType: "message_flow",
        entityId: flowId,
        organisationId: initiative.organisationId,
        before: flowView(before),
        after: view,
      },
      now,
    );
    return view;
  });
}
