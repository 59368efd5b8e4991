import type { DomainErrorCode } from "../../domain/shared/domain-error.ts";

/** The one mapping from domain error codes to HTTP status. */
export const HTTP_STATUS: Record<DomainErrorCode, number> = {
  VALIDATION_FAILED: 400,
  UNAUTHENTICATED: 401,
  INVALID_CREDENTIALS: 401,
  LOGIN_RATE_LIMITED: 429,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CSRF_INVALID: 403,
  ORGANISATION_NUMBER_TAKEN: 409,
  EMAIL_TAKEN: 409,
  ALREADY_MEMBER: 409,
  INVITATION_INVALID: 410,
  LAST_ADMIN: 409,
};
