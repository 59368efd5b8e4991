import { and, asc, desc, eq, gt, isNull, lte, sql } from "drizzle-orm";
import type { Database } from "../database.ts";
import {
  organisations,
  sandboxAuthorities,
  sandboxEnvironments,
  sandboxEvents,
  sandboxLoadTests,
  sandboxMessages,
  sandboxRecipients,
  sandboxTrustedCas,
} from "../schema.ts";

export type SandboxAuthorityRow = typeof sandboxAuthorities.$inferSelect;
export type SandboxEventRow = typeof sandboxEvents.$inferSelect;
export type NewSandboxEvent = typeof sandboxEvents.$inferInsert;
export type NewSandboxMessage = Omit<typeof sandboxMessages.$inferInsert, "eventId">;
export type SandboxRecipientRow = typeof sandboxRecipients.$inferSelect;

export const findSandboxAuthority = async (db: Database) => (await db.select().from(sandboxAuthorities).limit(1))[0];

/** Keeps the first authority written: a second app server starting at the same moment gets the one that won. */
export async function insertSandboxAuthorityUnlessPresent(db: Database, values: Omit<typeof sandboxAuthorities.$inferInsert, "id">) {
  await db
    .insert(sandboxAuthorities)
    .values({ id: 1, ...values })
    .onConflictDoNothing({ target: sandboxAuthorities.id });
}

export const findSandboxCaCertificate = async (db: Database) =>
  (await db.select({ pem: sandboxAuthorities.caCertificatePem }).from(sandboxAuthorities).limit(1))[0]?.pem ?? null;

/** Replaces the keys of the one authority row (sealing keys stored before they were sealed). */
export async function resealSandboxAuthority(db: Database, keys: { caPrivateKeyPem: string; serverPrivateKeyPem: string }) {
  await db.update(sandboxAuthorities).set(keys).where(eq(sandboxAuthorities.id, 1));
}

/** Swaps the emulator's server certificate and key, unless another app server already swapped `previousCertificatePem`. */
export async function replaceSandboxServerCertificate(
  db: Database,
  previousCertificatePem: string,
  next: { serverCertificatePem: string; serverPrivateKeyPem: string },
) {
  await db
    .update(sandboxAuthorities)
    .set(next)
    .where(and(eq(sandboxAuthorities.id, 1), eq(sandboxAuthorities.serverCertificatePem, previousCertificatePem)));
}

export const organisationIdByNumber = async (db: Database, number: string) =>
  (await db.select({ id: organisations.id }).from(organisations).where(eq(organisations.number, number)).limit(1))[0]?.id ?? null;

export async function insertSandboxEvent(db: Database, values: NewSandboxEvent) {
  await db.insert(sandboxEvents).values(values);
}

/**
 * An event and what its delivery carried, together or not at all; the content of the
 * environment's deliveries beyond the newest `keep` is let go in the same transaction.
 */
export async function insertSandboxEventWithMessages(
  db: Database,
  values: NewSandboxEvent,
  messages: readonly NewSandboxMessage[],
  keep: number,
) {
  // Most calls carry no messages: they need no transaction of their own.
  if (!messages.length) return insertSandboxEvent(db, values);
  await db.transaction(async (tx) => {
    await tx.insert(sandboxEvents).values(values);
    await tx.insert(sandboxMessages).values(messages.map((m) => ({ ...m, eventId: values.id })));
    if (values.environmentId) {
      await tx.execute(sql`
        delete from ${sandboxMessages} where ${sandboxMessages.eventId} in (
          select ${sandboxEvents.id} from ${sandboxEvents}
          where ${sandboxEvents.environmentId} = ${values.environmentId}
            and exists (select 1 from ${sandboxMessages} kept where kept.event_id = ${sandboxEvents.id})
          order by ${sandboxEvents.at} desc, ${sandboxEvents.id} desc
          offset ${keep}
        )`);
    }
  });
}

/** The messages a recorded delivery carried, in the order sent. */
export const sandboxMessagesOf = (db: Database, eventId: string) =>
  db.select().from(sandboxMessages).where(eq(sandboxMessages.eventId, eventId)).orderBy(asc(sandboxMessages.position));

/** The emulator's view of an environment: the environment row with its organisation's number and name. */
export const sandboxEnvironmentBySlug = async (db: Database, slug: string) =>
  (
    await db
      .select({
        id: sandboxEnvironments.id,
        slug: sandboxEnvironments.slug,
        organisationId: sandboxEnvironments.organisationId,
        orgnr: organisations.number,
        organisationName: organisations.name,
        enabled: sandboxEnvironments.enabled,
        intermediaryOrgNr: sandboxEnvironments.intermediaryOrgNr,
        updatedAt: sandboxEnvironments.updatedAt,
      })
      .from(sandboxEnvironments)
      .innerJoin(organisations, eq(organisations.id, sandboxEnvironments.organisationId))
      .where(eq(sandboxEnvironments.slug, slug))
      .limit(1)
  )[0];

/** The test CAs an organisation uploaded that are still valid, oldest first. */
export const sandboxTrustedCaPems = (db: Database, organisationId: string) =>
  db
    .select({ certificatePem: sandboxTrustedCas.certificatePem, fingerprint256: sandboxTrustedCas.fingerprint256 })
    .from(sandboxTrustedCas)
    // An uploaded CA is checked when it comes in, but it may expire later: then it is trusted no more.
    .where(and(eq(sandboxTrustedCas.organisationId, organisationId), gt(sandboxTrustedCas.validTo, sql`now()`)))
    .orderBy(asc(sandboxTrustedCas.createdAt), asc(sandboxTrustedCas.id));

/** An organisation's own synthetic recipients, oldest first. */
export const sandboxRecipientsOf = (db: Database, organisationId: string) =>
  db
    .select()
    .from(sandboxRecipients)
    .where(eq(sandboxRecipients.organisationId, organisationId))
    .orderBy(asc(sandboxRecipients.createdAt), asc(sandboxRecipients.id));

/** The load test running in an environment at `now`: started, not yet ended, not stopped. */
export const activeSandboxLoadTest = async (db: Database, environmentId: string, now: Date) =>
  (
    await db
      .select({ id: sandboxLoadTests.id, endsAt: sandboxLoadTests.endsAt })
      .from(sandboxLoadTests)
      .where(
        and(
          eq(sandboxLoadTests.environmentId, environmentId),
          lte(sandboxLoadTests.startedAt, now),
          gt(sandboxLoadTests.endsAt, now),
          isNull(sandboxLoadTests.stoppedAt),
        ),
      )
      .orderBy(desc(sandboxLoadTests.startedAt))
      .limit(1)
  )[0] ?? null;

/** An organisation's latest events, newest first. */
export const recentSandboxEvents = (db: Database, organisationId: string, limit: number) =>
  db
    .select()
    .from(sandboxEvents)
    .where(eq(sandboxEvents.organisationId, organisationId))
    .orderBy(desc(sandboxEvents.at), desc(sandboxEvents.id))
    .limit(limit);
