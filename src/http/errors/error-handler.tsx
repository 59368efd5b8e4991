import { randomUUID } from "node:crypto";
import type { FastifyError, FastifyInstance } from "fastify";
import { DomainError } from "../../domain/shared/domain-error.ts";
import { ErrorPage } from "../../ui/pages/error-page.tsx";
import { isApiRequest } from "../authentication.ts";
import { sendPage } from "../render.ts";
import { conflictFromDatabase } from "./database-conflict.ts";
import { unavailableFromDatabase } from "./database-unavailable.ts";
import { HTTP_STATUS } from "./error-map.ts";
import { logCause } from "./log-cause.ts";

/**
 * What every NOT_FOUND answers, whatever was not found and why: a random id, another
 * organisation's id (which `authorize` refuses as "organisation not found") and a deleted one must
 * be indistinguishable, or the message itself tells an outsider which ids exist.
 */
export const NOT_FOUND_MESSAGE = "not found";

const pageKind = (code: string, status: number) =>
  code === "CSRF_INVALID"
    ? "csrf"
    : code === "UPLOADS_BUSY"
      ? "busy"
      : code === "DATABASE_UNAVAILABLE"
        ? "databaseUnavailable"
        : status === 404
          ? "notFound"
          : status === 403
            ? "forbidden"
            : status === 400
              ? "badRequest"
              : "server";

/**
 * The last line: every error ends here as a precise 4xx, or as a 500 with a reference id that is
 * also in the log. Nothing about the fault (stack, SQL, paths) reaches the client.
 */
export function registerErrorHandling(app: FastifyInstance) {
  app.setErrorHandler(async (thrown: FastifyError | DomainError, request, reply) => {
    const error = conflictFromDatabase(thrown) ?? unavailableFromDatabase(thrown) ?? thrown;
    if (error instanceof DomainError) {
      const status = HTTP_STATUS[error.code];
      if (error.details.retryAfterSeconds) reply.header("retry-after", String(error.details.retryAfterSeconds));
      if (error.code === "NOT_FOUND") request.log.debug({ reason: error.message }, "not found");
      logCause(request, error);
      if (isApiRequest(request)) {
        return reply.code(status).send({
          code: error.code,
          message: error.code === "NOT_FOUND" ? NOT_FOUND_MESSAGE : error.message,
          ...(error.details.fields
            ? { fields: error.details.fields.map((f) => ({ path: f.path.join("."), code: f.code, message: f.message })) }
            : {}),
          ...(error.details.retryAfterSeconds ? { retryAfterSeconds: error.details.retryAfterSeconds } : {}),
          ...(error.details.missing ? { missing: error.details.missing } : {}),
          ...(error.details.signInProvider
            ? {
                signInProvider: {
                  id: error.details.signInProvider.id,
                  name: error.details.signInProvider.displayName,
                  url: `/login/oidc/${error.details.signInProvider.id}`,
                },
              }
            : {}),
        });
      }
      return sendPage(request, reply, (ctx) => <ErrorPage ctx={ctx} kind={pageKind(error.code, status)} />, status);
    }
    // Fastify's own client errors (bad JSON, unsupported media type, body too large) keep their 4xx.
    const status = typeof error.statusCode === "number" && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 500;
    if (status < 500) {
      const code = status === 415 ? "UNSUPPORTED_MEDIA_TYPE" : status === 413 ? "PAYLOAD_TOO_LARGE" : "BAD_REQUEST";
      if (isApiRequest(request)) return reply.code(status).send({ code, message: error.message });
      return sendPage(request, reply, (ctx) => <ErrorPage ctx={ctx} kind={pageKind(code, status)} />, status);
    }
    const referenceId = randomUUID();
    request.log.error({ err: error, referenceId }, "unhandled error");
    if (isApiRequest(request)) {
      return reply.code(500).send({ code: "INTERNAL_ERROR", message: "An unexpected error occurred", referenceId });
    }
    return sendPage(request, reply, (ctx) => <ErrorPage ctx={ctx} kind="server" referenceId={referenceId} />, 500);
  });

  app.setNotFoundHandler(async (request, reply) => {
    if (isApiRequest(request))
      return reply.code(404).send({ code: "NOT_FOUND", message: `no route ${request.method} ${request.url.split("?")[0]}` });
    return sendPage(request, reply, (ctx) => <ErrorPage ctx={ctx} kind="notFound" />, 404);
  });
}
