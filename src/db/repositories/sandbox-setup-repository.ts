import { and, asc, eq, gte } from "drizzle-orm";
import type { Database } from "../database.ts";
import { sandboxEnvironments, sandboxEvents, sandboxRecipients, sandboxTrustedCas } from "../schema.ts";
import { madeByTheEnvironmentsCaller, outsideLoadTests } from "./sandbox-evidence.ts";

/**
 * What an organisation sets up for its test environments: the initiative's environment itself,
 * the test CAs it uploaded and its own synthetic recipients, plus the environment's recorded calls.
 */

export type SandboxEnvironmentRow = typeof sandboxEnvironments.$inferSelect;
export type SandboxTrustedCaRow = typeof sandboxTrustedCas.$inferSelect;
export type SandboxRecipientRow = typeof sandboxRecipients.$inferSelect;

export const findEnvironmentOfInitiative = async (db: Database, initiativeId: string) =>
  (await db.select().from(sandboxEnvironments).where(eq(sandboxEnvironments.initiativeId, initiativeId)).limit(1))[0];

export const slugTaken = async (db: Database, slug: string) =>
  (await db.select({ id: sandboxEnvironments.id }).from(sandboxEnvironments).where(eq(sandboxEnvironments.slug, slug)).limit(1)).length > 0;

export async function insertEnvironment(db: Database, values: Omit<typeof sandboxEnvironments.$inferInsert, "id">) {
  const [row] = await db.insert(sandboxEnvironments).values(values).returning();
  if (!row) throw new Error("the sandbox environment was not stored");
  return row;
}

export async function updateEnvironment(
  db: Database,
  id: string,
  values: Pick<Partial<SandboxEnvironmentRow>, "enabled" | "intermediaryOrgNr" | "updatedAt">,
) {
  const [row] = await db.update(sandboxEnvironments).set(values).where(eq(sandboxEnvironments.id, id)).returning();
  if (!row) throw new Error("the sandbox environment disappeared");
  return row;
}

export const trustedCasOf = (db: Database, organisationId: string) =>
  db.select().from(sandboxTrustedCas).where(eq(sandboxTrustedCas.organisationId, organisationId)).orderBy(asc(sandboxTrustedCas.createdAt));

export const findTrustedCa = async (db: Database, organisationId: string, id: string) =>
  (
    await db
      .select()
      .from(sandboxTrustedCas)
      .where(and(eq(sandboxTrustedCas.organisationId, organisationId), eq(sandboxTrustedCas.id, id)))
      .limit(1)
  )[0];

export const findTrustedCaByFingerprint = async (db: Database, organisationId: string, fingerprint256: string) =>
  (
    await db
      .select({ id: sandboxTrustedCas.id })
      .from(sandboxTrustedCas)
      .where(and(eq(sandboxTrustedCas.organisationId, organisationId), eq(sandboxTrustedCas.fingerprint256, fingerprint256)))
      .limit(1)
  )[0];

export async function insertTrustedCa(db: Database, values: Omit<typeof sandboxTrustedCas.$inferInsert, "id">) {
  const [row] = await db.insert(sandboxTrustedCas).values(values).returning();
  if (!row) throw new Error("the trusted CA was not stored");
  return row;
}

export const deleteTrustedCa = (db: Database, id: string) => db.delete(sandboxTrustedCas).where(eq(sandboxTrustedCas.id, id));

export const findOwnRecipient = async (db: Database, organisationId: string, id: string) =>
  (
    await db
      .select()
      .from(sandboxRecipients)
      .where(and(eq(sandboxRecipients.organisationId, organisationId), eq(sandboxRecipients.id, id)))
      .limit(1)
  )[0];

export const findOwnRecipientByNumber = async (db: Database, organisationId: string, recipientId: string) =>
  (
    await db
      .select({ id: sandboxRecipients.id })
      .from(sandboxRecipients)
      .where(and(eq(sandboxRecipients.organisationId, organisationId), eq(sandboxRecipients.recipientId, recipientId)))
      .limit(1)
  )[0];

export async function insertOwnRecipient(db: Database, values: Omit<typeof sandboxRecipients.$inferInsert, "id">) {
  const [row] = await db.insert(sandboxRecipients).values(values).returning();
  if (!row) throw new Error("the own recipient was not stored");
  return row;
}

export const deleteOwnRecipient = (db: Database, id: string) => db.delete(sandboxRecipients).where(eq(sandboxRecipients.id, id));

/**
 * An environment's calls made by its own caller outside its load tests (sandbox-evidence.ts), in
 * time order, those from `since` on when it is given: a conformance run's raw material. A load
 * test has its own summary, and can be more calls than are worth reading for this.
 */
export const environmentEventsOf = (db: Database, environmentId: string, since?: Date) =>
  db
    .select()
    .from(sandboxEvents)
    .where(
      and(
        eq(sandboxEvents.environmentId, environmentId),
        madeByTheEnvironmentsCaller,
        outsideLoadTests,
        since ? gte(sandboxEvents.at, since) : undefined,
      ),
    )
    .orderBy(asc(sandboxEvents.at), asc(sandboxEvents.id));
