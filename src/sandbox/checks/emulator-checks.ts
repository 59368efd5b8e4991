import { decideDelivery } from "../recipients/sender-decision.ts";
import type { ReachabilityStatus, SenderInfo } from "../soap/types.ts";
import { type Check, fail, pass, warn } from "./check.ts";

/**
 * Checks that need what the emulator knows besides the message: earlier isReachable answers, the
 * registered senders and förmedlare, the TLS client certificate. Pure functions over that state,
 * so the emulator's server passes it in and tests need no server.
 */

export type Lookup = { senderOrgNr: string; recipientId: string; at: Date; status: ReachabilityStatus };

/** The latest isReachable answer this sender got for this recipient before the delivery. */
export function latestLookup(lookups: readonly Lookup[], senderOrgNr: string, recipientId: string, before: Date): Lookup | undefined {
  return lookups
    .filter((l) => l.senderOrgNr === senderOrgNr && l.recipientId === recipientId && l.at <= before)
    .sort((a, b) => b.at.getTime() - a.at.getTime())[0];
}

const REASON_TEXT = {
  "sender-not-accepted": "the recipient does not accept this sender (SenderAccepted=false)",
  "mailbox-pending": "the mailbox is not yet active (Pending=true)",
  "no-mailbox": "the recipient has no digital mailbox",
  minor: "the recipient is under 18",
} as const;

export function reachableCheckedBeforeDelivery(input: {
  senderOrgNr: string;
  recipientId: string;
  lookups: readonly Lookup[];
  now: Date;
}): Check {
  const lookup = latestLookup(input.lookups, input.senderOrgNr, input.recipientId, input.now);
  if (!lookup)
    return fail("delivery.reachable-checked", `deliverSecure to ${input.recipientId} without an isReachable for that recipient first`);
  const decision = decideDelivery(lookup.status, input.now);
  if (!decision.deliver) {
    return fail(
      "delivery.reachable-checked",
      `isReachable answered that ${REASON_TEXT[decision.reason]}, so the sender must not deliver digitally`,
    );
  }
  return pass("delivery.reachable-checked", `isReachable for ${input.recipientId} at ${lookup.at.toISOString()} allowed delivery`);
}

/** Scheme and host compare case-insensitively and a trailing slash does not matter; the rest must be the same. */
function sameAddress(a: string, b: string): boolean {
  try {
    const x = new URL(a.trim());
    const y = new URL(b.trim());
    const path = (u: URL) => u.pathname.replace(/\/+$/, "") + u.search;
    return x.protocol === y.protocol && x.host === y.host && path(x) === path(y);
  } catch {
    return a.trim() === b.trim();
  }
}

export function deliveredToServiceAdress(input: { calledAddress: string; lookup: Lookup | undefined }): Check {
  const expected = input.lookup?.status.accountStatus.serviceSupplier?.serviceAdress;
  if (!expected) return fail("delivery.service-address", "no ServiceAdress from an earlier isReachable to compare with");
  return sameAddress(input.calledAddress, expected)
    ? pass("delivery.service-address", `delivered to ${expected}, the ServiceAdress isReachable returned`)
    : fail(
        "delivery.service-address",
        `delivered to ${input.calledAddress}, but isReachable returned ServiceAdress ${expected}: route by FaR's answer`,
      );
}

export function senderRegistered(input: { senderId: string; registeredSenders: readonly SenderInfo[] }): Check {
  return input.registeredSenders.some((s) => s.id === input.senderId)
    ? pass("sender.registered", `${input.senderId} is a registered sender (getSenders)`)
    : fail("sender.registered", `${input.senderId} is not among the registered senders that getSenders returns`);
}

export type Dispatcher = { id: string; senders: readonly string[] };

/** The TLS client is the sender itself or a förmedlare registered to send for it. */
export function clientMaySendFor(input: { senderId: string; clientOrgNr: string | null; dispatchers: readonly Dispatcher[] }): Check {
  if (!input.clientOrgNr)
    return fail("sender.client-certificate", "no client certificate with a serialNumber (16 + orgnr) identified the caller");
  if (input.clientOrgNr === input.senderId)
    return pass("sender.client-certificate", `the client certificate is the sender's own (${input.clientOrgNr})`);
  const dispatcher = input.dispatchers.find((d) => d.id === input.clientOrgNr);
  if (dispatcher?.senders.includes(input.senderId)) {
    return pass("sender.client-certificate", `${input.clientOrgNr} is a registered förmedlare for ${input.senderId}`);
  }
  return fail(
    "sender.client-certificate",
    `the client certificate belongs to ${input.clientOrgNr}, which is neither the sender ${input.senderId} nor a förmedlare registered for it`,
  );
}

/** The seal is the förmedlare's: the organisation that signed it should be the one calling. */
export function sealSignedByClient(input: { sealSignerOrgNr: string | null; clientOrgNr: string | null }): Check {
  if (!input.sealSignerOrgNr || !input.clientOrgNr) {
    return fail(
      "signature.intermediary.client-certificate",
      "the seal's signer or the client certificate carries no organisation number to compare",
    );
  }
  return input.sealSignerOrgNr === input.clientOrgNr
    ? pass("signature.intermediary.client-certificate", `the seal is signed by the calling organisation ${input.clientOrgNr}`)
    : warn(
        "signature.intermediary.client-certificate",
        `the seal is signed by ${input.sealSignerOrgNr} but ${input.clientOrgNr} called; usual practice is one certificate for both`,
      );
}

export function messageIdsUnique(input: { messageIds: readonly string[]; earlierIds: ReadonlySet<string> }): Check {
  const reused = input.messageIds.filter((id, i) => input.earlierIds.has(id) || input.messageIds.indexOf(id) !== i);
  return reused.length
    ? warn("delivery.message.id-unique", `message Id ${reused.join(", ")} was used before by this sender`)
    : pass("delivery.message.id-unique", "message Ids not used before by this sender");
}

/**
 * The media type of the call. SOAP 1.1 over HTTP is sent as text/xml (SOAP 1.1 §6); application/soap+xml
 * is SOAP 1.2's. The emulator reads the body either way, but a strict SOAP 1.1 service refuses
 * anything else before reading it (WCF's basicHttpBinding answers 415).
 */
export function soapContentType(header: string | undefined): Check {
  const mediaType = (header ?? "").split(";")[0]?.trim().toLowerCase() ?? "";
  if (mediaType === "text/xml") return pass("envelope.content-type", "sent as text/xml, as SOAP 1.1 requires");
  const sent = mediaType ? `sent as ${mediaType}` : "sent without a Content-Type";
  const why = mediaType === "application/soap+xml" ? ", which is SOAP 1.2's media type" : "";
  return warn(
    "envelope.content-type",
    `${sent}${why}; the contract's SOAP 1.1 binding sends text/xml, and a strict SOAP 1.1 service may refuse anything else with 415`,
  );
}
