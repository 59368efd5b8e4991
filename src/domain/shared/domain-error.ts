/**
 * Errors are values with codes. The HTTP layer maps each code to a status and a Swedish/English
 * text in one place (src/http/errors/error-map.ts), so domain code never speaks HTTP.
 */
export type DomainErrorCode =
  | "VALIDATION_FAILED"
  | "UNAUTHENTICATED"
  | "INVALID_CREDENTIALS"
  | "LOGIN_RATE_LIMITED"
  | "FORBIDDEN"
  | "NOT_FOUND"
  | "CSRF_INVALID"
  | "ORGANISATION_NUMBER_TAKEN"
  | "EMAIL_TAKEN"
  | "ALREADY_MEMBER"
  | "INVITATION_INVALID"
  /** The invitation is for an account that exists: its owner accepts it while signed in. */
  | "INVITATION_SIGN_IN_REQUIRED"
  /** Signed in as someone other than the person the invitation is for. */
  | "INVITATION_WRONG_ACCOUNT"
  /** Nobody grants, changes or removes their own roles. */
  | "SELF_ROLE_CHANGE"
  /** A role the actor may not grant or take away (see grantableRoles). */
  | "ROLE_NOT_GRANTABLE"
  | "LAST_ADMIN"
  | "UNKNOWN_MILESTONE"
  | "MILESTONE_OUT_OF_ORDER"
  | "BASIS_INCOMPLETE"
  | "NOT_DECIDER"
  | "STATUS_CHANGE_NOT_ALLOWED"
  /** Fastställa needs every section the template marks as required written; `fields` names each one missing. */
  | "REQUIRED_SECTIONS_MISSING"
  /** The organisation requires a second person to fastställa, and the actor wrote this version. */
  | "SECOND_PERSON_REQUIRED"
  | "NOT_EDITABLE"
  /** The deliverable changed since the caller read it (If-Match or baseEtag no longer matches). */
  | "EDIT_CONFLICT"
  /** Someone else decided the milestone since the caller looked: the decision to supersede is not the current one. */
  | "DECISION_CONFLICT"
  /** A second copy of something that must be unique (an uploaded test CA, an own synthetic recipient). */
  | "ALREADY_EXISTS"
  /** The initiative has no test environment, or it is disabled. */
  | "SANDBOX_NOT_ENABLED"
  /** A load test already runs in the environment (one at a time). */
  | "LOAD_TEST_RUNNING"
  | "LOAD_TEST_NOT_RUNNING"
  /** The sandbox's test CA is sealed under another SECRET_KEY than this server's: it cannot issue or serve TLS until the right key is set. */
  | "SANDBOX_CA_UNUSABLE"
  /** The organisation (or person) has as many validations waiting or running as it may have at once. */
  | "TOO_MANY_VALIDATIONS"
  /** Checking a submitted document ran over its time budget and was stopped. */
  | "VALIDATION_TIMEOUT"
  /** The condition was marked met already (by its owner or the projektledare). */
  | "CONDITION_ALREADY_MET"
  /** A later decision superseded the one that set the condition: it no longer binds. */
  | "CONDITION_NOT_CURRENT"
  /** The review was of a version that is no longer the latest, or that has been fastställd since: no answer is taken. */
  | "REVIEW_CLOSED"
  /** An attachment larger than ATTACHMENT_MAX_BYTES (25 MB by default). */
  | "ATTACHMENT_TOO_LARGE"
  /** An attachment whose bytes are not a PDF, DOCX, XLSX, PNG or JPEG (or a DOCX/XLSX that would unpack to too much). */
  | "ATTACHMENT_TYPE_NOT_ALLOWED"
  /** ClamAV (CLAMD_SOCKET) found a virus in the attachment: nothing was stored. */
  | "ATTACHMENT_INFECTED"
  /** CLAMD_SOCKET is set and ClamAV did not answer: the attachment is refused rather than stored unscanned. */
  | "VIRUS_SCAN_UNAVAILABLE"
  /** The document's latest version is fastställd: it is what decisions rest on, so no file is added to it. */
  | "ATTACHMENT_VERSION_FROZEN"
  /** As many uploads as this server takes at once are arriving: send it again in a moment (503, Retry-After). */
  | "UPLOADS_BUSY"
  /** The reporting round is closed: it takes no more submissions. */
  | "ROUND_CLOSED"
  /** The right password, but the person's organisation signs its members in with its identity provider (`signInProvider`). */
  | "PASSWORD_LOGIN_DISABLED"
  /** The database cannot be reached or the connection broke (503, Retry-After): a fault of neither the request nor the code, gone when the database is back. */
  | "DATABASE_UNAVAILABLE";

/** A field path (e.g. ["members", 0, "email"]) with a message key from the UI catalogue. */
export type FieldIssue = { path: (string | number)[]; code: string; message: string };

export class DomainError extends Error {
  constructor(
    readonly code: DomainErrorCode,
    message: string,
    readonly details: {
      fields?: FieldIssue[];
      retryAfterSeconds?: number;
      missing?: unknown[];
      /** Where the person signs in instead (PASSWORD_LOGIN_DISABLED). */
      signInProvider?: { id: string; displayName: string };
    } = {},
    /** What went wrong underneath, for the log only: never answered (it may name hosts, paths or sockets). */
    options: { cause?: unknown } = {},
  ) {
    super(message, options);
    this.name = "DomainError";
  }
}

export const notFound = (what: string) => new DomainError("NOT_FOUND", `${what} not found`);
export const forbidden = (why: string) => new DomainError("FORBIDDEN", why);
