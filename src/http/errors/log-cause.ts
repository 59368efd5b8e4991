import type { FastifyRequest } from "fastify";
import type { DomainError } from "../../domain/shared/domain-error.ts";

/** A refusal's underlying fault (a scanner that is down, say) goes to the log, which may name what the answer may not. */
export function logCause(request: FastifyRequest, error: DomainError) {
  if (error.cause !== undefined) request.log.warn({ err: error.cause, code: error.code }, error.message);
}
