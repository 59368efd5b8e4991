import type { Attr, Element, Node } from "@xmldom/xmldom";
import { isElement } from "./dom.ts";
import { NS } from "./namespaces.ts";

/** Escaping as canonical XML writes it, so a serialized subtree canonicalizes to the same bytes. */
const TEXT_TO_ESCAPE = /[&<>\r]/;
// Most text in a delivery is base64, which has nothing to escape: one scan instead of four.
export const escapeText = (s: string) =>
  TEXT_TO_ESCAPE.test(s) ? s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/\r/g, "&#xD;") : s;
export const escapeAttribute = (s: string) =>
  s
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/"/g, "&quot;")
    .replace(/\t/g, "&#x9;")
    .replace(/\n/g, "&#xA;")
    .replace(/\r/g, "&#xD;");

const TEXT_NODE = 3;
const CDATA_SECTION_NODE = 4;

export type QName = { namespace: string; localName: string };

/**
 * "prefix-free": every element unprefixed, `xmlns="…"` only where the namespace changes, all
 * `xmlns:*` dropped: the form the Mina meddelanden reference code signs (XmlUtil.removeXmlNsPrefixes).
 * `rootAs` renames the root, as the reference verifier turns svc3:deliverSecure back into
 * msg3:SealedDelivery. "as-sent": prefixes kept; the root declares every namespace in scope, so
 * the subtree means the same standalone as it did inside its document.
 */
export type SerializeOptions = { style: "prefix-free"; rootAs?: QName } | { style: "as-sent" };

function inScopeDeclarations(element: Element): Map<string, string> {
  const chain: Element[] = [];
  for (let n: Node | null = element; n && isElement(n); n = n.parentNode) chain.unshift(n);
  const bindings = new Map<string, string>();
  for (const e of chain) {
    for (const a of Array.from(e.attributes) as Attr[]) {
      if (a.namespaceURI === NS.xmlns) bindings.set(a.prefix === "xmlns" ? (a.localName ?? "") : "", a.value);
    }
  }
  return bindings;
}

/**
 * Writes one element and its subtree as a standalone document. Comments and processing
 * instructions are left out (exclusive canonicalization without comments drops them anyway).
 */
export function serializeStandalone(root: Element, options: SerializeOptions): string {
  const out: string[] = [];
  const write = (element: Element, parentDefault: string | null, isRoot: boolean) => {
    const rename = isRoot && options.style === "prefix-free" ? options.rootAs : undefined;
    const namespace = rename ? rename.namespace : (element.namespaceURI ?? "");
    const localName = rename ? rename.localName : (element.localName ?? element.nodeName);
    const attributes = (Array.from(element.attributes) as Attr[]).filter((a) => a.namespaceURI !== NS.xmlns);
    const declarations: string[] = [];
    let name: string;
    let ownDefault = parentDefault;
    if (options.style === "prefix-free") {
      name = localName;
      if (namespace !== (parentDefault ?? "")) {
        declarations.push(` xmlns="${escapeAttribute(namespace)}"`);
        ownDefault = namespace;
      }
      for (const a of attributes) {
        if (a.namespaceURI && a.prefix) declarations.push(` xmlns:${a.prefix}="${escapeAttribute(a.namespaceURI)}"`);
      }
    } else {
      const prefix = element.prefix;
      name = prefix ? `${prefix}:${localName}` : localName;
      const bindings = isRoot
        ? inScopeDeclarations(element)
        : new Map(
            (Array.from(element.attributes) as Attr[])
              .filter((a) => a.namespaceURI === NS.xmlns)
              .map((a) => [a.prefix === "xmlns" ? (a.localName ?? "") : "", a.value] as [string, string]),
          );
      for (const [p, uri] of bindings) declarations.push(p ? ` xmlns:${p}="${escapeAttribute(uri)}"` : ` xmlns="${escapeAttribute(uri)}"`);
    }
    out.push(`<${name}${declarations.join("")}`);
    for (const a of attributes) {
      const attributeName = a.prefix && a.namespaceURI ? `${a.prefix}:${a.localName}` : (a.localName ?? a.name);
      out.push(` ${attributeName}="${escapeAttribute(a.value)}"`);
    }
    out.push(">");
    for (let n = element.firstChild; n; n = n.nextSibling) {
      if (isElement(n)) write(n, ownDefault, false);
      else if (n.nodeType === TEXT_NODE || n.nodeType === CDATA_SECTION_NODE) out.push(escapeText(n.nodeValue ?? ""));
    }
    out.push(`</${name}>`);
  };
  write(root, null, true);
  return out.join("");
}
