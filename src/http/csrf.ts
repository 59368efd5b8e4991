import { randomBytes, timingSafeEqual } from "node:crypto";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { hashSecretToken } from "../domain/identity/secret-token.ts";
import { DomainError } from "../domain/shared/domain-error.ts";
import type { SecretBox } from "../secrets/secret-box.ts";
import { isApiRequest } from "./authentication.ts";
import { isBareRequest } from "./bare-request.ts";
import { CSRF_COOKIE, setCookie } from "./cookies.ts";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);
const PURPOSE = "csrf";

function sameValue(a: string, b: string) {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

function originAllowed(request: FastifyRequest): boolean {
  const origin = request.headers.origin;
  if (!origin || origin === "null") return origin !== "null";
  try {
    return new URL(origin).host === request.headers.host;
  } catch {
    return false;
  }
}

/** A session's form token: a MAC of the session token's hash, so it lives and dies with the session and is stored nowhere. */
const sessionToken = (secrets: SecretBox, session: string) => secrets.mac(hashSecretToken(session), PURPOSE);

/**
 * CSRF defence for forms, stateless so any app server can check it. Signed in, every form must
 * echo the session's token, a MAC (under SECRET_KEY) of the session: a value planted in the
 * browser beforehand, or taken from another session, does not fit. Signed out (the login form),
 * a random value in an HttpOnly cookie is echoed (double submit). The cookie always carries the
 * current token, and changes at login and logout. An Origin from elsewhere is refused as well.
 */
export function registerCsrf(app: FastifyInstance, secrets: SecretBox) {
  app.decorateRequest("csrfToken", "");
  app.addHook("onRequest", async (request, reply) => {
    if (isApiRequest(request) || isBareRequest(request)) return;
    const cookie = request.cookies[CSRF_COOKIE];
    const token =
      request.auth?.via === "session"
        ? sessionToken(secrets, request.auth.token)
        : cookie && /^[A-Za-z0-9_-]{32,}$/.test(cookie)
          ? cookie
          : randomBytes(24).toString("base64url");
    if (token !== cookie) setCookie(request, reply, CSRF_COOKIE, token);
    request.csrfToken = token;
  });
  app.addHook("preHandler", async (request) => {
    if (isApiRequest(request) || SAFE_METHODS.has(request.method)) return;
    const sent = (request.body as Record<string, unknown> | undefined)?._csrf;
    const expected = request.auth?.via === "session" ? sessionToken(secrets, request.auth.token) : request.cookies[CSRF_COOKIE];
    if (typeof sent !== "string" || !expected || !sameValue(sent, expected) || !originAllowed(request)) {
      throw new DomainError("CSRF_INVALID", "form token missing or wrong");
    }
  });
}

/**
 * At login (a new session) and logout (none): the form token changes with the session, so a token
 * seen before login, or in the session that ended, is worth nothing afterwards.
 */
export function rotateCsrf(request: FastifyRequest, reply: FastifyReply, secrets: SecretBox, session: string | null) {
  const token = session ? sessionToken(secrets, session) : randomBytes(24).toString("base64url");
  setCookie(request, reply, CSRF_COOKIE, token);
  request.csrfToken = token;
}
