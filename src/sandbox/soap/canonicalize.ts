import type { Attr, Element, Node } from "@xmldom/xmldom";
import { isElement } from "./dom.ts";
import { NS } from "./namespaces.ts";
import { escapeAttribute, escapeText, type QName } from "./xml-serialize.ts";

/**
 * Canonical XML 1.0 and Exclusive XML Canonicalization 1.0, without comments unless asked, over
 * an element of the tree the request was parsed into: no serializing and re-parsing of the
 * signed element. Two views of the same element:
 *
 * - "as-sent": the element as the sender wrote it, a document of its own whose root has every
 *   namespace in scope where it stood (what W3C XML-DSig digests for a Reference to that element);
 * - "prefix-free": the view of the Mina meddelanden reference code (technical.md §6.2): every
 *   element unprefixed in its namespace, the `xmlns:*` declarations dropped, apart from those a
 *   prefixed attribute needs, and the root optionally renamed (svc3:deliverSecure read as
 *   msg3:SealedDelivery). It is what xml-serialize.ts writes as "prefix-free", read back.
 */

export type CanonicalizationMethod = {
  exclusive: boolean;
  withComments: boolean;
  /** Exclusive c14n's InclusiveNamespaces PrefixList; "#default" stands for the default namespace. */
  inclusivePrefixes?: readonly string[];
};

export type SignedView = { kind: "as-sent" } | { kind: "prefix-free"; rootAs?: QName };

export type CanonicalizeOptions = {
  /** The element the view is taken of: the signed element. */
  apex: Element;
  view: SignedView;
  method: CanonicalizationMethod;
  /** A subtree left out, as the enveloped-signature transform leaves out the signature. */
  omit?: Element | null;
};

const TEXT_NODE = 3;
const CDATA_SECTION_NODE = 4;
const PROCESSING_INSTRUCTION_NODE = 7;
const COMMENT_NODE = 8;

type Bindings = ReadonlyMap<string, string>;

const isDeclaration = (a: Attr) => a.namespaceURI === NS.xmlns;
const declaredPrefix = (a: Attr) => (a.prefix === "xmlns" ? (a.localName ?? "") : "");

function viewName(element: Element, options: CanonicalizeOptions): { name: string; prefix: string; namespace: string } {
  const renamed = options.view.kind === "prefix-free" && element === options.apex ? options.view.rootAs : undefined;
  if (renamed) return { name: renamed.localName, prefix: "", namespace: renamed.namespace };
  const localName = element.localName ?? element.nodeName;
  const namespace = element.namespaceURI ?? "";
  if (options.view.kind === "prefix-free") return { name: localName, prefix: "", namespace };
  const prefix = element.prefix ?? "";
  return { name: prefix ? `${prefix}:${localName}` : localName, prefix, namespace };
}

const viewAttributes = (element: Element) => (Array.from(element.attributes) as Attr[]).filter((a) => !isDeclaration(a));

/** The namespace bindings an element adds in the view, on top of those in scope at its parent. */
function declarationsIn(element: Element, options: CanonicalizeOptions): [string, string][] {
  if (options.view.kind === "as-sent") {
    return (Array.from(element.attributes) as Attr[]).filter(isDeclaration).map((a) => [declaredPrefix(a), a.value]);
  }
  const own: [string, string][] = [["", viewName(element, options).namespace]];
  for (const a of viewAttributes(element)) if (a.prefix && a.namespaceURI) own.push([a.prefix, a.namespaceURI]);
  return own;
}

function withDeclarations(inScope: Bindings, declarations: [string, string][]): Bindings {
  const changed = declarations.filter(([prefix, uri]) => inScope.get(prefix) !== uri);
  if (changed.length === 0) return inScope;
  const next = new Map(inScope);
  for (const [prefix, uri] of changed) next.set(prefix, uri);
  return next;
}

/** The bindings in scope at `node`'s parent in the view: from the document's root as sent, from the apex prefix-free. */
function inScopeAbove(node: Element, options: CanonicalizeOptions): Bindings {
  const chain: Element[] = [];
  const stop = options.view.kind === "prefix-free" ? options.apex : null;
  if (node !== stop) {
    for (let n: Node | null = node.parentNode; n && isElement(n); n = n.parentNode) {
      chain.unshift(n);
      if (n === stop) break;
    }
  }
  return chain.reduce<Bindings>((scope, e) => withDeclarations(scope, declarationsIn(e, options)), new Map());
}

const byPrefix = (a: [string, string], b: [string, string]) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0);
const attributeOrder = (a: Attr, b: Attr) => {
  const x = a.namespaceURI ?? "";
  const y = b.namespaceURI ?? "";
  if (x !== y) return x < y ? -1 : 1;
  const m = a.localName ?? a.name;
  const n = b.localName ?? b.name;
  return m < n ? -1 : m > n ? 1 : 0;
};

