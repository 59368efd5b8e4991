import type { Element, Node } from "@xmldom/xmldom";

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;
const CDATA_SECTION_NODE = 4;

export const isElement = (node: Node | null | undefined): node is Element => node?.nodeType === ELEMENT_NODE;

export function elementChildren(parent: Element): Element[] {
  const out: Element[] = [];
  for (let n = parent.firstChild; n; n = n.nextSibling) if (isElement(n)) out.push(n);
  return out;
}

/** Text directly inside an element that is not whitespace (element-only content must have none). */
export function strayText(parent: Element): string | null {
  for (let n = parent.firstChild; n; n = n.nextSibling) {
    if ((n.nodeType === TEXT_NODE || n.nodeType === CDATA_SECTION_NODE) && (n.nodeValue ?? "").trim() !== "") return n.nodeValue ?? "";
  }
  return null;
}

/**
 * The first child with this local name, whatever its namespace. Readers use this on purpose: a
 * delivery with a wrong namespace is reported once, by the schema check, instead of making every
 * value check say "missing".
 */
export const childNamed = (parent: Element | null | undefined, localName: string): Element | null =>
  parent ? (elementChildren(parent).find((e) => e.localName === localName) ?? null) : null;

export const childrenNamed = (parent: Element | null | undefined, localName: string): Element[] =>
  parent ? elementChildren(parent).filter((e) => e.localName === localName) : [];

export const textOf = (element: Element | null | undefined): string | undefined => (element ? (element.textContent ?? "") : undefined);

export const is = (element: Element | null | undefined, namespace: string, localName: string) =>
  Boolean(element && element.namespaceURI === namespace && element.localName === localName);
