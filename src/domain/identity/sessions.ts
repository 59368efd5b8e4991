import type { Database } from "../../db/database.ts";
import { findActorBySession } from "../../db/repositories/actor-repository.ts";
import { deleteSession, insertSession, updateSession } from "../../db/repositories/credential-repository.ts";
import type { Actor } from "../access/actor.ts";
import { can } from "../access/policy.ts";
import { recordAudit } from "../audit/record-audit.ts";
import { DomainError } from "../shared/domain-error.ts";
import { actorOf } from "./load-actor.ts";
import { hashSecretToken, newSecretToken } from "./secret-token.ts";

/** Absolute lifetime of a browser session; an idle session ends sooner. */
export const SESSION_TTL_MS = 12 * 3600_000;
export const SESSION_IDLE_MS = 2 * 3600_000;
// Writing last_seen on every request would make each page view a write; once a minute is enough.
const TOUCH_EVERY_MS = 60_000;

/** The identity provider a session signed in through, and its ID token: for logging out there too. */
export type SignedInVia = { providerId: string; idToken: string };

export async function startSession({ db, actor, now, via = null }: { db: Database; actor: Actor; now: Date; via?: SignedInVia | null }) {
  const token = newSecretToken();
  const firstOrganisation = actor.memberships.keys().next().value ?? null;
  await db.transaction(async (tx) => {
    await insertSession(tx, {
      tokenHash: hashSecretToken(token),
      userId: actor.userId,
      activeOrganisationId: firstOrganisation,
      createdAt: now,
      lastSeenAt: now,
      expiresAt: new Date(now.getTime() + SESSION_TTL_MS),
      oidcProviderId: via?.providerId ?? null,
      idToken: via?.idToken ?? null,
    });
    await recordAudit(
      tx,
      actor,
      { action: "session.start", entityType: "user", entityId: actor.userId, ...(via ? { after: { providerId: via.providerId } } : {}) },
      now,
    );
  });
  return { token, maxAgeSeconds: SESSION_TTL_MS / 1000 };
}

export type ResolvedSession = { actor: Actor; activeOrganisationId: string | null };

/** The session's user, in one query with her memberships; its last activity is written at most once a minute. */
export async function resolveSession({ db, token, now }: { db: Database; token: string; now: Date }) {
  const tokenHash = hashSecretToken(token);
  const session = await findActorBySession(db, tokenHash, now);
  if (!session || now.getTime() - session.lastSeenAt.getTime() > SESSION_IDLE_MS) return undefined;
  const actor = actorOf(session, session.memberships);
  if (now.getTime() - session.lastSeenAt.getTime() > TOUCH_EVERY_MS) await updateSession(db, tokenHash, { lastSeenAt: now });
  // A membership removed since the session began must not keep its organisation active.
  const active =
    session.activeOrganisationId && can(actor, { action: "organisation:read", organisationId: session.activeOrganisationId })
      ? session.activeOrganisationId
      : (actor.memberships.keys().next().value ?? null);
  return { actor, activeOrganisationId: active } satisfies ResolvedSession;
}

/** Ends the session; answers how it signed in, so logging out can end the provider's session too (null: a password login, or gone already). */
export async function endSession({
  db,
  token,
  actor,
  now,
}: {
  db: Database;
  token: string;
  actor: Actor;
  now: Date;
}): Promise<{ providerId: string; idToken: string | null } | null> {
  return db.transaction(async (tx) => {
    const ended = await deleteSession(tx, hashSecretToken(token));
    await recordAudit(tx, actor, { action: "session.end", entityType: "user", entityId: actor.userId }, now);
    return ended?.oidcProviderId ? { providerId: ended.oidcProviderId, idToken: ended.idToken } : null;
  });
}

export async function switchOrganisation({
  db,
  token,
  actor,
  organisationId,
}: {
  db: Database;
  token: string;
  actor: Actor;
  organisationId: string;
}) {
  if (!can(actor, { action: "organisation:read", organisationId })) {
    throw new DomainError("NOT_FOUND", "organisation not found");
  }
  await updateSession(db, hashSecretToken(token), { activeOrganisationId: organisationId });
}
