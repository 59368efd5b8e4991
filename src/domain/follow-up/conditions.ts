import { decisionsOf } from "../../db/repositories/decision-repository.ts";
import { findDecisionById, followUpsOf, insertFollowUp, plansOf } from "../../db/repositories/follow-up-repository.ts";
import { lockInitiative } from "../../db/repositories/initiative-repository.ts";
import { authorize, can } from "../access/policy.ts";
import { recordAudit } from "../audit/record-audit.ts";
import { readableInitiative } from "../initiatives/read-initiatives.ts";
import { currentDecisions, outcomesOf } from "../milestones/current-decisions.ts";
import type { Condition, Outcome } from "../milestones/milestone-rules.ts";
import { DomainError, notFound } from "../shared/domain-error.ts";
import type { UseCaseContext } from "../shared/use-case.ts";
import { allConditions, type CurrentCondition, currentConditions, decisionOverdue, stockholmDay } from "./follow-up-rules.ts";

type Ctx = Pick<UseCaseContext, "db" | "actor" | "now">;

export type ConditionView = ReturnType<typeof conditionView>;

function conditionView(c: CurrentCondition & { current: boolean }, mayMarkMet: boolean) {
  return {
    decisionId: c.decisionId,
    index: c.index,
    initiativeId: c.initiativeId,
    numeral: c.numeral,
    text: c.text,
    owner: c.owner,
    ownerUserId: c.ownerUserId ?? null,
    dueDate: c.dueDate,
    /** False once a later decision superseded the one that set it: then it no longer binds. */
    current: c.current,
    overdue: c.overdue,
    met: c.met ? { at: c.met.metAt.toISOString(), byName: c.met.metByName, note: c.met.note } : null,
    permissions: { markMet: mayMarkMet && c.current && !c.met },
  };
}

/** Every condition ever set on the initiative's milestones, newest decision first, each with its follow-up. */
export async function listConditions(ctx: Ctx & { initiativeId: string }) {
  const initiative = await readableInitiative(ctx, ctx.initiativeId);
  const [decisions, followUps] = await Promise.all([decisionsOf(ctx.db, initiative.id), followUpsOf(ctx.db, [initiative.id])]);
  const conditions = allConditions(
    decisions.map((d) => ({ ...d, outcome: d.outcome as Outcome, conditions: d.conditions as Condition[] })),
    followUps,
    stockholmDay(ctx.now),
  );
  return conditions.map((c) =>
    conditionView(
      c,
      can(ctx.actor, { action: "condition:mark-met", organisationId: initiative.organisationId, ownerUserId: c.ownerUserId ?? null }),
    ),
  );
}

/** One condition of a decision, as its follow-up page shows it. */
export async function getCondition(ctx: Ctx & { decisionId: string; conditionIndex: number }) {
  const decision = await findDecisionById(ctx.db, ctx.decisionId);
  if (!decision) throw notFound("condition");
  const initiative = await readableInitiative(ctx, decision.initiativeId);
  const found = (await listConditions({ ...ctx, initiativeId: initiative.id })).find(
    (c) => c.decisionId === decision.id && c.index === ctx.conditionIndex,
  );
  if (!found) throw notFound("condition");
  return { condition: found, initiative: { id: initiative.id, name: initiative.name }, decidedOn: decision.decidedOn };
}

/**
 * The owner (or the projektledare) marks a current condition met, with how. Written once: of two
 * at once one is recorded and the other hears CONDITION_ALREADY_MET; a condition of a superseded
 * decision no longer binds and cannot be marked (CONDITION_NOT_CURRENT).
 */
export async function markConditionMet({
  db,
  actor,
  now,
  decisionId,
  conditionIndex,
  note,
}: UseCaseContext & { decisionId: string; conditionIndex: number; note: string }) {
  const decision = await findDecisionById(db, decisionId);
  if (!decision) throw notFound("condition");
  const initiative = await readableInitiative({ db, actor }, decision.initiativeId);
  const condition = (decision.conditions as Condition[])[conditionIndex];
  if (!condition) throw notFound("condition");
  authorize(actor, { action: "condition:mark-met", organisationId: initiative.organisationId, ownerUserId: condition.ownerUserId ?? null });
  await db.transaction(async (tx) => {
    // Decisions on the initiative are taken under this lock, so "current" is judged on fresh data.
    await lockInitiative(tx, initiative.id);
    const current = currentConditions(
      (await decisionsOf(tx, initiative.id)).map((d) => ({ ...d, outcome: d.outcome as Outcome, conditions: d.conditions as Condition[] })),
      [],
      stockholmDay(now),
    ).some((c) => c.decisionId === decisionId && c.index === conditionIndex);
    if (!current)
      throw new DomainError("CONDITION_NOT_CURRENT", "a later decision superseded the one that set this condition: it no longer binds");
    const row = await insertFollowUp(tx, {
      decisionId,
      conditionIndex,
      initiativeId: initiative.id,
      note,
      metAt: now,
      metBy: actor.userId,
    });
    if (!row) throw new DomainError("CONDITION_ALREADY_MET", "the condition is already marked met");
    await recordAudit(
      tx,
      actor,
      {
        action: "condition.met",
        entityType: "milestone_condition",
        entityId: `${decisionId}/${conditionIndex}`,
        organisationId: initiative.organisationId,
        after: { decisionId, conditionIndex, numeral: decision.numeral, text: condition.text, note, metAt: now.toISOString() },
      },
      now,
    );
  });
  return (await getCondition({ db, actor, now, decisionId, conditionIndex })).condition;
}

/** What the milestone page shows of follow-up: its decisions' conditions, and the planned day (overdue when it passed undecided). */
export async function milestoneFollowUp(ctx: Ctx & { initiativeId: string; numeral: string }) {
  const initiative = await readableInitiative(ctx, ctx.initiativeId);
  const [conditions, decisions, plans] = await Promise.all([
    listConditions({ ...ctx, initiativeId: initiative.id }),
    decisionsOf(ctx.db, initiative.id),
    plansOf(ctx.db, [initiative.id]),
  ]);
  const plannedOn = plans.find((p) => p.numeral === ctx.numeral)?.plannedOn ?? null;
  const late = decisionOverdue(outcomesOf(currentDecisions(decisions)), plans, stockholmDay(ctx.now));
  return { conditions: conditions.filter((c) => c.numeral === ctx.numeral), plan: { plannedOn, overdue: late?.numeral === ctx.numeral } };
}
