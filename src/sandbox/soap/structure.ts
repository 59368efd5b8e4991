import type { Attr, Element } from "@xmldom/xmldom";
import { elementChildren, strayText } from "./dom.ts";
import { NS, qualifiedName } from "./namespaces.ts";

/**
 * The element structure of the contract as data: which element, in which namespace, how often,
 * in which order. `checkStructure` walks a parsed document against it and reports every place it
 * differs, with the path and a readable reason. Values (lengths, patterns) are checked by the
 * named checks in ../checks, which read the same elements.
 */

export type ElementRule = {
  kind: "element";
  namespace: string;
  name: string;
  min: number;
  max: number;
  content: Content;
  /** Attributes the schema declares (all optional in this contract). */
  attributes?: readonly string[];
};
/** xs:any namespace="##other": any element outside `notNamespace`. */
export type WildcardRule = { kind: "any-other"; notNamespace: string; min: number; max: number };
export type Rule = ElementRule | WildcardRule;

export type Content =
  | { kind: "sequence"; rules: readonly Rule[] }
  /** xs:choice between alternatives, each a sequence. */
  | { kind: "choice"; alternatives: readonly (readonly Rule[])[] }
  | { kind: "text" }
  /** Structure checked elsewhere (ds:Signature) or not at all. */
  | { kind: "anything" };

const UNBOUNDED = Number.POSITIVE_INFINITY;

export const el = (namespace: string, name: string, min: number, max: number, content: Content = { kind: "text" }): ElementRule => ({
  kind: "element",
  namespace,
  name,
  min,
  max,
  content,
});
export const seq = (...rules: Rule[]): Content => ({ kind: "sequence", rules });
const withAttributes = (rule: ElementRule, attributes: readonly string[]): ElementRule => ({ ...rule, attributes });

const m3 = NS.message3;
const m2 = NS.message2;
const m1 = NS.message;
const ofm = NS.officialMatter3;

const officialMatterExtension = el(
  m3,
  "OfficialMatterExtension",
  1,
  1,
  seq(
    el(ofm, "Timestamp", 1, 1),
    { kind: "any-other", notNamespace: ofm, min: 0, max: UNBOUNDED },
    el(ofm, "Identity", 0, 1, seq(el(ofm, "EventId", 0, 1), el(ofm, "OfficialMatterId", 0, 1), el(ofm, "PrecedingEventId", 0, 1))),
    el(ofm, "MatterSubject", 0, 1),
    el(ofm, "EventType", 0, 1),
    el(ofm, "MatterStatus", 0, 1),
  ),
);

const messageHeader = seq(
  el(m3, "Id", 1, 1),
  el(m3, "Subject", 1, 1),
  el(m3, "Supportinfo", 1, 1, seq(el(m3, "Text", 1, 1), el(m3, "URL", 0, 1), el(m3, "PhoneNumber", 0, 1), el(m3, "EmailAdress", 0, 1))),
  el(m3, "OfficialMatter", 0, 1, {
    kind: "choice",
    alternatives: [[officialMatterExtension], [{ kind: "any-other", notNamespace: m3, min: 0, max: UNBOUNDED }]],
  }),
  el(m3, "Metadata", 0, UNBOUNDED, seq(el(m1, "Tag", 1, 1), el(m1, "Value", 1, 1))),
  el(m3, "Language", 1, 1),
  el(m3, "Reply", 0, 1),
  el(m3, "ReceiptRequest", 0, 1),
);

const signature = el(NS.ds, "Signature", 1, 1, { kind: "anything" });

/** msg3:SealedDelivery, the type of the inner svc3:deliverSecure (schema/v3/Message.xsd and the types it uses). */
export const SEALED_DELIVERY_CONTENT: Content = seq(
  withAttributes(
    el(
      m3,
      "SignedDelivery",
      1,
      1,
      seq(
        el(
          m3,
          "Delivery",
          1,
          1,
          seq(
            el(
              m3,
              "Header",
              1,
              1,
              seq(
                el(
                  NS.message2,
                  "Sender",
                  1,
                  1,
                  seq(el(NS.sender, "Id", 1, 1), el(NS.sender, "Name", 1, 1), el(NS.sender, "Attention", 0, 1)),
                ),
                el(m2, "Recipient", 1, 1),
                el(m2, "Reference", 0, 1),
                el(m2, "CorrelationId", 0, 1),
                el(m2, "Attention", 0, 1),
              ),
            ),
            el(
              m3,
              "Message",
              1,
              UNBOUNDED,
              seq(
                el(m3, "Header", 1, 1, messageHeader),
                el(m3, "Body", 1, 1, seq(el(m1, "ContentType", 1, 1), el(m1, "Body", 1, 1))),
                el(
                  m3,
                  "Attachment",
                  0,
                  UNBOUNDED,
                  seq(el(m1, "ContentType", 1, 1), el(m1, "Body", 1, 1), el(m1, "Checksum", 1, 1), el(m1, "Filename", 1, 1)),
                ),
              ),
            ),
          ),
        ),
        signature,
      ),
    ),
    ["Id"],
  ),
  el(m3, "Seal", 1, 1, seq(el(m1, "ReceivedTime", 1, 1), el(m1, "SignaturesOK", 1, 1))),
  signature,
);

