import type { FastifyInstance, FastifyRequest } from "fastify";

/**
 * The path as the log may show it: one-time invitation tokens travel in the path, and a provider's
 * authorization code and state in the query, so the query is left out and the token masked.
 */
export const loggedUrl = (url: string) =>
  (url.split("?", 1)[0] ?? "").replace(/^(\/invitation|\/api\/v1\/invitations)\/[^/]+/, "$1/[token]");

// Load balancers and process managers ask these every few seconds: at info they would drown the log.
const PROBES = new Set(["/healthz", "/livez"]);

/**
 * One line per request, written when the response has gone out: method, path, status and time.
 * Fastify's own request logging writes two lines (incoming, completed) with the whole request
 * serialised, which cost a fifth of a small authenticated read's throughput at the default level.
 * At debug level a line when a request arrives as well, to see what is under way.
 */
export function registerRequestLog(app: FastifyInstance) {
  app.addHook("onRequest", (request, _reply, done) => {
    request.log.debug({ method: request.method, url: loggedUrl(request.url) }, "request received");
    done();
  });
  app.addHook("onResponse", (request: FastifyRequest, reply, done) => {
    const level = reply.statusCode >= 500 ? "error" : PROBES.has(request.url) && reply.statusCode < 400 ? "debug" : "info";
    request.log[level](
      { method: request.method, url: loggedUrl(request.url), status: reply.statusCode, ms: Math.round(reply.elapsedTime) },
      "request",
    );
    done();
  });
}
