import { and, asc, count, desc, eq, inArray, isNull, or, type SQL } from "drizzle-orm";
import type { Database } from "../database.ts";
import {
  communicationAnswers,
  communicationRecipients,
  communications,
  initiativePartners,
  initiatives,
  organisations,
} from "../schema.ts";

/**
 * What a milestone decision sends and to whom: the communications, each recipient with its own
 * read status, and the initiative's samverkansparter that partner messages go to.
 */

export type CommunicationRow = typeof communications.$inferSelect;
export type RecipientRow = typeof communicationRecipients.$inferSelect;
export type NewRecipient = Pick<RecipientRow, "kind" | "organisationId" | "name" | "email">;

/** A samverkanspart as the initiative names it, with the partner organisation's name and number when it is one. */
export const partnersOf = (db: Database, initiativeId: string) =>
  db
    .select({
      id: initiativePartners.id,
      initiativeId: initiativePartners.initiativeId,
      partnerOrganisationId: initiativePartners.partnerOrganisationId,
      organisationName: organisations.name,
      organisationNumber: organisations.number,
      name: initiativePartners.name,
      email: initiativePartners.email,
      createdAt: initiativePartners.createdAt,
    })
    .from(initiativePartners)
    .leftJoin(organisations, eq(organisations.id, initiativePartners.partnerOrganisationId))
    .where(eq(initiativePartners.initiativeId, initiativeId))
    .orderBy(asc(initiativePartners.createdAt), asc(initiativePartners.id));
export type PartnerRow = Awaited<ReturnType<typeof partnersOf>>[number];

export async function insertPartner(db: Database, values: typeof initiativePartners.$inferInsert) {
  const [row] = await db.insert(initiativePartners).values(values).returning();
  if (!row) throw new Error("insert initiative_partners returned nothing");
  return row;
}

export const deletePartner = async (db: Database, initiativeId: string, partnerId: string) =>
  (
    await db
      .delete(initiativePartners)
      .where(and(eq(initiativePartners.initiativeId, initiativeId), eq(initiativePartners.id, partnerId)))
      .returning()
  )[0];

/** Stores the communications of one decision with their recipients. */
export async function insertCommunications(
  tx: Database,
  drafts: readonly { values: typeof communications.$inferInsert; recipients: readonly NewRecipient[] }[],
): Promise<{ communication: CommunicationRow; recipients: RecipientRow[] }[]> {
  const out: { communication: CommunicationRow; recipients: RecipientRow[] }[] = [];
  for (const d of drafts) {
    const [communication] = await tx.insert(communications).values(d.values).returning();
    if (!communication) throw new Error("insert communications returned nothing");
    const recipients = d.recipients.length
      ? await tx
          .insert(communicationRecipients)
          .values(d.recipients.map((r) => ({ ...r, communicationId: communication.id })))
          .returning()
      : [];
    out.push({ communication, recipients });
  }
  return out;
}

/** The communications of some decisions, oldest first, each with its recipients. */
export async function communicationsOfDecisions(db: Database, decisionIds: string[]) {
  if (!decisionIds.length) return [];
  const rows = await db
    .select()
    .from(communications)
    .where(inArray(communications.decisionId, decisionIds))
    .orderBy(asc(communications.createdAt), asc(communications.id));
  const recipients = rows.length
    ? await db
        .select()
        .from(communicationRecipients)
        .where(
          inArray(
            communicationRecipients.communicationId,
            rows.map((r) => r.id),
          ),
        )
        // Organisations (in Ansluta) before e-mailed parties, each by name.
        .orderBy(desc(communicationRecipients.kind), asc(communicationRecipients.name))
    : [];
  return rows.map((c) => ({ ...c, recipients: recipients.filter((r) => r.communicationId === c.id) }));
}

/** Whose inbox: the förvaltningsgrupp's and/or some organisations', unread only or all, from one sender or any. */
export type InboxScope = {
  forvaltningsgrupp: boolean;
  organisationIds: readonly string[];
  unreadOnly: boolean;
  senderOrganisationId?: string | undefined;
  /** One message only (the one an answer was refused for). */
  communicationId?: string | undefined;
};

