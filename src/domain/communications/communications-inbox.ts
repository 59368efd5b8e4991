import { communicationsFor, findCommunication, markCommunicationReadRow } from "../../db/repositories/communication-repository.ts";
import { can } from "../access/policy.ts";
import { recordAudit } from "../audit/record-audit.ts";
import { notFound } from "../shared/domain-error.ts";
import type { UseCaseContext } from "../shared/use-case.ts";

type Ctx = Pick<UseCaseContext, "db" | "actor">;

/**
 * What the actor has been sent: the förvaltningsgrupp (and admin) see every communication
 * addressed to the förvaltningsgrupp, from every organisation; members see their organisations' own.
 */
export async function listCommunications(ctx: Ctx & { unreadOnly?: boolean; organisationId?: string | undefined }) {
  const rows = await communicationsFor(ctx.db, {
    forvaltningsgrupp: can(ctx.actor, { action: "communications:read-forvaltningsgrupp" }),
    organisationIds: [...ctx.actor.memberships.keys()],
    unreadOnly: ctx.unreadOnly ?? false,
    organisationId: ctx.organisationId,
  });
  return rows.map(({ c, organisationName, initiativeName }) => ({
    id: c.id,
    decisionId: c.decisionId,
    initiativeId: c.initiativeId,
    initiativeName,
    organisationId: c.organisationId,
    organisationName,
    audience: c.audience,
    subject: c.subject,
    body: c.body,
    items: c.items as { key: string; label: string; value: string }[],
    createdAt: c.createdAt.toISOString(),
    status: c.readAt ? ("read" as const) : ("sent" as const),
    readAt: c.readAt?.toISOString() ?? null,
  }));
}

/** The recipient marks a communication read: the förvaltningsgrupp its own, members their organisation's. */
export async function markCommunicationRead({ db, actor, now, communicationId }: UseCaseContext & { communicationId: string }) {
  const row = await findCommunication(db, communicationId);
  const fg = can(actor, { action: "communications:acknowledge-forvaltningsgrupp" });
  const recipient = row && (row.audience === "forvaltningsgrupp" ? fg : actor.memberships.has(row.organisationId));
  if (!row || !recipient) throw notFound("communication");
  if (row.readAt) return { id: row.id, status: "read" as const, readAt: row.readAt.toISOString() };
  await db.transaction(async (tx) => {
    await markCommunicationReadRow(tx, row.id, now, actor.userId);
    await recordAudit(
      tx,
      actor,
      {
        action: "communication.read",
        entityType: "communication",
        entityId: row.id,
        organisationId: row.organisationId,
        after: { readAt: now },
      },
      now,
    );
  });
  return { id: row.id, status: "read" as const, readAt: now.toISOString() };
}
