import { DomainError } from "../../domain/shared/domain-error.ts";

/** PostgreSQL's unique_violation, as both drivers report it (drizzle wraps it as the error's cause). */
const UNIQUE_VIOLATION = "23505";

/**
 * Use cases check for a duplicate before they insert, but two requests at the same moment can
 * both pass the check; the unique index then refuses the second. That is the same answer as the
 * check's (409 ALREADY_EXISTS), not a server fault.
 */
export function conflictFromDatabase(error: unknown): DomainError | null {
  for (let e: unknown = error, depth = 0; e && typeof e === "object" && depth < 4; e = (e as { cause?: unknown }).cause, depth++) {
    if ((e as { code?: unknown }).code === UNIQUE_VIOLATION) {
      return new DomainError("ALREADY_EXISTS", "a request at the same moment made this first");
    }
  }
  return null;
}
