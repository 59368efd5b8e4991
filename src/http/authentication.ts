import type { FastifyInstance, FastifyRequest } from "fastify";
import type { Database } from "../db/database.ts";
import { resolveBearerToken } from "../domain/identity/api-tokens.ts";
import { resolveSession } from "../domain/identity/sessions.ts";
import { isBareRequest } from "./bare-request.ts";
import { SESSION_COOKIE } from "./cookies.ts";
import "./request-context.ts";

export const isApiRequest = (request: FastifyRequest) => request.url.startsWith("/api/");

/**
 * Works out who is calling, once per request. The API takes only bearer tokens (so it needs no
 * CSRF defence); pages take only the session cookie.
 */
export function registerAuthentication(app: FastifyInstance, db: Database) {
  app.decorateRequest("auth", null);
  app.addHook("onRequest", async (request) => {
    if (isBareRequest(request)) return;
    if (isApiRequest(request)) {
      const header = request.headers.authorization;
      const match = header ? /^Bearer\s+(\S+)\s*$/i.exec(header) : null;
      if (!match?.[1]) return;
      const actor = await resolveBearerToken({ db, token: match[1], now: request.now });
      if (actor) request.auth = { via: "bearer", actor, token: match[1] };
      return;
    }
    const token = request.cookies[SESSION_COOKIE];
    if (!token) return;
    const resolved = await resolveSession({ db, token, now: request.now });
    if (resolved) {
      request.auth = { via: "session", actor: resolved.actor, token, activeOrganisationId: resolved.activeOrganisationId };
    }
  });
}
