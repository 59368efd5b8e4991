import { and, desc, eq, inArray, isNull, or, type SQL } from "drizzle-orm";
import { communications, initiatives, organisations } from "../../db/schema.ts";
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
  const orgIds = [...ctx.actor.memberships.keys()];
  const visible = [
    can(ctx.actor, { action: "communications:read-forvaltningsgrupp" }) ? eq(communications.audience, "forvaltningsgrupp") : undefined,
    orgIds.length ? inArray(communications.organisationId, orgIds) : undefined,
  ].filter((c): c is SQL => c !== undefined);
  if (!visible.length) return [];
  const conditions = [
    or(...visible),
    ctx.unreadOnly ? isNull(communications.readAt) : undefined,
    ctx.organisationId ? eq(communications.organisationId, ctx.organisationId) : undefined,
  ].filter((c): c is SQL => c !== undefined);
  const rows = await ctx.db
    .select({
      c: communications,
      organisationName: organisations.name,
      initiativeName: initiatives.name,
    })
    .from(communications)
    .innerJoin(organisations, eq(organisations.id, communications.organisationId))
    .innerJoin(initiatives, eq(initiatives.id, communications.initiativeId))
    .where(and(...conditions))
    .orderBy(desc(communications.createdAt))
    .limit(500);
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
  const [row] = await db.select().from(communications).where(eq(communications.id, communicationId)).limit(1);
  const fg = can(actor, { action: "communications:acknowledge-forvaltningsgrupp" });
  const recipient = row && (row.audience === "forvaltningsgrupp" ? fg : actor.memberships.has(row.organisationId));
  if (!row || !recipient) throw notFound("communication");
  if (row.readAt) return { id: row.id, status: "read" as const, readAt: row.readAt.toISOString() };
  await db.transaction(async (tx) => {
    await tx.update(communications).set({ readAt: now, readBy: actor.userId }).where(eq(communications.id, row.id));
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
