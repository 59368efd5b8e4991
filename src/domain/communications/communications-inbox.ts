import {
  inboxCount as countInbox,
  findCommunication,
  findRecipient,
  type InboxScope,
  inboxOf,
  markRecipientRead,
  type RecipientRow,
} from "../../db/repositories/communication-repository.ts";
import type { Actor } from "../access/actor.ts";
import { can } from "../access/policy.ts";
import { recordAudit } from "../audit/record-audit.ts";
import { DomainError, notFound } from "../shared/domain-error.ts";
import type { UseCaseContext } from "../shared/use-case.ts";
import { answersByCommunication } from "./answer-communication.ts";

type Ctx = Pick<UseCaseContext, "db" | "actor">;

/** Whom the actor reads for: "forvaltningsgrupp", or an organisation's id. */
export type RecipientKey = "forvaltningsgrupp" | string;

/** May the actor mark this recipient's copy read? The förvaltningsgrupp its own; members their organisation's. */
const acknowledges = (actor: Actor, r: Pick<RecipientRow, "kind" | "organisationId">) =>
  r.kind === "forvaltningsgrupp"
    ? can(actor, { action: "communications:acknowledge-forvaltningsgrupp" })
    : r.kind === "organisation" && r.organisationId !== null && actor.memberships.has(r.organisationId);

/**
 * What has been sent to the actor, one entry per message and recipient the actor reads for, each
 * with that recipient's read status: the förvaltningsgrupp's inbox (which the administrator reads
 * too) and the messages to the actor's organisations — their own, and those they receive as a
 * samverkanspart. A samverkanspart sees the message, not the initiative: its ids are left out.
 */
export async function listCommunications(
  ctx: Ctx & {
    unreadOnly?: boolean;
    organisationId?: string | undefined;
    communicationId?: string | undefined;
    window?: { limit: number; offset: number };
  },
) {
  const rows = await inboxOf(ctx.db, inboxScope(ctx), ctx.window);
  const answers = await answersByCommunication(ctx.db, [...new Set(rows.map((r) => r.communication.id))]);
  const answersFg = can(ctx.actor, { action: "communications:acknowledge-forvaltningsgrupp" });
  return rows.map(({ communication: c, recipient: r, senderName, initiativeName }) => {
    const readsInitiative = can(ctx.actor, { action: "initiative:read", organisationId: c.organisationId });
    return {
      id: c.id,
      decisionId: readsInitiative ? c.decisionId : null,
      initiativeId: readsInitiative ? c.initiativeId : null,
      initiativeName,
      organisationId: c.organisationId,
      organisationName: senderName,
      audience: c.audience,
      subject: c.subject,
      body: c.body,
      items: c.items as { key: string; label: string; value: string }[],
      createdAt: c.createdAt.toISOString(),
      recipient: { kind: r.kind as "forvaltningsgrupp" | "organisation", organisationId: r.organisationId, name: r.name },
      status: r.readAt ? ("read" as const) : ("sent" as const),
      readAt: r.readAt?.toISOString() ?? null,
      canMarkRead: !r.readAt && acknowledges(ctx.actor, r),
      /** The förvaltningsgrupp's answers, read by the förvaltningsgrupp and by the sending organisation's members. */
      answers: r.kind === "forvaltningsgrupp" || ctx.actor.memberships.has(c.organisationId) ? (answers.get(c.id) ?? []) : [],
      canAnswer: r.kind === "forvaltningsgrupp" && answersFg,
    };
  });
}

const inboxScope = (
  ctx: Ctx & { unreadOnly?: boolean; organisationId?: string | undefined; communicationId?: string | undefined },
): InboxScope => ({
  forvaltningsgrupp: can(ctx.actor, { action: "communications:read-forvaltningsgrupp" }),
  organisationIds: [...ctx.actor.memberships.keys()],
  unreadOnly: ctx.unreadOnly ?? false,
  senderOrganisationId: ctx.organisationId,
  communicationId: ctx.communicationId,
});

/** How many entries the inbox has in all, with these filters. */
export const inboxCount = (ctx: Ctx & { unreadOnly?: boolean; organisationId?: string | undefined }) => countInbox(ctx.db, inboxScope(ctx));

/** How many entries fit on a page of the inbox, in the browser and by default in the API. */
export const INBOX_PAGE_SIZE = 25;

/**
 * One page of the inbox (1-based; a page past the end is the last page), with the total: the
 * förvaltningsgrupp receives a message from every decision at II–V across the country, hundreds a year.
 */
export async function readInbox(ctx: Ctx & { unreadOnly?: boolean; organisationId?: string | undefined; page: number; pageSize?: number }) {
  const pageSize = ctx.pageSize ?? INBOX_PAGE_SIZE;
  const total = await inboxCount(ctx);
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const page = Math.min(Math.max(1, ctx.page), pages);
  const communications = await listCommunications({ ...ctx, window: { limit: pageSize, offset: (page - 1) * pageSize } });
  return { communications, total, page, pages, pageSize };
}

/**
 * The recipient marks its copy read: the förvaltningsgrupp its own, a member her organisation's;
 * nobody else's. `recipient` says which, needed only by someone who reads for more than one. Read
 * once: of two readers at once, one records the reading and both are told when it was.
 */
export async function markCommunicationRead({
  db,
  actor,
  now,
  communicationId,
  recipient,
}: UseCaseContext & { communicationId: string; recipient?: RecipientKey | undefined }) {
  const communication = await findCommunication(db, communicationId);
  const mine = communication?.recipients.filter((r) => acknowledges(actor, r)) ?? [];
  const chosen =
    recipient === undefined
      ? mine
      : mine.filter((r) => (r.kind === "forvaltningsgrupp" ? "forvaltningsgrupp" : r.organisationId) === recipient);
  if (!communication || !chosen.length) throw notFound("communication");
  const [target] = chosen;
  if (!target || chosen.length > 1) {
    throw new DomainError("VALIDATION_FAILED", "you receive this message for more than one recipient: say which in recipient", {
      fields: [{ path: ["recipient"], code: "recipient_required", message: "forvaltningsgrupp, or the id of your organisation" }],
    });
  }
  const read = await db.transaction(async (tx) => {
    const marked = await markRecipientRead(tx, target.id, now, actor.userId);
    if (!marked) return findRecipient(tx, target.id);
    await recordAudit(
      tx,
      actor,
      {
        action: "communication.read",
        entityType: "communication",
        entityId: communication.id,
        organisationId: marked.organisationId ?? communication.organisationId,
        after: { recipient: { kind: marked.kind, organisationId: marked.organisationId, name: marked.name }, readAt: now },
      },
      now,
    );
    return marked;
  });
  return { id: communication.id, status: "read" as const, readAt: (read?.readAt ?? now).toISOString() };
}
