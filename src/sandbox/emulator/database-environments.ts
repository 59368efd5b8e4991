import { createHash } from "node:crypto";
import type { Database } from "../../db/database.ts";
import {
  activeSandboxLoadTest,
  type SandboxRecipientRow,
  sandboxEnvironmentBySlug,
  sandboxRecipientsOf,
  sandboxTrustedCaPems,
} from "../../db/repositories/sandbox-repository.ts";
import { OPERATOR_BEHAVIOURS, OPERATOR_KEYS, type OwnRecipient, ownRecipientScenario } from "../recipients/own-recipient.ts";
import { type OperatorBehaviour, type OperatorKey, SCENARIOS, type Scenario } from "../recipients/scenarios.ts";
import type { EmulatorEnvironment, EnvironmentResolver } from "./environment.ts";

/**
 * Test environments read from the database: the environment with its organisation, the
 * organisation's uploaded CAs and own recipients, and the load test running now. Each slug is
 * cached for a short while so that a busy sender does not cost four queries per call, while
 * enabling, disabling, an uploaded CA or an added recipient still takes effect within seconds.
 */

export const ENVIRONMENT_CACHE_MS = 2_000;
/** Beyond this many cached slugs the cache starts over, so calls to made-up slugs cannot grow it. */
const MAX_CACHED_SLUGS = 1_000;

/** A stored own recipient as the emulator plays it; null for a row that no longer makes sense (checked again on the way out). */
export function ownRecipientOfRow(row: SandboxRecipientRow): OwnRecipient | null {
  if (!OPERATOR_BEHAVIOURS.includes(row.operatorBehaviour as OperatorBehaviour)) return null;
  const operatorBehaviour = row.operatorBehaviour as OperatorBehaviour;
  const base = { id: row.id, recipientId: row.recipientId, label: row.label, operatorBehaviour };
  if (row.accountType === "Not") return { ...base, account: { type: "Not", pending: false, operator: null, senderAccepted: false } };
  if (row.accountType !== "Secure" || !OPERATOR_KEYS.includes(row.operatorId as OperatorKey)) return null;
  return {
    ...base,
    account: { type: "Secure", pending: row.pending, operator: row.operatorId as OperatorKey, senderAccepted: row.senderAccepted },
  };
}

/** The fixed scenarios, then the organisation's own recipients that still validate (a fixed scenario added later wins). */
export function recipientsOf(rows: readonly SandboxRecipientRow[]): Scenario[] {
  const own = rows.flatMap((row) => {
    const recipient = ownRecipientOfRow(row);
    if (!recipient) return [];
    try {
      return [ownRecipientScenario(recipient)];
    } catch {
      return [];
    }
  });
  return [...SCENARIOS, ...own];
}

export async function loadEnvironment(db: Database, slug: string, now: Date): Promise<EmulatorEnvironment | null> {
  const environment = await sandboxEnvironmentBySlug(db, slug);
  if (!environment) return null;
  const [cas, recipientRows, loadTest] = await Promise.all([
    sandboxTrustedCaPems(db, environment.organisationId),
    sandboxRecipientsOf(db, environment.organisationId),
    activeSandboxLoadTest(db, environment.id, now),
  ]);
  const recipients = recipientsOf(recipientRows);
  // Whatever the emulator derives from (certificates it trusts, the config its state answers from).
  const version = createHash("sha256")
    .update(
      JSON.stringify([
        environment.orgnr,
        environment.organisationName,
        environment.intermediaryOrgNr,
        cas.map((c) => c.fingerprint256),
        recipients.map((r) => [r.id, r.recipientId, r.account, r.operatorBehaviour]),
      ]),
    )
    .digest("base64url");
  return {
    id: environment.id,
    slug: environment.slug,
    organisationId: environment.organisationId,
    orgnr: environment.orgnr,
    organisationName: environment.organisationName,
    enabled: environment.enabled,
    intermediaryOrgNr: environment.intermediaryOrgNr,
    trustedCAs: cas.map((c) => c.certificatePem),
    recipients,
    loadTest,
    version,
  };
}

export function databaseEnvironments(db: Database, options: { cacheMs?: number } = {}): EnvironmentResolver {
  const cacheMs = options.cacheMs ?? ENVIRONMENT_CACHE_MS;
  const cache = new Map<string, { readAt: number; environment: Promise<EmulatorEnvironment | null> }>();
  return async (slug, now) => {
    let entry = cache.get(slug);
    if (!entry || now.getTime() - entry.readAt >= cacheMs || now.getTime() < entry.readAt) {
      if (cache.size >= MAX_CACHED_SLUGS) cache.clear();
      const fresh = { readAt: now.getTime(), environment: loadEnvironment(db, slug, now) };
      cache.set(slug, fresh);
      // A failed read is not kept: the next call asks again.
      fresh.environment.catch(() => {
        if (cache.get(slug) === fresh) cache.delete(slug);
      });
      entry = fresh;
    }
    const environment = await entry.environment;
    // A load test that ended while cached ends for the emulator on time.
    if (environment?.loadTest && environment.loadTest.endsAt <= now) return { ...environment, loadTest: null };
    return environment;
  };
}
