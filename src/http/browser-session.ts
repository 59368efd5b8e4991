import type { FastifyReply, FastifyRequest } from "fastify";
import type { Database } from "../db/database.ts";
import type { Actor } from "../domain/access/actor.ts";
import { type SignedInVia, startSession } from "../domain/identity/sessions.ts";
import type { SecretBox } from "../secrets/secret-box.ts";
import { SESSION_COOKIE, setCookie } from "./cookies.ts";
import { rotateCsrf } from "./csrf.ts";

/**
 * Signs the browser in as `actor`, the one way every login does it (password, invitation, identity
 * provider): a new server-side session, its cookie, and a CSRF token bound to that session.
 */
export async function startBrowserSession({
  db,
  secrets,
  request,
  reply,
  actor,
  now,
  via = null,
}: {
  db: Database;
  secrets: SecretBox;
  request: FastifyRequest;
  reply: FastifyReply;
  actor: Actor;
  now: Date;
  /** Set when the person signed in through an identity provider. */
  via?: SignedInVia | null;
}): Promise<void> {
  const session = await startSession({ db, actor, now, via });
  setCookie(request, reply, SESSION_COOKIE, session.token, session.maxAgeSeconds);
  rotateCsrf(request, reply, secrets, session.token);
}
