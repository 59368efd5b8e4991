import { type ParsedRequest, readSenderRequest } from "../soap/requests.ts";
import { parseXmlSafely, type XmlLimits } from "../soap/safe-xml.ts";
import type { Check } from "./check.ts";
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
  return { request, checks: job.checkDelivery && delivery ? checkParsedSubmission(parsed, options) : null };
}
