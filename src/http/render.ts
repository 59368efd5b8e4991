import type { FastifyReply, FastifyRequest } from "fastify";
import type { ReactElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { messagesFor } from "../ui/i18n/index.ts";
import type { PageContext } from "../ui/page-context.ts";
import { clearCookie, FLASH_COOKIE } from "./cookies.ts";
import "./request-context.ts";

/** Statuses with which a page shows a form sent back with its errors. */
const FORM_REJECTED = new Set([400, 409, 413, 422]);

export function pageContext(request: FastifyRequest, reply: FastifyReply, status = 200): PageContext {
  const auth = request.auth?.via === "session" ? request.auth : null;
  const flash = request.cookies[FLASH_COOKIE];
  if (flash) clearCookie(request, reply, FLASH_COOKIE);
  let notice: string | null = null;
  try {
    notice = flash ? decodeURIComponent(flash) : null;
  } catch {
    notice = null;
  }
  return {
    locale: request.locale,
    m: messagesFor(request.locale),
    csrfToken: request.csrfToken,
    currentPath: request.url.split("?")[0] ?? "/",
    returnTo: returnPathOf(request),
    actor: auth?.actor ?? null,
    organisations: auth ? [...auth.actor.organisations] : [],
    activeOrganisationId: auth?.activeOrganisationId ?? null,
    notice,
    formRejected: FORM_REJECTED.has(status),
  };
}

export function sendPage(request: FastifyRequest, reply: FastifyReply, page: (ctx: PageContext) => ReactElement, status = 200) {
  const html = `<!doctype html>${renderToStaticMarkup(page(pageContext(request, reply, status)))}`;
  return reply.code(status).type("text/html; charset=utf-8").header("cache-control", "no-store").send(html);
}

/** Pages that need a logged-in user send others to the login page and back afterwards. */
export function requireSession(request: FastifyRequest, reply: FastifyReply) {
  if (request.auth?.via === "session") return request.auth;
  reply.redirect(`/login?next=${encodeURIComponent(request.url)}`, 303);
  return null;
}

/**
 * A page shown in answer to a form post sits at a URL that may have no GET route (e.g. after
 * creating a token), so switches return to the page the form was posted from instead.
 */
function returnPathOf(request: FastifyRequest): string {
  if (request.method === "GET") return safeReturnPath(request.url);
  const referer = request.headers.referer;
  if (!referer) return "/";
  try {
    const url = new URL(referer);
    return url.host === request.headers.host ? safeReturnPath(`${url.pathname}${url.search}`) : "/";
  } catch {
    return "/";
  }
}

/** Only same-site paths may be redirect targets, never another host. */
export function safeReturnPath(value: unknown, fallback = "/"): string {
  return typeof value === "string" && /^\/(?![/\\])/.test(value) ? value : fallback;
}
