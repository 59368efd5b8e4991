import { createHash } from "node:crypto";
import { crc32 } from "node:zlib";
import type { AttachmentView, DeliveryView, MessageView } from "../soap/delivery.ts";
import { type Check, type CheckStatus, combine, fail, pass } from "./check.ts";
import { type HtmlFinding, inspectHtml } from "./html-rules.ts";
import { decodeBase64, quote } from "./values.ts";

/** What the recipient will see: body type and encoding, the HTML rules, attachments, and the 2 MB limit. */

type Finding = { status: CheckStatus; message: string };
const ok: Finding = { status: "pass", message: "" };
const at = (d: DeliveryView, m: MessageView) => (d.messages.length > 1 ? `Message ${m.index + 1}: ` : "");
const attachmentLabel = (d: DeliveryView, m: MessageView, a: AttachmentView) =>
  `${at(d, m)}attachment ${a.index + 1}${a.filename ? ` (${quote(a.filename, 40)})` : ""}`;

/** `text/html; charset=UTF-8` → `text/html`. */
const mediaType = (contentType: string) => contentType.split(";")[0]?.trim().toLowerCase() ?? "";

export function bodyContentType(d: DeliveryView): Check {
  const findings = d.messages.map((m): Finding => {
    const type = m.body?.contentType;
    if (type === undefined) return { status: "fail", message: `${at(d, m)}no msg:ContentType in the body` };
    const media = mediaType(type);
    if (media !== "text/plain" && media !== "text/html") {
      return { status: "fail", message: `${at(d, m)}body ContentType ${quote(type)}: only text/plain or text/html are allowed` };
    }
    if (type.trim() !== media)
      return {
        status: "warn",
        message: `${at(d, m)}body ContentType ${quote(type)} has parameters or odd case; senders send exactly ${media}`,
      };
    return ok;
  });
  return combine("delivery.body.content-type", findings, "body ContentType text/plain or text/html");
}

const decodedBody = (m: MessageView) => (m.body?.base64 === undefined ? null : decodeBase64(m.body.base64));

export function bodyBase64(d: DeliveryView): Check {
  const findings = d.messages.map((m): Finding => {
    if (m.body?.base64 === undefined) return { status: "fail", message: `${at(d, m)}no msg:Body in the body` };
    const bytes = decodeBase64(m.body.base64);
    if (!bytes) return { status: "fail", message: `${at(d, m)}msg:Body is not valid base64` };
    if (bytes.length === 0) return { status: "fail", message: `${at(d, m)}the message body is empty` };
    const text = new TextDecoder("utf-8", { fatal: false }).decode(bytes);
    if (text.includes("\uFFFD")) return { status: "warn", message: `${at(d, m)}the decoded body is not valid UTF-8` };
    // A body that decodes to more base64 was encoded twice, as at least one public test set does.
    const again = /^[A-Za-z0-9+/=\s]{16,}$/.test(text) ? decodeBase64(text) : null;
    if (again && /^[\t\n\r\u0020-\u007E\u00A0-\u00FF]*$/.test(new TextDecoder().decode(again).slice(0, 200))) {
      return { status: "warn", message: `${at(d, m)}the body seems base64-encoded twice: the recipient would see the encoded text` };
    }
    return ok;
  });
  return combine("delivery.body.base64", findings, "body base64 decodes to non-empty UTF-8 text");
}

function htmlCheck(
  d: DeliveryView,
  id: "delivery.body.html.well-formed" | "delivery.body.html.no-external-resources" | "delivery.body.html.no-scripts",
  pick: (r: ReturnType<typeof inspectHtml>) => HtmlFinding[],
  good: string,
): Check {
  const html = d.messages.filter((m) => mediaType(m.body?.contentType ?? "") === "text/html");
  if (html.length === 0) return pass(id, "no text/html body");
  const findings = html.flatMap((m): Finding[] => {
    const bytes = decodedBody(m);
    if (!bytes) return [];
    return pick(inspectHtml(bytes.toString("utf8"))).map((f) => ({ status: f.level, message: `${at(d, m)}${f.message}` }));
  });
  return combine(id, findings, good);
}

export const htmlWellFormed = (d: DeliveryView) =>
  htmlCheck(d, "delivery.body.html.well-formed", (r) => r.wellFormed, "HTML body well-formed: every element closed with a named end tag");
export const htmlNoExternalResources = (d: DeliveryView) =>
  htmlCheck(d, "delivery.body.html.no-external-resources", (r) => r.externalResources, "HTML body fetches nothing from elsewhere");
export const htmlNoScripts = (d: DeliveryView) =>
  htmlCheck(d, "delivery.body.html.no-scripts", (r) => r.scripts, "HTML body has no scripts, event handlers or script URLs");

const attachments = (d: DeliveryView) => d.messages.flatMap((m) => m.attachments.map((a) => ({ m, a })));

