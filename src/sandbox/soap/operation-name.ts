import type { IncomingHttpHeaders } from "node:http";
import type { SenderRequest } from "./requests.ts";

/** How much of a body is looked at: an envelope's header and the operation's start fit well within it. */
export const OPERATION_NAME_BYTES = 16 * 1024;

const OPERATIONS: readonly SenderRequest["operation"][] = ["isReachable", "isRegistered", "getSenders", "deliverSecure"];

/** The contract's operation of that name, or null: a name is only believed if it is one. */
export const asOperation = (name: string | null | undefined): SenderRequest["operation"] | null =>
  OPERATIONS.find((o) => o === name) ?? null;

// The first element inside the SOAP Body, with any prefix; the name is only believed if it is an operation.
const FIRST_IN_BODY =
  /<(?:[A-Za-z_][\w.-]*:)?Body\b[^>]{0,2000}>\s*(?:<!--[\s\S]{0,2000}?-->\s*)*<(?:[A-Za-z_][\w.-]*:)?([A-Za-z]{1,40})[\s/>]/;

/**
 * The operation a call names, read without parsing: for a call refused before its XML is parsed (a
 * certificate the environment does not accept, a body over the limit), the test-run view can still
 * say which operation was tried. Only the first OPERATION_NAME_BYTES are looked at, with a bounded
 * pattern, so a refused caller cannot make this costly; anything else than a known operation is null.
 */
export function operationNamedIn(body: string): SenderRequest["operation"] | null {
  return asOperation(FIRST_IN_BODY.exec(body.slice(0, OPERATION_NAME_BYTES))?.[1]);
}

/** The last segment of an action URI: "…/Service/v3/deliverSecure", "urn:x:isReachable", "…#getSenders". */
const ACTION_NAME = /([A-Za-z]{1,40})"?\s*$/;
/** SOAP 1.2 puts the action in the media type instead: application/soap+xml; action="…". */
const ACTION_PARAMETER = /;\s*action\s*=\s*"?([^";]{0,1000})/i;

/**
 * The operation a call's SOAPAction header (SOAP 1.1 §6.1.1), or the action parameter of its media
 * type, names by its last segment, for when the body does not say. The contract's soapAction is
 * "", which names nothing; some stacks send the operation anyway.
 */
export function operationInAction(headers: IncomingHttpHeaders): SenderRequest["operation"] | null {
  const soapAction = headers.soapaction;
  const action = (typeof soapAction === "string" ? soapAction : ACTION_PARAMETER.exec(headers["content-type"] ?? "")?.[1]) ?? "";
  return asOperation(ACTION_NAME.exec(action.slice(0, 1000))?.[1]);
}
