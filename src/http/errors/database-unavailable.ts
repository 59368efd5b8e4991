import { DomainError } from "../../domain/shared/domain-error.ts";

/**
 * What the drivers say when the database cannot be reached or the connection broke: node's socket
 * errors, PostgreSQL's connection-exception class (08…) and its shutdown states (57P01–57P03), too
 * many connections (53300), and pg's and PGlite's own words for a connection or pool that is gone.
 */
const SOCKET_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "EPIPE", "ETIMEDOUT", "EHOSTUNREACH", "ENETUNREACH", "ENOTFOUND", "EAI_AGAIN"]);
const SQLSTATES = new Set(["57P01", "57P02", "57P03", "53300"]);
const MESSAGES = [
  "Connection terminated",
  "timeout exceeded when trying to connect",
  "Client has encountered a connection error and is not queryable",
  "Cannot use a pool after calling end on the pool",
  "PGlite is closed",
];

/** How long a client should wait before it tries again: about as long as a restarted database or a failover takes. */
export const DATABASE_RETRY_AFTER_SECONDS = 5;

function looksUnavailable(e: object): boolean {
  const code = (e as { code?: unknown }).code;
  if (typeof code === "string" && (SOCKET_CODES.has(code) || SQLSTATES.has(code) || code.startsWith("08"))) return true;
  const message = (e as { message?: unknown }).message;
  return typeof message === "string" && MESSAGES.some((m) => message.includes(m));
}

/**
 * A request that failed because the database is down is not a fault of the request or of the
 * code: it answers 503 DATABASE_UNAVAILABLE with Retry-After, and once the database is back the
 * same request succeeds. The cause (host, port, socket error) goes to the log only.
 */
export function unavailableFromDatabase(error: unknown): DomainError | null {
  const seen = new Set<unknown>();
  for (
    let e: unknown = error, depth = 0;
    e && typeof e === "object" && depth < 5 && !seen.has(e);
    e = (e as { cause?: unknown }).cause, depth++
  ) {
    seen.add(e);
    if (e instanceof DomainError) return null;
    // An AggregateError (a connection attempt to every address of a host) holds the socket errors inside.
    const inner = e instanceof AggregateError ? e.errors : [];
    if (looksUnavailable(e) || inner.some((x) => x && typeof x === "object" && looksUnavailable(x))) {
      return new DomainError(
        "DATABASE_UNAVAILABLE",
        "the database does not answer right now; try again in a moment (a change sent just now may or may not have been stored)",
        { retryAfterSeconds: DATABASE_RETRY_AFTER_SECONDS },
        { cause: error },
      );
    }
  }
  return null;
}