export type StructureIssue = { path: string; message: string };

const ruleName = (rule: Rule) => (rule.kind === "element" ? qualifiedName(rule.namespace, rule.name) : "an element of another namespace");
const nameOf = (e: Element) => qualifiedName(e.namespaceURI, e.localName ?? e.nodeName);

function matches(rule: Rule, e: Element): boolean {
  if (rule.kind === "any-other") return Boolean(e.namespaceURI) && e.namespaceURI !== rule.notNamespace;
  return e.localName === rule.name && (e.namespaceURI ?? "") === rule.namespace;
}

function checkAttributes(e: Element, allowed: readonly string[], path: string, issues: StructureIssue[]) {
  for (const a of Array.from(e.attributes) as Attr[]) {
    if (a.namespaceURI === NS.xmlns) continue;
    if (!a.namespaceURI && allowed.includes(a.localName ?? a.name)) continue;
    issues.push({ path, message: `attribute ${a.name} is not allowed on ${nameOf(e)}` });
  }
}

function checkElement(e: Element, rule: ElementRule, path: string, issues: StructureIssue[]) {
  checkAttributes(e, rule.attributes ?? [], path, issues);
  checkContent(e, rule.content, path, issues);
}

export function checkContent(parent: Element, content: Content, path: string, issues: StructureIssue[]) {
  if (content.kind === "anything") return;
  const children = elementChildren(parent);
  if (content.kind === "text") {
    if (children[0]) issues.push({ path, message: `${nameOf(parent)} holds a value, not elements, but contains ${nameOf(children[0])}` });
    return;
  }
  if (strayText(parent) !== null) issues.push({ path, message: `text directly inside ${nameOf(parent)}, where only elements belong` });
  if (content.kind === "choice") {
    // The alternative whose first rule the first child matches; an empty element matches whichever allows it.
    const first = children[0];
    const chosen =
      content.alternatives.find((alt) => (first ? alt[0] && matches(alt[0], first) : alt.every((r) => r.min === 0))) ??
      content.alternatives[0] ??
      [];
    checkSequence(children, chosen, path, issues);
    return;
  }
  checkSequence(children, content.rules, path, issues);
}

function checkSequence(children: Element[], rules: readonly Rule[], path: string, issues: StructureIssue[]) {
  let r = 0;
  let count = 0;
  const leave = (upTo: number) => {
    for (; r < upTo; r++, count = 0) {
      const rule = rules[r];
      if (rule && count < rule.min) issues.push({ path, message: `missing ${ruleName(rule)}` });
    }
  };
  for (const child of children) {
    const childPath = `${path}/${child.localName}`;
    let j = rules.findIndex((rule, index) => index >= r && matches(rule, child));
    let wrongNamespace: ElementRule | null = null;
    if (j < 0) {
      // Same local name, other namespace: the most common mistake. Report it once and carry on as
      // if it were right, so its content is still checked and its siblings are not blamed.
      j = rules.findIndex((rule, index) => index >= r && rule.kind === "element" && rule.name === child.localName);
      const rule = rules[j];
      if (rule?.kind === "element") wrongNamespace = rule;
    }
    const rule = rules[j];
    if (j < 0 || !rule) {
      issues.push({
        path: childPath,
        message: `unexpected ${nameOf(child)}${r < rules.length ? `; expected ${ruleName(rules[r] as Rule)}` : ""}`,
      });
      continue;
    }
    if (wrongNamespace) {
      issues.push({
        path: childPath,
        message: `${child.localName} is in namespace ${child.namespaceURI ?? "(none)"}; the contract puts it in ${wrongNamespace.namespace} (${ruleName(wrongNamespace)})`,
      });
    }
    if (j > r) leave(j);
    count++;
    if (count > rule.max)
      issues.push({ path: childPath, message: `${ruleName(rule)} may occur at most ${rule.max} time${rule.max === 1 ? "" : "s"} here` });
    if (rule.kind === "element") checkElement(child, rule, childPath, issues);
  }
  leave(rules.length);
}

/** Walks `root` (already known to be the right element) against the rule for its content. */
export function checkStructure(
  root: Element,
  content: Content,
  rootPath: string,
  allowedAttributes: readonly string[] = [],
): StructureIssue[] {
  const issues: StructureIssue[] = [];
  checkAttributes(root, allowedAttributes, rootPath, issues);
  checkContent(root, content, rootPath, issues);
  return issues;
}