/** The recipients' rows the scope reads, or undefined when it reads none. */
function inboxWhere(scope: InboxScope): SQL | undefined {
  const mine = [
    scope.forvaltningsgrupp ? eq(communicationRecipients.kind, "forvaltningsgrupp") : undefined,
    scope.organisationIds.length
      ? and(eq(communicationRecipients.kind, "organisation"), inArray(communicationRecipients.organisationId, [...scope.organisationIds]))
      : undefined,
  ].filter((c): c is SQL => c !== undefined);
  if (!mine.length) return undefined;
  return and(
    or(...mine),
    scope.unreadOnly ? isNull(communicationRecipients.readAt) : undefined,
    scope.senderOrganisationId ? eq(communications.organisationId, scope.senderOrganisationId) : undefined,
    scope.communicationId ? eq(communications.id, scope.communicationId) : undefined,
  );
}

/**
 * An inbox: every (communication, recipient) where the recipient is the förvaltningsgrupp (when
 * `forvaltningsgrupp`) or one of `organisationIds`, newest first; a page of them when `limit` and
 * `offset` say which (at most 500 otherwise).
 */
export function inboxOf(db: Database, scope: InboxScope, { limit = 500, offset = 0 }: { limit?: number; offset?: number } = {}) {
  const where = inboxWhere(scope);
  if (!where) return Promise.resolve([]);
  return db
    .select({
      communication: communications,
      recipient: communicationRecipients,
      senderName: organisations.name,
      initiativeName: initiatives.name,
    })
    .from(communicationRecipients)
    .innerJoin(communications, eq(communications.id, communicationRecipients.communicationId))
    .innerJoin(organisations, eq(organisations.id, communications.organisationId))
    .innerJoin(initiatives, eq(initiatives.id, communications.initiativeId))
    .where(where)
    .orderBy(desc(communications.createdAt), asc(communications.id), asc(communicationRecipients.kind))
    .limit(limit)
    .offset(offset);
}

/** How many entries the inbox has in all: the pages' total. */
export async function inboxCount(db: Database, scope: InboxScope): Promise<number> {
  const where = inboxWhere(scope);
  if (!where) return 0;
  const [row] = await db
    .select({ n: count() })
    .from(communicationRecipients)
    .innerJoin(communications, eq(communications.id, communicationRecipients.communicationId))
    .where(where);
  return row?.n ?? 0;
}

export async function findCommunication(db: Database, id: string) {
  const [communication] = await db.select().from(communications).where(eq(communications.id, id)).limit(1);
  if (!communication) return undefined;
  const recipients = await db.select().from(communicationRecipients).where(eq(communicationRecipients.communicationId, id));
  return { ...communication, recipients };
}

/**
 * Marks one recipient's copy read, unless it already is: of two readers at once exactly one gets
 * the row back (and records the reading); the other finds it read.
 */
export const markRecipientRead = async (tx: Database, recipientId: string, readAt: Date, readBy: string) =>
  (
    await tx
      .update(communicationRecipients)
      .set({ readAt, readBy })
      .where(and(eq(communicationRecipients.id, recipientId), isNull(communicationRecipients.readAt)))
      .returning()
  )[0];

export const findRecipient = async (db: Database, recipientId: string) =>
  (await db.select().from(communicationRecipients).where(eq(communicationRecipients.id, recipientId)).limit(1))[0];

export type AnswerRow = typeof communicationAnswers.$inferSelect;

export async function insertAnswer(tx: Database, values: typeof communicationAnswers.$inferInsert): Promise<AnswerRow> {
  const [row] = await tx.insert(communicationAnswers).values(values).returning();
  if (!row) throw new Error("insert communication_answers returned nothing");
  return row;
}

/** The förvaltningsgrupp's answers to these communications, oldest first. */
export async function answersOf(db: Database, communicationIds: readonly string[]): Promise<AnswerRow[]> {
  if (!communicationIds.length) return [];
  return db
    .select()
    .from(communicationAnswers)
    .where(inArray(communicationAnswers.communicationId, [...communicationIds]))
    .orderBy(asc(communicationAnswers.createdAt), asc(communicationAnswers.id));
}
