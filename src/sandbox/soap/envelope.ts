import type { Document, Element } from "@xmldom/xmldom";
import { elementChildren, is, strayText } from "./dom.ts";
import { NS, qualifiedName } from "./namespaces.ts";

/**
 * SOAP 1.1 envelopes as the contract's document/literal binding uses them: Envelope, an optional
 * Header, one Body holding exactly one payload element. A bare payload (no envelope) is accepted
 * where the caller allows it, as the validator does for a SealedDelivery on its own.
 */

export type EnvelopeProblem = { message: string };

export type OpenedEnvelope =
  | {
      kind: "soap11";
      payload: Element | null;
      problems: EnvelopeProblem[];
      /** Header blocks this node must understand and does not (SOAP 1.1 §4.2.3), as "{namespace}localName". */
      notUnderstood: string[];
    }
  | { kind: "bare"; payload: Element; problems: EnvelopeProblem[] }
  /** An Envelope in another namespace than SOAP 1.1's: a version mismatch (§4.1.2). */
  | { kind: "not-soap11"; payload: null; problems: EnvelopeProblem[] };

/** SOAP 1.1 §4.2.2: a header block for "the first SOAP application that processes the message", whoever that is. */
const NEXT_ACTOR = "http://schemas.xmlsoap.org/soap/actor/next";

/**
 * The contract's bindings declare no soap:header (the signatures are inside the Body), so there is
 * no header block the emulator, or Mina meddelanden, understands. A block is addressed to this node
 * when it names no actor (the ultimate recipient) or the "next" actor; one addressed to another
 * actor is not ours to process. mustUnderstand is "1" or "0" (§4.2.3); "true", which SOAP 1.1 does
 * not allow, is taken as meant rather than ignored, so the sender learns the block was not processed.
 */
function headerBlocksNotUnderstood(header: Element | undefined): string[] {
  if (!header) return [];
  return elementChildren(header)
    .filter((block) => {
      const mustUnderstand = block.getAttributeNodeNS(NS.soap11, "mustUnderstand")?.value.trim();
      const actor = block.getAttributeNodeNS(NS.soap11, "actor")?.value.trim();
      return (mustUnderstand === "1" || mustUnderstand === "true") && (actor === undefined || actor === NEXT_ACTOR);
    })
    .map((block) => `{${block.namespaceURI ?? ""}}${block.localName}`);
}

/** Why header blocks that must be understood are not, as the fault and the check say it. */
export function mustUnderstandMessage(blocks: readonly string[]): string {
  const [which, it] =
    blocks.length === 1 ? [`the header block ${blocks[0]} is`, "it"] : [`the header blocks ${blocks.join(", ")} are`, "them"];
  return `${which} marked soap:mustUnderstand="1" for this node, which does not understand ${it}: the contract's bindings define no SOAP header blocks`;
}

export function openEnvelope(document: Document): OpenedEnvelope {
  const root = document.documentElement;
  if (!root) return { kind: "not-soap11", payload: null, problems: [{ message: "the document has no root element" }] };
  if (root.localName === "Envelope" && root.namespaceURI === NS.soap12) {
    return {
      kind: "not-soap11",
      payload: null,
      problems: [{ message: "this is a SOAP 1.2 envelope; the contract's bindings are SOAP 1.1" }],
    };
  }
  if (root.localName !== "Envelope" || root.namespaceURI !== NS.soap11) {
    if (root.localName === "Envelope") {
      return {
        kind: "not-soap11",
        payload: null,
        problems: [{ message: `Envelope is in namespace ${root.namespaceURI ?? "(none)"}; SOAP 1.1 requires ${NS.soap11}` }],
      };
    }
    return { kind: "bare", payload: root, problems: [] };
  }
  const problems: EnvelopeProblem[] = [];
  const children = elementChildren(root);
  const notUnderstood = headerBlocksNotUnderstood(children.find((c) => is(c, NS.soap11, "Header")));
  if (strayText(root) !== null) problems.push({ message: "text directly inside soap:Envelope" });
  const unknown = children.filter((c) => !is(c, NS.soap11, "Header") && !is(c, NS.soap11, "Body"));
  for (const c of unknown) problems.push({ message: `unexpected ${qualifiedName(c.namespaceURI, c.localName ?? "")} in soap:Envelope` });
  const headers = children.filter((c) => is(c, NS.soap11, "Header"));
  const bodies = children.filter((c) => is(c, NS.soap11, "Body"));
  if (headers.length > 1) problems.push({ message: "more than one soap:Header" });
  if (bodies.length !== 1) {
    problems.push({ message: bodies.length === 0 ? "soap:Envelope has no soap:Body" : "more than one soap:Body" });
    return { kind: "soap11", payload: null, problems, notUnderstood };
  }
  const body = bodies[0] as Element;
  if (headers[0] && children.indexOf(headers[0]) > children.indexOf(body))
    problems.push({ message: "soap:Header must come before soap:Body" });
  const payload = elementChildren(body);
  if (strayText(body) !== null) problems.push({ message: "text directly inside soap:Body" });
  if (payload.length !== 1) {
    problems.push({ message: `soap:Body must hold exactly one element (document/literal); it holds ${payload.length}` });
    return { kind: "soap11", payload: payload[0] ?? null, problems, notUnderstood };
  }
  return { kind: "soap11", payload: payload[0] as Element, problems, notUnderstood };
}
