/**
 * A conformance check's result: a stable id (reports and tests refer to it), pass/fail/warn, and
 * the reason in English. The ids are the contract of this module; add new ones, never rename.
 */

export const CHECK_IDS = [
  "xml.size-limit",
  "xml.no-dtd",
  "xml.depth-limit",
  "xml.element-limit",
  "xml.well-formed",
  "envelope.soap11",
  "envelope.must-understand",
  "envelope.operation",
  "delivery.schema",
  "delivery.single-recipient",
  "delivery.sender.id",
  "delivery.sender.name",
  "delivery.recipient.id",
  "delivery.message.id",
  "delivery.message.subject",
  "delivery.message.supportinfo",
  "delivery.message.language",
  "delivery.message.options",
  "delivery.message.official-matter",
  "delivery.body.content-type",
  "delivery.body.base64",
  "delivery.body.html.well-formed",
  "delivery.body.html.no-external-resources",
  "delivery.body.html.no-scripts",
  "delivery.attachment.filename",
  "delivery.attachment.content-type",
  "delivery.attachment.base64",
  "delivery.attachment.pdf-magic",
  "delivery.attachment.checksum",
  "delivery.size.max-2mb",
  "signature.sender",
  "signature.sender.algorithms",
  "signature.sender.certificate",
  "signature.sender.strict",
  "signature.intermediary",
  "signature.intermediary.algorithms",
  "signature.intermediary.certificate",
  "signature.intermediary.strict",
  "seal.present",
  "seal.signatures-ok",
  "seal.received-time",
  // Checks that need what the emulator has seen (see emulator-checks.ts); never in validateSubmission.
  "delivery.reachable-checked",
  "delivery.service-address",
  "sender.registered",
  "sender.client-certificate",
  "signature.intermediary.client-certificate",
  "delivery.message.id-unique",
  "envelope.content-type",
] as const;

export type CheckId = (typeof CHECK_IDS)[number];
export type CheckStatus = "pass" | "fail" | "warn";
export type Check = { id: CheckId; status: CheckStatus; message: string };

export const pass = (id: CheckId, message: string): Check => ({ id, status: "pass", message });
export const fail = (id: CheckId, message: string): Check => ({ id, status: "fail", message });
export const warn = (id: CheckId, message: string): Check => ({ id, status: "warn", message });

const RANK: Record<CheckStatus, number> = { pass: 0, warn: 1, fail: 2 };

/** One check over several items (messages, attachments): the worst status, the reasons joined. */
export function combine(id: CheckId, results: { status: CheckStatus; message: string }[], allGood: string): Check {
  const bad = results.filter((r) => r.status !== "pass");
  if (bad.length === 0) return pass(id, allGood);
  const status = bad.reduce<CheckStatus>((worst, r) => (RANK[r.status] > RANK[worst] ? r.status : worst), "pass");
  return { id, status, message: bad.map((r) => r.message).join("; ") };
}

/** Keeps a report readable when a document repeats the same mistake many times. */
export function listSome(items: string[], max = 5): string {
  return items.length <= max ? items.join("; ") : `${items.slice(0, max).join("; ")}; and ${items.length - max} more`;
}
