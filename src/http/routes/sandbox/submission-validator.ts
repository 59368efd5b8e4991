import { DomainError } from "../../../domain/shared/domain-error.ts";
import type { Check } from "../../../sandbox/checks/check.ts";
import { type ValidationPool, ValidationRefused } from "../../../sandbox/checks/validation-pool.ts";
import type { XmlLimits } from "../../../sandbox/soap/safe-xml.ts";
import type { Authentication } from "../../request-context.ts";

/**
 * The validator's checks of a submitted document (POST /api/v1/sandbox/validate and the page),
 * made on the validation pool's worker threads, never on the event loop: a document built to be
 * costly holds up a worker, not everyone's requests. Organisations take turns for the workers (and
 * with the emulator's environments, which share them), and each may have a few validations waiting
 * or running at once; more are refused with TOO_MANY_VALIDATIONS (429) until one is done.
 */
export type SubmissionValidator = (xml: string, caller: { auth: Authentication; now: Date }) => Promise<Check[]>;

/** A person pastes one document at a time, a sender's script a few: more than this waits for nobody. */
export const VALIDATIONS_PER_ORGANISATION = 8;

/**
 * Whose turn a validation takes: the organisation the caller works in (a session's active one, a
 * token's first membership, as a new session would pick), or the person when they have none.
 */
export function validationQueue(auth: Authentication): string {
  const organisationId = auth.via === "session" ? auth.activeOrganisationId : (auth.actor.memberships.keys().next().value ?? null);
  return organisationId ? `organisation ${organisationId}` : `user ${auth.actor.userId}`;
}

export type SubmissionValidatorOptions = {
  /** VALIDATIONS_PER_ORGANISATION by default. */
  perOrganisation?: number;
  /** The XML limits (DEFAULT_XML_LIMITS by default). */
  limits?: XmlLimits;
};

export function submissionValidator(pool: () => ValidationPool, options: SubmissionValidatorOptions = {}): SubmissionValidator {
  const queueLimit = options.perOrganisation ?? VALIDATIONS_PER_ORGANISATION;
  return async (xml, { auth, now }) => {
    try {
      return await pool().validate(xml, {
        now,
        queue: validationQueue(auth),
        queueLimit,
        ...(options.limits ? { limits: options.limits } : {}),
      });
    } catch (error) {
      if (!(error instanceof ValidationRefused)) throw error;
      if (error.code === "TOO_MANY_VALIDATIONS") {
        throw new DomainError("TOO_MANY_VALIDATIONS", `${error.message}: send this one again when one of them has been answered`, {
          retryAfterSeconds: 1,
        });
      }
      throw new DomainError("VALIDATION_TIMEOUT", `${error.message}: a document this costly to check is not checked`);
    }
  };
}
