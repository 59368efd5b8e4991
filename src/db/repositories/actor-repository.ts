import { and, eq, gt, isNull, or, type SQL, sql } from "drizzle-orm";
import type { Database } from "../database.ts";
import { preparedFor } from "../prepared.ts";
import { apiTokens, sessions, users } from "../schema.ts";

/** One membership as the actor query returns it, ordered by organisation name. */
export type ActorMembershipRow = { organisationId: string; organisationName: string; organisationNumber: string; roles: string[] };

/**
 * The user behind a credential and every membership she holds, as one JSON column: the request's
 * whole identity in a single round trip instead of three (credential, user, memberships).
 */
const membershipsOfUserColumn = sql<ActorMembershipRow[]>`coalesce((
  select json_agg(json_build_object(
    'organisationId', m.organisation_id,
    'organisationName', o.name,
    'organisationNumber', o.number,
    'roles', m.roles) order by o.name)
  from memberships m join organisations o on o.id = m.organisation_id
  where m.user_id = ${users.id}), '[]'::json)`;

const userColumns = {
  userId: users.id,
  email: users.email,
  name: users.name,
  locale: users.locale,
  systemRoles: users.systemRoles,
  memberships: membershipsOfUserColumn,
};

// Placeholders are filled at execution; `now` travels as ISO text so both drivers bind it alike.
const NOW = sql`${sql.placeholder("now")}::timestamptz`;

const byApiToken = (db: Database) =>
  db
    .select({ tokenId: apiTokens.id, lastUsedAt: apiTokens.lastUsedAt, ...userColumns })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .where(
      and(
        eq(apiTokens.tokenHash, sql.placeholder("tokenHash")),
        isNull(apiTokens.revokedAt),
        or(isNull(apiTokens.expiresAt), gt(apiTokens.expiresAt, NOW as SQL<Date>)),
      ),
    )
    .limit(1)
    .prepare("actor_by_api_token");

const bySession = (db: Database) =>
  db
    .select({ lastSeenAt: sessions.lastSeenAt, activeOrganisationId: sessions.activeOrganisationId, ...userColumns })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.tokenHash, sql.placeholder("tokenHash")), gt(sessions.expiresAt, NOW as SQL<Date>)))
    .limit(1)
    .prepare("actor_by_session");

const apiTokenQuery = preparedFor(byApiToken);
const sessionQuery = preparedFor(bySession);

export type ActorByApiToken = Awaited<ReturnType<ReturnType<typeof byApiToken>["execute"]>>[number];
export type ActorBySession = Awaited<ReturnType<ReturnType<typeof bySession>["execute"]>>[number];

/** A live (unrevoked, unexpired) API token's user and memberships. */
export const findActorByApiToken = async (db: Database, tokenHash: string, now: Date): Promise<ActorByApiToken | undefined> =>
  (await apiTokenQuery(db).execute({ tokenHash, now: now.toISOString() }))[0];

/** An unexpired session's user and memberships; idleness is the caller's rule. */
export const findActorBySession = async (db: Database, tokenHash: string, now: Date): Promise<ActorBySession | undefined> =>
  (await sessionQuery(db).execute({ tokenHash, now: now.toISOString() }))[0];
