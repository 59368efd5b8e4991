import type { Database } from "../../db/database.ts";
import { deleteRiskRow, findRisk, insertRisk, type RiskRow, risksOf, updateRiskRow } from "../../db/repositories/risk-repository.ts";
import { membersOfOrganisation } from "../../db/repositories/user-repository.ts";
import { can } from "../access/policy.ts";
import { recordAudit } from "../audit/record-audit.ts";
import { stockholmDay } from "../follow-up/follow-up-rules.ts";
import { readableInitiative, workableInitiative } from "../initiatives/read-initiatives.ts";
import { DomainError, notFound } from "../shared/domain-error.ts";
import type { UseCaseContext } from "../shared/use-case.ts";
import type { RiskInput } from "./risk-input.ts";
import { type RiskCategory, type RiskStatus, reviewOverdue, riskLevel, riskScore, type Scale } from "./risk-score.ts";

type Ctx = Pick<UseCaseContext, "db" | "actor" | "now">;

export type RiskView = ReturnType<typeof riskView>;

/** A risk as the API answers it and the audit records it; the table's checks hold the codes to the input's. */
export function riskView(r: RiskRow, today: string) {
  const score = riskScore(r.probability as Scale, r.consequence as Scale);
  const status = r.status as RiskStatus;
  return {
    id: r.id,
    initiativeId: r.initiativeId,
    title: r.title,
    description: r.description,
    category: r.category as RiskCategory,
    probability: r.probability as Scale,
    consequence: r.consequence as Scale,
    score,
    level: riskLevel(score),
    owner: r.owner,
    ownerUserId: r.ownerUserId,
    mitigation: r.mitigation,
    status,
    reviewDate: r.reviewDate,
    reviewOverdue: reviewOverdue({ status, reviewDate: r.reviewDate }, today),
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  };
}

/** An owner chosen among the organisation's members keeps their id and, as the owner's text, their name. */
async function withOwner(db: Database, organisationId: string, input: RiskInput): Promise<RiskInput> {
  if (!input.ownerUserId) return input;
  const member = (await membersOfOrganisation(db, organisationId)).find((m) => m.userId === input.ownerUserId);
  if (!member)
    throw new DomainError("VALIDATION_FAILED", "the risk's owner is not a member", {
      fields: [{ path: ["ownerUserId"], code: "not_member", message: "not a member of the organisation" }],
    });
  return { ...input, owner: member.name };
}

/** The register, highest score first, for every member; `canManage` for the team. */
export async function listRisks(ctx: Ctx & { initiativeId: string }) {
  const initiative = await readableInitiative(ctx, ctx.initiativeId);
  const today = stockholmDay(ctx.now);
  const risks = (await risksOf(ctx.db, initiative.id)).map((r) => riskView(r, today)).sort((a, b) => b.score - a.score);
  return { risks, canManage: can(ctx.actor, { action: "initiative:work", organisationId: initiative.organisationId }) };
}

export async function getRisk(ctx: Ctx & { riskId: string }) {
  const risk = await findRisk(ctx.db, ctx.riskId);
  if (!risk) throw notFound("risk");
  await readableInitiative(ctx, risk.initiativeId);
  return riskView(risk, stockholmDay(ctx.now));
}

export async function createRisk({ db, actor, now, initiativeId, input }: UseCaseContext & { initiativeId: string; input: RiskInput }) {
  const initiative = await workableInitiative({ db, actor }, initiativeId);
  const values = await withOwner(db, initiative.organisationId, input);
  return db.transaction(async (tx) => {
    const row = await insertRisk(tx, { ...values, initiativeId: initiative.id, createdAt: now, updatedAt: now, createdBy: actor.userId });
    const view = riskView(row, stockholmDay(now));
    await recordAudit(
      tx,
      actor,
      { action: "risk.create", entityType: "risk", entityId: row.id, organisationId: initiative.organisationId, after: view },
      now,
    );
    return view;
  });
}

/** Replaces a risk's fields under its row lock, so of two changes at once each is audited against what it replaced. */
export async function updateRisk({ db, actor, now, riskId, input }: UseCaseContext & { riskId: string; input: RiskInput }) {
  const found = await findRisk(db, riskId);
  if (!found) throw notFound("risk");
  const initiative = await workableInitiative({ db, actor }, found.initiativeId);
  const values = await withOwner(db, initiative.organisationId, input);
  return db.transaction(async (tx) => {
    const before = await findRisk(tx, riskId, { lock: true });
    const row = before && (await updateRiskRow(tx, initiative.id, riskId, { ...values, updatedAt: now }));
    if (!before || !row) throw notFound("risk");
    const today = stockholmDay(now);
    const view = riskView(row, today);
    await recordAudit(
      tx,
      actor,
      {
        action: "risk.update",
        entityType: "risk",
        entityId: riskId,
        organisationId: initiative.organisationId,
        before: riskView(before, today),
        after: view,
      },
      now,
    );
    return view;
  });
}

export async function deleteRisk({ db, actor, now, riskId }: UseCaseContext & { riskId: string }) {
  const found = await findRisk(db, riskId);
  if (!found) throw notFound("risk");
  const initiative = await workableInitiative({ db, actor }, found.initiativeId);
  await db.transaction(async (tx) => {
    const removed = await deleteRiskRow(tx, initiative.id, riskId);
    if (!removed) throw notFound("risk");
    await recordAudit(
      tx,
      actor,
      {
        action: "risk.delete",
        entityType: "risk",
        entityId: riskId,
        organisationId: initiative.organisationId,
        before: riskView(removed, stockholmDay(now)),
      },
      now,
    );
  });
}
