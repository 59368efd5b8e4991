import { activityProgressOf } from "../../db/repositories/activity-progress-repository.ts";
import { decisionsOf } from "../../db/repositories/decision-repository.ts";
import { deliverableStates } from "../../db/repositories/deliverable-repository.ts";
import { findInitiative, listInitiativesOf } from "../../db/repositories/initiative-repository.ts";
import { methodV12 } from "../../method/v1.2/index.ts";
import type { Actor } from "../access/actor.ts";
import { authorize, can, mayDecide } from "../access/policy.ts";
import { type BasisSnapshot, basisChangedSince } from "../milestones/basis-snapshot.ts";
import { currentDecisions, outcomesOf } from "../milestones/current-decisions.ts";
import { currentPhase } from "../milestones/milestone-rules.ts";
import { notFound } from "../shared/domain-error.ts";
import type { UseCaseContext } from "../shared/use-case.ts";
import { decisionView, initiativeSummary } from "./initiative-views.ts";

type Ctx = Pick<UseCaseContext, "db" | "actor">;

/** Loads an initiative the actor may read; an outsider learns nothing, not even that it exists. */
export async function readableInitiative({ db, actor }: Ctx, initiativeId: string) {
  const initiative = await findInitiative(db, initiativeId);
  if (!initiative || !can(actor, { action: "initiative:read", organisationId: initiative.organisationId })) throw notFound("initiative");
  return initiative;
}

export async function listInitiatives({ db, actor, organisationId }: Ctx & { organisationId?: string | undefined }) {
  if (organisationId) authorize(actor, { action: "initiative:read", organisationId });
  const scope = organisationId ? [organisationId] : can(actor, { action: "organisation:list-all" }) ? null : [...actor.memberships.keys()];
  const rows = await listInitiativesOf(db, scope);
  return rows.map((r) => ({
    id: r.id,
    organisationId: r.organisationId,
    name: r.name,
    targetGroup: r.targetGroup,
    plannedGoLive: r.plannedGoLive,
    createdAt: r.createdAt.toISOString(),
  }));
}

export function permissionsFor(actor: Actor, initiative: { organisationId: string; steeringGroup: readonly string[] }) {
  return {
    work: can(actor, { action: "initiative:work", organisationId: initiative.organisationId }),
    manage: can(actor, { action: "initiative:manage", organisationId: initiative.organisationId }),
    decide: methodV12.milestones.filter((m) => mayDecide(actor, m.decidedBy.role, initiative)).map((m) => m.numeral),
  };
}

/**
 * The initiative as a task list: phases with their activities and results, milestones with their
 * current decision. Work on a phase beyond the current one is marked as started ahead of decision.
 */
export async function getInitiative(ctx: Ctx & { initiativeId: string }) {
  const initiative = await readableInitiative(ctx, ctx.initiativeId);
  const { db, actor } = ctx;
  const [progress, docs, decisions] = await Promise.all([
    activityProgressOf(db, initiative.id),
    deliverableStates(db, initiative.id),
    decisionsOf(db, initiative.id),
  ]);
  const current = currentDecisions(decisions);
  const phase = currentPhase(methodV12, outcomesOf(current));
  const progressById = new Map(progress.map((p) => [p.activityId, p]));

  const phases = methodV12.phases.map((p) => {
    const activities = p.activities.map((a) => {
      const row = progressById.get(a.id);
      return { id: a.id, status: row?.status ?? "not_started", motivation: row?.motivation ?? null };
    });
    const results = p.results.map((typeId) => ({
      deliverableTypeId: typeId,
      deliverables: docs
        .filter((d) => d.typeId === typeId)
        .map((d) => ({ id: d.id, title: d.title, version: d.latest.version, status: d.latest.status, approved: d.approved !== null })),
    }));
    const touched =
      activities.some((a) => a.status === "in_progress" || a.status === "done") || results.some((r) => r.deliverables.length > 0);
    return { number: p.number, activities, results, startedAheadOfDecision: p.number > phase.phase && touched };
  });

  const milestones = methodV12.milestones.map((m) => {
    const decision = current.get(m.numeral);
    return {
      numeral: m.numeral,
      status: decision ? decision.outcome : "not_decided",
      decision: decision ? decisionView(decision) : null,
      decisionCount: decisions.filter((d) => d.numeral === m.numeral).length,
      basisChangedAfterDecision: decision ? basisChangedSince(decision.basisSnapshot as BasisSnapshot, docs) : false,
    };
  });

  return {
    ...initiativeSummary(initiative),
    currentPhase: phase.phase,
    completed: phase.completed,
    phases,
    milestones,
    permissions: permissionsFor(actor, initiative),
  };
}
