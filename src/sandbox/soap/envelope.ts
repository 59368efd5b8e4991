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
  | { kind: "soap11"; payload: Element | null; problems: EnvelopeProblem[] }
  | { kind: "bare"; payload: Element; problems: EnvelopeProblem[] }
  | { kind: "not-soap11"; payload: null; problems: EnvelopeProblem[] };

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
  if (strayText(root) !== null) problems.push({ message: "text directly inside soap:Envelope" });
  const unknown = children.filter((c) => !is(c, NS.soap11, "Header") && !is(c, NS.soap11, "Body"));
  for (const c of unknown) problems.push({ message: `unexpected ${qualifiedName(c.namespaceURI, c.localName ?? "")} in soap:Envelope` });
  const headers = children.filter((c) => is(c, NS.soap11, "Header"));
  const bodies = children.filter((c) => is(c, NS.soap11, "Body"));
  if (headers.length > 1) problems.push({ message: "more than one soap:Header" });
  if (bodies.length !== 1) {
    problems.push({ message: bodies.length === 0 ? "soap:Envelope has no soap:Body" : "more than one soap:Body" });
    return { kind: "soap11", payload: null, problems };
  }
  const body = bodies[0] as Element;
  if (headers[0] && children.indexOf(headers[0]) > children.indexOf(body))
    problems.push({ message: "soap:Header must come before soap:Body" });
  const payload = elementChildren(body);
  if (strayText(body) !== null) problems.push({ message: "text directly inside soap:Body" });
  if (payload.length !== 1) {
    problems.push({ message: `soap:Body must hold exactly one element (document/literal); it holds ${payload.length}` });
    return { kind: "soap11", payload: payload[0] ?? null, problems };
  }
  return { kind: "soap11", payload: payload[0] as Element, problems };
}
