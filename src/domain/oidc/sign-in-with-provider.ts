import { randomBytes } from "node:crypto";
import type { Database } from "../../db/database.ts";
import {
  deleteLinkGrant,
  findLinkGrant,
  findOidcProvider,
  findUserIdentity,
  insertOidcLoginAttempt,
  insertUserIdentity,
  memberOfOrganisationSigningInWith,
  type OidcLoginAttemptRow,
  type OidcProviderRow,
  pruneOidcLoginAttempts,
  takeOidcLoginAttempt,
  touchUserIdentity,
} from "../../db/repositories/oidc-repository.ts";
import { findUserByEmail, insertUser } from "../../db/repositories/user-repository.ts";
import { type Actor, SYSTEM_ACTOR } from "../access/actor.ts";
import { recordAudit } from "../audit/record-audit.ts";
import { applyClaimMemberships } from "./apply-claim-memberships.ts";
import type { MembershipChange } from "./claim-memberships.ts";
import { decideSignIn, type SignInRefusal, type VerifiedClaims } from "./sign-in-rules.ts";

/** How long the person has at the provider before the sign-in must be started again. */
export const SIGN_IN_TTL_MS = 10 * 60_000;

const random = () => randomBytes(32).toString("base64url");

/**
 * A new sign-in with a provider: a fresh state, nonce and PKCE verifier (43 characters of base64url,
 * as RFC 7636 asks). Nothing is stored until the provider has been reached (beginSignIn).
 */
export function newSignIn({
  now,
  provider,
  returnTo,
  linkUserId = null,
}: {
  now: Date;
  provider: OidcProviderRow;
  returnTo: string;
  linkUserId?: string | null;
}): OidcLoginAttemptRow {
  return {
    state: random(),
    nonce: random(),
    codeVerifier: random(),
    providerId: provider.id,
    returnTo,
    linkUserId,
    createdAt: now,
    expiresAt: new Date(now.getTime() + SIGN_IN_TTL_MS),
  };
}

/** Keeps the sign-in in the database, so the callback may reach any app server; forgets those long abandoned. */
export async function beginSignIn({ db, now, attempt }: { db: Database; now: Date; attempt: OidcLoginAttemptRow }) {
  await pruneOidcLoginAttempts(db, now);
  await insertOidcLoginAttempt(db, attempt);
}

export type TakenAttempt =
  | { ok: true; attempt: OidcLoginAttemptRow; provider: OidcProviderRow }
  | { ok: false; reason: SignInRefusal; providerId: string | null };

/** The sign-in a callback's state names, taken once; refused when unknown, expired, or its provider is gone or off. */
export async function takeSignIn({ db, now, state }: { db: Database; now: Date; state: string }): Promise<TakenAttempt> {
  const attempt = await takeOidcLoginAttempt(db, state);
  if (!attempt) return { ok: false, reason: "state_unknown", providerId: null };
  if (attempt.expiresAt.getTime() <= now.getTime()) return { ok: false, reason: "state_expired", providerId: attempt.providerId };
  const provider = await findOidcProvider(db, attempt.providerId);
  if (!provider?.enabled) return { ok: false, reason: "provider_unavailable", providerId: attempt.providerId };
  return { ok: true, attempt, provider };
}

export type SignInOutcome =
  | { kind: "signed_in"; userId: string; created: boolean; memberships: MembershipChange[] }
  | { kind: "linked"; userId: string }
  | { kind: "refused"; reason: SignInRefusal };

/**
 * Finishes a sign-in whose ID token openid-client has verified: signs in the linked account, makes
 * a new one, links the identity to the account that asked (or that an administrator allowed), or
 * refuses (decideSignIn); then gives the memberships the provider's claim says. The account, the
 * identity, the memberships and their audit entries are written in one transaction.
 */
