import type { Database } from "../../db/database.ts";
import { flowsOf } from "../../db/repositories/flow-repository.ts";
import {
  deleteReservePlanRow,
  findReservePlan,
  insertReservePlan,
  type ReservePlanRow,
  reservePlansOf,
  updateReservePlanRow,
} from "../../db/repositories/reserve-plan-repository.ts";
import { can } from "../access/policy.ts";
import { recordAudit } from "../audit/record-audit.ts";
import { readableInitiative, workableInitiative } from "../initiatives/read-initiatives.ts";
import { DomainError, notFound } from "../shared/domain-error.ts";
import type { UseCaseContext } from "../shared/use-case.ts";
import type { ReserveDuration, ReserveOutage, ReservePlanInput } from "./reserve-plan-input.ts";

type Ctx = Pick<UseCaseContext, "db" | "actor">;

export type ReservePlanView = ReturnType<typeof reservePlanView>;

/** A plan as the API answers it and the audit records it; the table's checks hold the codes to the input's. */
export const reservePlanView = (r: ReservePlanRow) => ({
  id: r.id,
  initiativeId: r.initiativeId,
  flowId: r.flowId,
  outage: r.outage as ReserveOutage,
  duration: r.duration as ReserveDuration,
  fallbackAfterHours: r.fallbackAfterHours,
  fallback: r.fallback,
  decidedBy: r.decidedBy,
  createdAt: r.createdAt.toISOString(),
  updatedAt: r.updatedAt.toISOString(),
});

/** A plan for one flow names a flow of the same initiative; anything else is a field error, not a 404. */
async function checkFlow(db: Database, initiativeId: string, input: ReservePlanInput) {
  if (input.flowId === null) return;
  if ((await flowsOf(db, initiativeId)).some((f) => f.id === input.flowId)) return;
  throw new DomainError("VALIDATION_FAILED", "the flow is not the initiative's", {
    fields: [{ path: ["flowId"], code: "flow_not_in_initiative", message: "not a flow of the initiative" }],
  });
}

/** The initiative's plans and flows, for every member; `canManage` for the team. */
export async function listReservePlans(ctx: Ctx & { initiativeId: string }) {
  const initiative = await readableInitiative(ctx, ctx.initiativeId);
  const plans = (await reservePlansOf(ctx.db, initiative.id)).map(reservePlanView);
  const flows = (await flowsOf(ctx.db, initiative.id)).map((f) => ({ id: f.id, name: f.name }));
  return {
    initiative: { id: initiative.id, name: initiative.name },
    plans,
    flows,
    canManage: can(ctx.actor, { action: "initiative:work", organisationId: initiative.organisationId }),
  };
}

export async function getReservePlan(ctx: Ctx & { planId: string }) {
  const plan = await findReservePlan(ctx.db, ctx.planId);
  if (!plan) throw notFound("reserve plan");
  const initiative = await readableInitiative(ctx, plan.initiativeId);
  return {
    plan: reservePlanView(plan),
    canManage: can(ctx.actor, { action: "initiative:work", organisationId: initiative.organisationId }),
  };
}

export async function createReservePlan({
  db,
  actor,
  now,
  initiativeId,
  input,
}: UseCaseContext & { initiativeId: string; input: ReservePlanInput }) {
  const initiative = await workableInitiative({ db, actor }, initiativeId);
  await checkFlow(db, initiative.id, input);
  return db.transaction(async (tx) => {
    const row = await insertReservePlan(tx, { ...input, initiativeId: initiative.id, createdAt: now, updatedAt: now });
    const view = reservePlanView(row);
    await recordAudit(
      tx,
      actor,
      {
        action: "reserve_plan.create",
        entityType: "reserve_plan",
        entityId: row.id,
        organisationId: initiative.organisationId,
        after: view,
      },
      now,
    );
    return view;
  });
}

/** Replaces a plan's fields under its row lock, so of two changes at once each is audited against what it replaced. */
export async function updateReservePlan({ db, actor, now, planId, input }: UseCaseContext & { planId: string; input: ReservePlanInput }) {
  const found = await findReservePlan(db, planId);
  if (!found) throw notFound("reserve plan");
  const initiative = await workableInitiative({ db, actor }, found.initiativeId);
  await checkFlow(db, initiative.id, input);
  return db.transaction(async (tx) => {
    const before = await findReservePlan(tx, planId, { lock: true });
    const row = before && (await updateReservePlanRow(tx, initiative.id, planId, { ...input, updatedAt: now }));
    if (!before || !row) throw notFound("reserve plan");
    const view = reservePlanView(row);
    await recordAudit(
      tx,
      actor,
      {
        action: "reserve_plan.update",
        entityType: "reserve_plan",
        entityId: planId,
        organisationId: initiative.organisationId,
        before: reservePlanView(before),
        after: view,
      },
      now,
    );
    return view;
  });
}

export async function deleteReservePlan({ db, actor, now, planId }: UseCaseContext & { planId: string }) {
  const found = await findReservePlan(db, planId);
  if (!found) throw notFound("reserve plan");
  const initiative = await workableInitiative({ db, actor }, found.initiativeId);
  await db.transaction(async (tx) => {
    const removed = await deleteReservePlanRow(tx, initiative.id, planId);
    if (!removed) throw notFound("reserve plan");
    await recordAudit(
      tx,
      actor,
      {
        action: "reserve_plan.delete",
        entityType: "reserve_plan",
        entityId: planId,
        organisationId: initiative.organisationId,
        before: reservePlanView(removed),
      },
      now,
    );
  });
}