function attachmentCheck(
  d: DeliveryView,
  id:
    | "delivery.attachment.filename"
    | "delivery.attachment.content-type"
    | "delivery.attachment.base64"
    | "delivery.attachment.pdf-magic"
    | "delivery.attachment.checksum",
  judge: (a: AttachmentView, bytes: Buffer | null) => Finding,
  good: string,
): Check {
  const all = attachments(d);
  if (all.length === 0) return pass(id, "no attachments");
  const findings = all.map(({ m, a }) => {
    const bytes = a.base64 === undefined ? null : decodeBase64(a.base64);
    const f = judge(a, bytes);
    return f.status === "pass" ? f : { ...f, message: `${attachmentLabel(d, m, a)}: ${f.message}` };
  });
  return combine(id, findings, good);
}

export const attachmentFilename = (d: DeliveryView) =>
  attachmentCheck(
    d,
    "delivery.attachment.filename",
    (a) => {
      if (a.filename === undefined || a.filename.trim() === "") return { status: "fail", message: "no Filename" };
      if (/[/\\]/.test(a.filename)) return { status: "warn", message: "Filename contains a path separator" };
      if (mediaType(a.contentType ?? "") === "application/pdf" && !/\.pdf$/i.test(a.filename))
        return { status: "warn", message: "a PDF whose Filename does not end in .pdf" };
      return ok;
    },
    "every attachment has a file name",
  );

export const attachmentContentType = (d: DeliveryView) =>
  attachmentCheck(
    d,
    "delivery.attachment.content-type",
    (a) => {
      if (a.contentType === undefined) return { status: "fail", message: "no ContentType" };
      return mediaType(a.contentType) === "application/pdf"
        ? ok
        : { status: "warn", message: `ContentType ${quote(a.contentType)}: in practice mailboxes take PDF attachments only` };
    },
    "attachments are application/pdf",
  );

export const attachmentBase64 = (d: DeliveryView) =>
  attachmentCheck(
    d,
    "delivery.attachment.base64",
    (a, bytes) => {
      if (a.base64 === undefined) return { status: "fail", message: "no Body" };
      if (!bytes) return { status: "fail", message: "Body is not valid base64" };
      return bytes.length === 0 ? { status: "fail", message: "the attachment is empty" } : ok;
    },
    "attachment bodies decode from base64",
  );

const isPdf = (bytes: Buffer) => bytes.subarray(0, 1024).includes("%PDF-");

export const attachmentPdfMagic = (d: DeliveryView) =>
  attachmentCheck(
    d,
    "delivery.attachment.pdf-magic",
    (a, bytes) => {
      if (!bytes || bytes.length === 0) return { status: "fail", message: "no content to inspect" };
      const claimsPdf = mediaType(a.contentType ?? "") === "application/pdf";
      if (claimsPdf && !isPdf(bytes))
        return { status: "fail", message: "declared application/pdf but the content does not start like a PDF (%PDF-)" };
      if (!claimsPdf && isPdf(bytes))
        return { status: "warn", message: "the content is a PDF but ContentType does not say application/pdf" };
      return ok;
    },
    "PDF attachments are PDFs by content",
  );

/** The algorithms a Checksum has been seen in: MD5 hex (Sundsvall, the default), and others a sender might choose. */
function checksumAlgorithm(checksum: string, bytes: Buffer): string | null {
  const c = checksum.trim();
  for (const algorithm of ["md5", "sha1", "sha256", "sha512"]) {
    const digest = createHash(algorithm).update(bytes).digest();
    if (c.toLowerCase() === digest.toString("hex") || c === digest.toString("base64")) return algorithm;
  }
  if (/^\d+$/.test(c) && Number(c) === crc32(bytes)) return "crc32";
  return null;
}

export const attachmentChecksum = (d: DeliveryView) =>
  attachmentCheck(
    d,
    "delivery.attachment.checksum",
    (a, bytes) => {
      if (a.checksum === undefined || a.checksum.trim() === "") return { status: "fail", message: "no Checksum" };
      if (!bytes) return { status: "fail", message: "no content to check the Checksum against" };
      const algorithm = checksumAlgorithm(a.checksum, bytes);
      if (!algorithm)
        return { status: "fail", message: `Checksum ${quote(a.checksum)} matches neither MD5 nor SHA-1/256/512 nor CRC-32 of the content` };
      return algorithm === "md5"
        ? ok
        : { status: "warn", message: `Checksum is ${algorithm.toUpperCase()}; the reference senders use MD5 (hex)` };
    },
    "every Checksum is the MD5 of its attachment",
  );

/** The whole request as received, as Sundsvall measures it before sending: 2 MB including attachments. */
export const MAX_DELIVERY_BYTES = 2 * 1024 * 1024;

export function sizeLimit(bytes: number): Check {
  return bytes <= MAX_DELIVERY_BYTES
    ? pass("delivery.size.max-2mb", `${bytes} bytes, within 2 MB (${MAX_DELIVERY_BYTES} bytes) including attachments`)
    : fail(
        "delivery.size.max-2mb",
        `${bytes} bytes is over the 2 MB limit (${MAX_DELIVERY_BYTES} bytes) for a message including attachments`,
      );
}

export const CONTENT_CHECKS: readonly ((d: DeliveryView) => Check)[] = [
  bodyContentType,
  bodyBase64,
  htmlWellFormed,
  htmlNoExternalResources,
  htmlNoScripts,
  attachmentFilename,
  attachmentContentType,
  attachmentBase64,
  attachmentPdfMagic,
  attachmentChecksum,
];
