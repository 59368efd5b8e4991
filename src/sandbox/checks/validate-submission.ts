import { locateSealedDelivery, readDelivery } from "../soap/delivery.ts";
import { openEnvelope } from "../soap/envelope.ts";
import { DEFAULT_XML_LIMITS, parseXmlSafely, type SafeXmlResult, type XmlLimits } from "../soap/safe-xml.ts";
import type { Check } from "./check.ts";
import { CONTENT_CHECKS, sizeLimit } from "./content-checks.ts";
import { DELIVERY_CHECKS } from "./delivery-checks.ts";
import { envelopeChecks, xmlChecks } from "./document-checks.ts";
import { sealChecks, signatureChecksFor } from "./signature-checks.ts";

export type SubmissionOptions = { now?: Date; limits?: XmlLimits };

/**
 * Every check that can be made from a submitted deliverSecure envelope or bare SealedDelivery
 * alone, in a fixed order. Never throws on bad input: a document that is refused or not a
 * delivery gets the checks that say why, and no more. Parsing and checking cost CPU in proportion
 * to what the sender chose to send: servers run this on a validation worker (validation-pool.ts).
 */
export function validateSubmission(xml: string, options: SubmissionOptions = {}): Check[] {
  const limits = options.limits ?? DEFAULT_XML_LIMITS;
  return checkParsedSubmission(parseXmlSafely(xml, limits), { ...options, limits });
}

/** validateSubmission for a document parsed already (with these limits), so that a worker parses a request once. */
export function checkParsedSubmission(parsed: SafeXmlResult, options: SubmissionOptions = {}): Check[] {
  const now = options.now ?? new Date();
  const checks = xmlChecks(parsed, options.limits);
  if (!parsed.ok) return checks;
  const opened = openEnvelope(parsed.document);
  const located = locateSealedDelivery(opened);
  checks.push(...envelopeChecks(opened, located));
  if (!located.ok) return checks;
  const delivery = readDelivery(located.sealedDelivery);
  checks.push(
    ...DELIVERY_CHECKS.map((check) => check(delivery)),
    ...CONTENT_CHECKS.map((check) => check(delivery)),
    sizeLimit(parsed.bytes),
    ...signatureChecksFor(delivery, now),
    ...sealChecks(delivery, now),
  );
  return checks;
}
