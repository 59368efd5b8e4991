import { type ParsedRequest, readSenderRequest } from "../soap/requests.ts";
import { parseXmlSafely, type XmlLimits } from "../soap/safe-xml.ts";
import type { Check } from "./check.ts";
import { requestChecks } from "./document-checks.ts";
import { checkParsedSubmission } from "./validate-submission.ts";

/**
 * What a validation worker does with untrusted XML, as plain data in and out (it crosses between
 * threads): the validator's checks of a submission, or the emulator's reading of a SOAP request
 * with, for a delivery, the same checks. Either way the document is parsed once.
 */

export type ValidationJob =
  | { kind: "submission"; body: string; now: Date; limits: XmlLimits }
  /** `checkDelivery`: also validateSubmission's checks when the request is a deliverSecure or cannot be read. */
  | { kind: "sender-request"; body: string; now: Date; limits: XmlLimits; checkDelivery: boolean };

export type SenderRequestReading = { request: ParsedRequest; checks: Check[] | null };

export type ValidationJobResult<J extends ValidationJob> = J extends { kind: "submission" } ? Check[] : SenderRequestReading;

export function runValidationJob(job: ValidationJob): Check[] | SenderRequestReading {
  const parsed = parseXmlSafely(job.body, job.limits);
  const options = { now: job.now, limits: job.limits };
  if (job.kind === "submission") return checkParsedSubmission(parsed, options);
  // Read before the checks, so the request's facts come from the document as sent.
  const request = readSenderRequest(parsed);
  const delivery = request.kind !== "ok" || request.request.operation === "deliverSecure";
  if (job.checkDelivery && delivery) return { request, checks: checkParsedSubmission(parsed, options) };
  // A lookup refused before its Body was read keeps the check that refused it.
  const refused = request.kind === "refused" || request.kind === "soap-fault";
  return { request, checks: refused ? requestChecks(parsed, job.limits) : null };
}
