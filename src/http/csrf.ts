import { randomBytes, timingSafeEqual } from "node:crypto";
import type { FastifyInstance, FastifyRequest } from "fastify";
import { DomainError } from "../domain/shared/domain-error.ts";
import { isApiRequest } from "./authentication.ts";
import { CSRF_COOKIE, setCookie } from "./cookies.ts";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

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

/**
 * CSRF defence for forms, stateless so any app server can check it: a random value in an HttpOnly
 * cookie that every form must echo in `_csrf` (double submit), plus an Origin check when the
 * browser sends one. An attacker's page can neither read the cookie nor set a matching one.
 */
export function registerCsrf(app: FastifyInstance) {
  app.decorateRequest("csrfToken", "");
  app.addHook("onRequest", async (request, reply) => {
    if (isApiRequest(request)) return;
    let token = request.cookies[CSRF_COOKIE];
    if (!token || !/^[A-Za-z0-9_-]{32,}$/.test(token)) {
      token = randomBytes(24).toString("base64url");
      setCookie(request, reply, CSRF_COOKIE, token);
    }
    request.csrfToken = token;
  });
  app.addHook("preHandler", async (request) => {
    if (isApiRequest(request) || SAFE_METHODS.has(request.method)) return;
    const sent = (request.body as Record<string, unknown> | undefined)?._csrf;
    const cookie = request.cookies[CSRF_COOKIE];
    if (typeof sent !== "string" || !cookie || !sameValue(sent, cookie) || !originAllowed(request)) {
      throw new DomainError("CSRF_INVALID", "form token missing or wrong");
    }
  });
}
