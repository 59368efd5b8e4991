import type { Check } from "../checks/check.ts";
import type { SenderRequest } from "../soap/requests.ts";
import type { ApplicationFault } from "../soap/types.ts";
import type { ClientIdentification } from "../tls/test-ca.ts";

/**
 * What the emulator records about every call it receives, accepted or not: the raw material of the
 * test-run view, the conformance report and the test series of actual volumes. The emulator only
 * hands events to a recorder; where they are kept is the recorder's business.
 */

export type Endpoint = "recipient" | "authority" | "service" | "other";

export type EventOutcome =
  /** isReachable, isRegistered, getSenders answered; a WSDL or schema served */
  | "answered"
  | "delivered"
  | "not-delivered"
  /** answered with a SOAP fault (the scenario's operator fault, or a request the contract does not allow) */
  | "fault"
  /** the scenario's operator held the call and closed it without an answer */
  | "timeout"
  /** not served: no or untrusted client certificate, too large, not XML, unknown address, disabled environment, busy */
  | "refused";

/** What one message of a delivery carried, as sent (base64 undecoded), kept for the test-run view. */
export type DeliveredMessage = {
  /** The message's place in the delivery, from 0. */
  position: number;
  messageId: string | null;
  subject: string | null;
  bodyContentType: string | null;
  bodyBase64: string | null;
  attachments: { filename: string | null; contentType: string | null; checksum: string | null; base64: string | null }[];
};

export type EmulatorEvent = {
  callId: string;
  /** The test environment named in the address; null for a call to no (or an unknown) environment. */
  environmentId: string | null;
  /** The environment's organisation (Ansluta's id), when the environment is known. */
  organisationId: string | null;
  /** The load test running in the environment when the call arrived. */
  loadTestId: string | null;
  receivedAt: Date;
  /** From the request's arrival to the last byte of the answer (or to the close, for a timeout). */
  durationMs: number;
  method: string;
  path: string;
  endpoint: Endpoint;
  operation: SenderRequest["operation"] | "wsdl" | "schema" | null;
  /** The mailbox operator whose Service endpoint was called. */
  operatorId: string | null;
  client: ClientIdentification;
  /** senderOrgNr of an isReachable, Sender/Id of a delivery. */
  senderOrgNr: string | null;
  recipientIds: string[];
  /** The request body's size as received, whenever it was read (refused and too-large calls too); 0 when it never was. */
  requestBytes: number;
  httpStatus: number | null;
  outcome: EventOutcome;
  /** Why a call was refused or faulted, in English. */
  reason: string | null;
  fault: ApplicationFault | null;
  /** deliverSecure: every conformance check; other calls: the checks that apply to them. */
  checks: Check[];
  /** For a delivery that was answered: the TransId handed back. */
  transId: string | null;
  /** A deliverSecure that parsed: its messages; left empty during a load test, whose content is not kept. */
  messages: DeliveredMessage[];
};

/**
 * How many of an environment's deliveries keep what they carried (up to 2 MB each) for the
 * test-run view; the calls themselves, with their checks, are all kept.
 */
export const DELIVERY_CONTENTS_KEPT = 500;

export type EventRecorder = { record(event: EmulatorEvent): void };

/** Keeps events in memory, for tests and until the app persists them. */
export function memoryRecorder(): EventRecorder & { events: EmulatorEvent[] } {
  const events: EmulatorEvent[] = [];
  return { events, record: (event) => void events.push(event) };
}
