import type { Database } from "../../db/database.ts";
import { findActorByApiToken } from "../../db/repositories/actor-repository.ts";
import {
  findApiToken,
  findLiveApiToken,
  insertApiToken,
  personalTokensOf,
  updateApiToken,
} from "../../db/repositories/credential-repository.ts";
import type { Actor } from "../access/actor.ts";
import { recordAudit } from "../audit/record-audit.ts";
import { DomainError } from "../shared/domain-error.ts";
import type { UseCaseContext } from "../shared/use-case.ts";
import { actorOf } from "./load-actor.ts";
import { hashSecretToken, newSecretToken } from "./secret-token.ts";

/** Tokens from POST /api/v1/auth/login live as long as a browser session's absolute limit. */
export const LOGIN_TOKEN_TTL_MS = 12 * 3600_000;
const TOUCH_EVERY_MS = 60_000;

export type ApiTokenView = {
  id: string;
  name: string;
  createdAt: string;
  expiresAt: string | null;
  lastUsedAt: string | null;
  revokedAt: string | null;
};

const view = (r: Awaited<ReturnType<typeof findApiToken>> & object): ApiTokenView => ({
  id: r.id,
  name: r.name,
  createdAt: r.createdAt.toISOString(),
  expiresAt: r.expiresAt?.toISOString() ?? null,
  lastUsedAt: r.lastUsedAt?.toISOString() ?? null,
  revokedAt: r.revokedAt?.toISOString() ?? null,
});

export async function issueLoginToken({ db, actor, now }: UseCaseContext) {
  const token = newSecretToken();
  await db.transaction(async (tx) => {
    const row = await insertApiToken(tx, {
      userId: actor.userId,
      name: "login",
      kind: "login",
      tokenHash: hashSecretToken(token),
      createdAt: now,
      expiresAt: new Date(now.getTime() + LOGIN_TOKEN_TTL_MS),
    });
    await recordAudit(tx, actor, { action: "api_token.login", entityType: "api_token", entityId: row.id }, now);
  });
  return { token, expiresAt: new Date(now.getTime() + LOGIN_TOKEN_TTL_MS).toISOString() };
}

export async function createPersonalToken({
  db,
  actor,
  now,
  name,
  expiresInDays,
}: UseCaseContext & { name: string; expiresInDays: number | null }) {
  const token = newSecretToken();
  const row = await db.transaction(async (tx) => {
    const created = await insertApiToken(tx, {
      userId: actor.userId,
      name,
      kind: "personal",
      tokenHash: hashSecretToken(token),
      createdAt: now,
      expiresAt: expiresInDays ? new Date(now.getTime() + expiresInDays * 86_400_000) : null,
    });
    await recordAudit(tx, actor, { action: "api_token.create", entityType: "api_token", entityId: created.id, after: view(created) }, now);
    return created;
  });
  return { token, apiToken: view(row) };
}

export async function listPersonalTokens({ db, actor }: Pick<UseCaseContext, "db" | "actor">) {
  return (await personalTokensOf(db, actor.userId)).map(view);
}

export async function revokePersonalToken({ db, actor, now, tokenId }: UseCaseContext & { tokenId: string }) {
  await db.transaction(async (tx) => {
    const row = await findApiToken(tx, tokenId);
    // Someone else's token is reported as absent, never as "not yours".
    if (!row || row.userId !== actor.userId || row.kind !== "personal") throw new DomainError("NOT_FOUND", "token not found");
    if (row.revokedAt) return;
    const after = await updateApiToken(tx, tokenId, { revokedAt: now });
    await recordAudit(
      tx,
      actor,
      { action: "api_token.revoke", entityType: "api_token", entityId: tokenId, before: view(row), after: after && view(after) },
      now,
    );
  });
}

/** Revokes the token the caller is using (API logout). */
export async function revokeBearerToken({ db, actor, now, token }: UseCaseContext & { token: string }) {
  const row = await findLiveApiToken(db, hashSecretToken(token), now);
  if (!row) return;
  await db.transaction(async (tx) => {
    await updateApiToken(tx, row.id, { revokedAt: now });
    await recordAudit(tx, actor, { action: "api_token.revoke", entityType: "api_token", entityId: row.id }, now);
  });
}

/** The token's user, in one query with her memberships; its last use is written at most once a minute. */
export async function resolveBearerToken({ db, token, now }: { db: Database; token: string; now: Date }): Promise<Actor | undefined> {
  const row = await findActorByApiToken(db, hashSecretToken(token), now);
  if (!row) return undefined;
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() > TOUCH_EVERY_MS) {
    await updateApiToken(db, row.tokenId, { lastUsedAt: now });
  }
  return actorOf(row, row.memberships);
}
