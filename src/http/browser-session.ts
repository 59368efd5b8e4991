import type { FastifyReply, FastifyRequest } from "fastify";
import type { Database } from "../db/database.ts";
import type { Actor } from "../domain/access/actor.ts";
import { startSession } from "../domain/identity/sessions.ts";
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
}: {
  db: Database;
  secrets: SecretBox;
  request: FastifyRequest;
  reply: FastifyReply;
  actor: Actor;
  now: Date;
}): Promise<void> {
  const session = await startSession({ db, actor, now });
  setCookie(request, reply, SESSION_COOKIE, session.token, session.maxAgeSeconds);
  rotateCsrf(request, reply, secrets, session.token);
}
