import type { LocatedDelivery } from "../soap/delivery.ts";
import { mustUnderstandMessage, type OpenedEnvelope, openEnvelope } from "../soap/envelope.ts";
import { DEFAULT_XML_LIMITS, type SafeXmlResult, type XmlLimits, type XmlRefusalCode } from "../soap/safe-xml.ts";
import { type Check, type CheckId, fail, listSome, pass } from "./check.ts";

const REFUSAL_CHECK: Record<XmlRefusalCode, CheckId> = {
  "too-large": "xml.size-limit",
  dtd: "xml.no-dtd",
  "too-deep": "xml.depth-limit",
  "too-many-elements": "xml.element-limit",
  malformed: "xml.well-formed",
};

/** The safety gate: size, no DTD, depth, element count, well-formedness. A refused document gets no further checks. */
export function xmlChecks(parsed: SafeXmlResult, limits: XmlLimits = DEFAULT_XML_LIMITS): Check[] {
  const good: Record<CheckId & `xml.${string}`, string> = {
    "xml.size-limit": `${parsed.bytes} bytes, within the validator's limit of ${limits.maxBytes}`,
    "xml.no-dtd": "no DOCTYPE or entity declarations",
    "xml.depth-limit": `no element nests deeper than ${limits.maxDepth} levels`,
    "xml.element-limit": `at most ${limits.maxElements} elements`,
    "xml.well-formed": "the document is well-formed XML",
  };
  const failed = parsed.ok ? null : REFUSAL_CHECK[parsed.refusal.code];
  const checks: Check[] = [];
  for (const [id, message] of Object.entries(good) as [CheckId, string][]) {
    if (id === failed && !parsed.ok) {
      checks.push(fail(id, parsed.refusal.message));
      break;
    }
    checks.push(pass(id, message));
  }
  return checks;
}

/** The SOAP 1.1 envelope itself: its version and shape, and (when it has one) the header blocks that must be understood. */
function soapChecks(opened: OpenedEnvelope): Check[] {
  const soap =
    opened.kind === "bare"
      ? pass("envelope.soap11", "a bare payload without a SOAP envelope; the emulator's endpoint will need the SOAP 1.1 envelope around it")
      : opened.problems.length
        ? fail("envelope.soap11", listSome(opened.problems.map((p) => p.message)))
        : pass("envelope.soap11", "SOAP 1.1 envelope with one payload in soap:Body");
  if (opened.kind !== "soap11") return [soap];
  const mustUnderstand = opened.notUnderstood.length
    ? fail("envelope.must-understand", `${mustUnderstandMessage(opened.notUnderstood)}; the emulator answers with a MustUnderstand fault`)
    : pass("envelope.must-understand", 'no header block addressed to this node with soap:mustUnderstand="1"');
  return [soap, mustUnderstand];
}

/**
 * For a lookup the emulator could not read: the checks that say why, the XML limits and the SOAP
 * envelope (a lookup has no delivery checks).
 */
export function requestChecks(parsed: SafeXmlResult, limits: XmlLimits = DEFAULT_XML_LIMITS): Check[] {
  const checks = xmlChecks(parsed, limits);
  return parsed.ok ? [...checks, ...soapChecks(openEnvelope(parsed.document))] : checks;
}

export function envelopeChecks(opened: OpenedEnvelope, located: LocatedDelivery): Check[] {
  const soap = soapChecks(opened);
  if (opened.kind === "not-soap11") return soap;
  const operation = located.ok
    ? located.problems.length
      ? fail("envelope.operation", listSome(located.problems))
      : pass(
          "envelope.operation",
          located.form === "bare-sealed-delivery"
            ? "msg3:SealedDelivery in the Message v3 namespace"
            : "svc3:deliverSecure wrapping one svc3:deliverSecure of type msg3:SealedDelivery",
        )
    : fail("envelope.operation", listSome(located.problems));
  return [...soap, operation];
}
