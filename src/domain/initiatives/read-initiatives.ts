import { activityProgressOf } from "../../db/repositories/activity-progress-repository.ts";
import { decisionsOf } from "../../db/repositories/decision-repository.ts";
import { deliverableStates } from "../../db/repositories/deliverable-repository.ts";
import { findInitiative, listInitiativesOf } from "../../db/repositories/initiative-repository.ts";
import { initiativeStatusFacts, type StatusScope } from "../../db/repositories/initiative-status-repository.ts";
import { methodV12 } from "../../method/v1.2/index.ts";
import type { Actor } from "../access/actor.ts";
import { authorize, can, mayDecide } from "../access/policy.ts";
import { currentDecisions } from "../milestones/current-decisions.ts";
import { notFound } from "../shared/domain-error.ts";
import type { UseCaseContext } from "../shared/use-case.ts";
import { type InitiativeStatus, initiativeStatus } from "./initiative-status.ts";
import { decisionView, initiativeSummary } from "./initiative-views.ts";

type Ctx = Pick<UseCaseContext, "db" | "actor">;

/** Loads an initiative the actor may read; an outsider learns nothing, not even that it exists. */
export async function readableInitiative({ db, actor }: Ctx, initiativeId: string) {
  const initiative = await findInitiative(db, initiativeId);
  if (!initiative || !can(actor, { action: "initiative:read", organisationId: initiative.organisationId })) throw notFound("initiative");
  return initiative;
}

/** Loads an initiative the actor may work on (the team's activities, documents, preparations): an outsider gets not found, a reader forbidden. */
export async function workableInitiative(ctx: Ctx, initiativeId: string) {
  const initiative = await readableInitiative(ctx, initiativeId);
  authorize(ctx.actor, { action: "initiative:work", organisationId: initiative.organisationId });
  return initiative;
}

/** The status of each initiative in scope, from one query whatever their number (see initiative-status.ts). */
export async function initiativeStatuses(db: Ctx["db"], scope: StatusScope, now: Date): Promise<Map<string, InitiativeStatus>> {
  const facts = await initiativeStatusFacts(db, scope);
  return new Map(facts.map((f) => [f.initiativeId, initiativeStatus(methodV12, f, now)]));
}

export async function listInitiatives({
  db,
  actor,
  organisationId,
  now = new Date(),
}: Ctx & { organisationId?: string | undefined; now?: Date }) {
  if (organisationId) authorize(actor, { action: "initiative:read", organisationId });
  const scope = organisationId ? [organisationId] : can(actor, { action: "organisation:list-all" }) ? null : [...actor.memberships.keys()];
  const [rows, statuses] = await Promise.all([
    listInitiativesOf(db, scope),
    initiativeStatuses(db, scope === null ? "all" : { organisationIds: scope }, now),
  ]);
  return rows.map((r) => ({
    id: r.id,
    organisationId: r.organisationId,
    name: r.name,
    targetGroup: r.targetGroup,
    plannedGoLive: r.plannedGoLive,
    createdAt: r.createdAt.toISOString(),
    status: statuses.get(r.id) ?? null,
  }));
}

export function permissionsFor(actor: Actor, initiative: { organisationId: string; steeringGroup: readonly string[] }) {
  return {
    work: can(actor, { action: "initiative:work", organisationId: initiative.organisationId }),
    manage: can(actor, { action: "initiative:manage", organisationId: initiative.organisationId }),
    publish: can(actor, { action: "initiative:publish", organisationId: initiative.organisationId }),
    decide: methodV12.milestones.filter((m) => mayDecide(actor, m.decidedBy.role, initiative)).map((m) => m.numeral),
  };
}

/**
 * The initiative as a task list: phases with their activities and results, milestones with their
 * current decision. Work on a phase beyond the current one is marked as started ahead of decision.
 */
export async function getInitiative(ctx: Ctx & { initiativeId: string; now?: Date }) {
  const initiative = await readableInitiative(ctx, ctx.initiativeId);
  const { db, actor } = ctx;
  const [progress, docs, decisions, statuses] = await Promise.all([
    activityProgressOf(db, initiative.id),
    deliverableStates(db, initiative.id),
    decisionsOf(db, initiative.id),
    initiativeStatuses(db, { initiativeIds: [initiative.id] }, ctx.now ?? new Date()),
  ]);
  const status = statuses.get(initiative.id);
  if (!status) throw notFound("initiative");
  const current = currentDecisions(decisions);
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
    return { number: p.number, activities, results, startedAheadOfDecision: status.phasesStartedAhead.includes(p.number) };
  });

  const milestones = methodV12.milestones.map((m) => {
    const decision = current.get(m.numeral);
    return {
      numeral: m.numeral,
      status: decision ? decision.outcome : "not_decided",
      decision: decision ? decisionView(decision) : null,
      decisionCount: decisions.filter((d) => d.numeral === m.numeral).length,
      basisChangedAfterDecision: status.basisChangedMilestones.includes(m.numeral),
    };
  });

  return {
    ...initiativeSummary(initiative),
    currentPhase: status.currentPhase,
    completed: status.completed,
    status,
    phases,
    milestones,
    permissions: permissionsFor(actor, initiative),
  };
}