export async function finishSignIn({
  db,
  now,
  provider,
  claims,
  linkingActor,
}: {
  db: Database;
  now: Date;
  provider: OidcProviderRow;
  claims: VerifiedClaims;
  /** The signed-in person who asked, from her account page, to link this identity (the route checked it is the session's). */
  linkingActor: Actor | null;
}): Promise<SignInOutcome> {
  const outcome = await db.transaction(async (tx): Promise<SignInOutcome> => {
    const identity = await findUserIdentity(tx, claims.issuer, claims.subject);
    const emailOwner = claims.email ? await findUserByEmail(tx, claims.email) : undefined;
    const grant = emailOwner && !identity ? await findLinkGrant(tx, emailOwner.id, provider.id, now) : undefined;
    // An organisation that signs its members in with this provider has said the provider speaks for
    // them: a member's account (an invited person's, say, whose password no longer works) is linked.
    const organisationTrusts =
      emailOwner && !identity && !grant ? await memberOfOrganisationSigningInWith(tx, emailOwner.id, provider.id) : false;
    const decision = decideSignIn({
      claims,
      provider,
      linkedUserId: identity?.userId ?? null,
      emailOwnerId: emailOwner?.id ?? null,
      linkGranted: grant !== undefined || organisationTrusts,
      linkTo: linkingActor?.userId ?? null,
    });
    const identityKey = { issuer: claims.issuer, subject: claims.subject, providerId: provider.id };
    const signedIn = async (userId: string, created: boolean): Promise<SignInOutcome> => ({
      kind: "signed_in",
      userId,
      created,
      memberships: await applyClaimMemberships(tx, { provider, claims, userId, now }),
    });
    switch (decision.kind) {
      case "refuse":
        return { kind: "refused", reason: decision.reason };
      case "sign_in":
        await touchUserIdentity(tx, claims.issuer, claims.subject, now);
        return signedIn(decision.userId, false);
      case "link": {
        await insertUserIdentity(tx, { issuer: claims.issuer, subject: claims.subject, userId: decision.userId, createdAt: now });
        await recordAudit(
          tx,
          linkingActor,
          { action: "user_identity.link", entityType: "user", entityId: decision.userId, after: identityKey },
          now,
        );
        return { kind: "linked", userId: decision.userId };
      }
      case "link_granted": {
        if (grant) await deleteLinkGrant(tx, decision.userId, provider.id);
        await insertUserIdentity(tx, {
          issuer: claims.issuer,
          subject: claims.subject,
          userId: decision.userId,
          createdAt: now,
          lastLoginAt: now,
        });
        await recordAudit(
          tx,
          SYSTEM_ACTOR,
          {
            action: "user_identity.link",
            entityType: "user",
            entityId: decision.userId,
            after: { ...identityKey, grantedBy: grant?.grantedBy ?? null, because: grant ? "link_grant" : "organisation_sign_in_provider" },
          },
          now,
        );
        return signedIn(decision.userId, false);
      }
      case "create": {
        const user = await insertUser(tx, { email: decision.email, name: decision.name, passwordHash: null, systemRoles: [] });
        await recordAudit(
          tx,
          SYSTEM_ACTOR,
          { action: "user.create", entityType: "user", entityId: user.id, after: { ...user, via: identityKey } },
          now,
        );
        await insertUserIdentity(tx, { issuer: claims.issuer, subject: claims.subject, userId: user.id, createdAt: now, lastLoginAt: now });
        await recordAudit(
          tx,
          SYSTEM_ACTOR,
          { action: "user_identity.link", entityType: "user", entityId: user.id, after: identityKey },
          now,
        );
        return signedIn(user.id, true);
      }
    }
  });
  if (outcome.kind === "refused") {
    await recordSignInRefusal({
      db,
      now,
      reason: outcome.reason,
      providerId: provider.id,
      detail: { issuer: claims.issuer, subject: claims.subject, email: claims.email },
    });
  }
  return outcome;
}

/** Every refused sign-in with a provider is in the audit log: why, with which provider, and what the token said if it was read. */
export async function recordSignInRefusal({
  db,
  now,
  reason,
  providerId,
  detail = {},
}: {
  db: Database;
  now: Date;
  reason: SignInRefusal;
  providerId: string | null;
  detail?: Record<string, unknown>;
}) {
  await db.transaction((tx) =>
    recordAudit(
      tx,
      SYSTEM_ACTOR,
      { action: "oidc.sign_in_refused", entityType: "oidc_provider", entityId: providerId ?? "unknown", after: { reason, ...detail } },
      now,
    ),
  );
}
