import type { FastifyReply, FastifyRequest } from "fastify";
import type { ReactElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { messagesFor } from "../i18n/index.ts";
import type { PageContext } from "../ui/page-context.ts";
import { takeFlash } from "./cookies.ts";
import "./request-context.ts";

/** Statuses with which a page shows a form sent back with its errors. */
const FORM_REJECTED = new Set([400, 409, 413, 422]);

export function pageContext(request: FastifyRequest, reply: FastifyReply, status = 200): PageContext {
  const auth = request.auth?.via === "session" ? request.auth : null;
  return {
    locale: request.locale,
    m: messagesFor(request.locale),
    csrfToken: request.csrfToken,
    currentPath: request.url.split("?")[0] ?? "/",
    returnTo: returnPathOf(request),
    actor: auth?.actor ?? null,
    organisations: auth ? [...auth.actor.organisations] : [],
    activeOrganisationId: auth?.activeOrganisationId ?? null,
    notice: takeFlash(request, reply),
    formRejected: FORM_REJECTED.has(status),
  };
}

export function sendPage(request: FastifyRequest, reply: FastifyReply, page: (ctx: PageContext) => ReactElement, status = 200) {
  const html = `<!doctype html>${renderToStaticMarkup(page(pageContext(request, reply, status)))}`;
  return reply.code(status).type("text/html; charset=utf-8").header("cache-control", "no-store").send(html);
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

/** A stand-in for the app's own origin: a return path is resolved against it, and must stay on it. */
const OWN_ORIGIN = "http://ansluta.invalid";
const MAX_RETURN_PATH = 2048;
/**
 * Browsers drop tabs and newlines inside a URL and read a backslash as a slash, so `/\t/host`
 * and `/\\host` mean `//host`, another site. Such characters have no place in a return path, in
 * any layer of percent-encoding.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are exactly what must be refused.
const UNSAFE = /[\u0000-\u001f\u007f\\]/;

function plainInEveryLayer(value: string): boolean {
  let layer = value;
  for (let i = 0; i < 4; i++) {
    if (!layer.startsWith("/") || layer.startsWith("//") || UNSAFE.test(layer)) return false;
    let decoded: string;
    try {
      decoded = decodeURIComponent(layer);
    } catch {
      return false;
    }
    if (decoded === layer) return true;
    layer = decoded;
  }
  return false;
}

/**
 * Only paths on Ansluta itself may be redirect targets, never another host: the value is resolved
 * with the URL API against the app's own origin, and anything that lands elsewhere, or holds
 * control characters or backslashes (raw or percent-encoded), gives the fallback. The answer is
 * the URL API's own serialisation, so it is always a valid Location header.
 */
export function safeReturnPath(value: unknown, fallback = "/"): string {
  if (typeof value !== "string" || value.length > MAX_RETURN_PATH || !plainInEveryLayer(value)) return fallback;
  let url: URL;
  try {
    url = new URL(value, OWN_ORIGIN);
  } catch {
    return fallback;
  }
  if (url.origin !== OWN_ORIGIN) return fallback;
  return `${url.pathname}${url.search}${url.hash}`;
}