/**
 * A delivery's text is canonicalized four times (two signatures, two ways), and most of it is the
 * base64 of its attachments: escape each text node once. The tree is never changed after parsing.
 */
const escapedTexts = new WeakMap<Node, string>();
function escapedText(node: Node): string {
  let escaped = escapedTexts.get(node);
  if (escaped === undefined) {
    escaped = escapeText(node.nodeValue ?? "");
    escapedTexts.set(node, escaped);
  }
  return escaped;
}

/**
 * The canonical form of `node` (the apex or an element inside it) in the view. `rendered` holds,
 * for exclusive c14n, the declarations output ancestors wrote; for inclusive c14n, what was in
 * scope at the parent (which, with the whole subtree in the output, the parent wrote or inherited).
 */
export function canonicalize(node: Element, options: CanonicalizeOptions): string {
  const out: string[] = [];
  const { exclusive, withComments } = options.method;
  const inclusivePrefixes = (options.method.inclusivePrefixes ?? []).map((p) => (p === "#default" ? "" : p));
  const write = (element: Element, inScopeAtParent: Bindings, rendered: Bindings, inherited: Attr[] = []) => {
    const { name, prefix, namespace } = viewName(element, options);
    const inScope = withDeclarations(inScopeAtParent, declarationsIn(element, options));
    const attributes = [...viewAttributes(element), ...inherited];
    const candidates: [string, string][] = [];
    if (exclusive) {
      const utilized = new Map<string, string>([[prefix, namespace]]);
      for (const a of attributes) if (a.prefix && a.namespaceURI) utilized.set(a.prefix, a.namespaceURI);
      for (const p of inclusivePrefixes) {
        const uri = inScope.get(p);
        if (uri !== undefined) utilized.set(p, uri);
      }
      candidates.push(...utilized);
    } else {
      candidates.push(...inScope);
    }
    const toRender = candidates
      .filter(([p, uri]) => p !== "xml" && (p === "" ? (rendered.get("") ?? "") !== uri : rendered.get(p) !== uri))
      .sort(byPrefix);
    const renderedHere = exclusive ? withDeclarations(rendered, toRender) : inScope;
    out.push(`<${name}`);
    for (const [p, uri] of toRender) out.push(p ? ` xmlns:${p}="${escapeAttribute(uri)}"` : ` xmlns="${escapeAttribute(uri)}"`);
    for (const a of attributes.sort(attributeOrder)) {
      const attributeName = a.prefix && a.namespaceURI ? `${a.prefix}:${a.localName}` : (a.localName ?? a.name);
      out.push(` ${attributeName}="${escapeAttribute(a.value)}"`);
    }
    out.push(">");
    for (let n = element.firstChild; n; n = n.nextSibling) {
      if (isElement(n)) {
        if (n !== options.omit) write(n, inScope, renderedHere);
      } else if (n.nodeType === TEXT_NODE || n.nodeType === CDATA_SECTION_NODE) out.push(escapedText(n));
      else if (n.nodeType === PROCESSING_INSTRUCTION_NODE) {
        const data = n.nodeValue ?? "";
        out.push(`<?${n.nodeName}${data ? ` ${data}` : ""}?>`);
      } else if (n.nodeType === COMMENT_NODE && withComments && options.view.kind === "as-sent") out.push(`<!--${n.nodeValue ?? ""}-->`);
    }
    out.push(`</${name}>`);
  };
  write(node, inScopeAbove(node, options), new Map(), exclusive ? [] : inheritedXmlAttributes(node, options.apex));
  return out.join("");
}

/**
 * Inclusive c14n gives the root of a part of a document the xml:lang, xml:space… of its nearest
 * ancestors that have them (Canonical XML 1.0 §2.4), here the ancestors up to the signed element:
 * the document a Reference to it digests.
 */
function inheritedXmlAttributes(node: Element, apex: Element): Attr[] {
  const found = new Map<string, Attr>();
  for (const a of viewAttributes(node)) if (a.namespaceURI === NS.xml) found.set(a.localName ?? a.name, a);
  const inherited: Attr[] = [];
  for (let n: Node | null = node === apex ? null : node.parentNode; n && isElement(n); n = n === apex ? null : n.parentNode) {
    for (const a of viewAttributes(n)) {
      const key = a.localName ?? a.name;
      if (a.namespaceURI === NS.xml && !found.has(key)) {
        found.set(key, a);
        inherited.push(a);
      }
    }
  }
  return inherited;
}
