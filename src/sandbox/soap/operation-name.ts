import type { SenderRequest } from "./requests.ts";

/** How much of a body is looked at: an envelope's header and the operation's start fit well within it. */
export const OPERATION_NAME_BYTES = 16 * 1024;

const OPERATIONS: readonly SenderRequest["operation"][] = ["isReachable", "isRegistered", "getSenders", "deliverSecure"];

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
  const name = FIRST_IN_BODY.exec(body.slice(0, OPERATION_NAME_BYTES))?.[1];
  return OPERATIONS.find((o) => o === name) ?? null;
}
