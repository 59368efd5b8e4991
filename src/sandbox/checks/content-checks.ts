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

/**
 * Five checks look at each attachment's decoded bytes and four at each body's. Attachments are
 * most of a delivery, so decoding each once rather than once per check saves most of the content
 * checks' time. The bytes are shared: a check must not change them.
 */
const decoded = new WeakMap<object, Buffer | null>();
function decodedOnce(owner: object, base64: string | undefined): Buffer | null {
  if (base64 === undefined) return null;
  let bytes = decoded.get(owner);
  if (bytes === undefined) {
    bytes = decodeBase64(base64);
    decoded.set(owner, bytes);
  }
  return bytes;
}

const decodedBody = (m: MessageView) => (m.body ? decodedOnce(m.body, m.body.base64) : null);

const isPdf = (bytes: Buffer) => bytes.subarray(0, 1024).includes("%PDF-");

/**
 * The content inside, when `bytes` are themselves base64 text: content encoded twice, which at
 * least one public test set and one independent client send. One rule wherever it appears (body or
 * attachment): a failure, since the recipient would see the encoded text or an unreadable file.
 */
export function decodedTwice(bytes: Buffer): Buffer | null {
  if (bytes.length < 16 || bytes.length > MAX_DELIVERY_BYTES * 2) return null;
  // Encoders wrap base64 at line ends, never with spaces: a sentence of plain words is not base64.
  const text = bytes.toString("latin1");
  if (!/^[A-Za-z0-9+/=\r\n]+$/.test(text)) return null;
  const inner = decodeBase64(text);
  if (!inner || inner.length === 0) return null;
  // What was encoded is a document or text; random letters that happen to decode give neither.
  return isPdf(inner) || isReadableText(inner) ? inner : null;
}

const isReadableText = (bytes: Buffer) => {
  // A cut through a multi-byte character at the end of the sample is not a sign of binary.
  const text = new TextDecoder("utf-8", { fatal: false }).decode(bytes.subarray(0, 4096)).replace(/\uFFFD$/, "");
  return !text.includes("\uFFFD") && /^[\t\n\r\u0020-\u007E\u00A0-\uFFFF]*$/.test(text);
};

const TWICE = "it looks base64-encoded twice: the recipient would see the encoded text";

export function bodyBase64(d: DeliveryView): Check {
  const findings = d.messages.map((m): Finding => {
    if (m.body?.base64 === undefined) return { status: "fail", message: `${at(d, m)}no msg:Body in the body` };
    const bytes = decodedBody(m);
    if (!bytes) return { status: "fail", message: `${at(d, m)}msg:Body is not valid base64` };
    if (bytes.length === 0) return { status: "fail", message: `${at(d, m)}the message body is empty` };
    if (decodedTwice(bytes)) return { status: "fail", message: `${at(d, m)}the body decodes to more base64: ${TWICE}` };
    const text = new TextDecoder("utf-8", { fatal: false }).decode(bytes);
    if (text.includes("\uFFFD")) return { status: "warn", message: `${at(d, m)}the decoded body is not valid UTF-8` };
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
    const f = judge(a, decodedOnce(a, a.base64));
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
      if (bytes.length === 0) return { status: "fail", message: "the attachment is empty" };
      return decodedTwice(bytes)
        ? {
            status: "fail",
            message: "Body decodes to more base64: it looks base64-encoded twice, so the recipient would get an unreadable file",
          }
        : ok;
    },
    "attachment bodies decode from base64",
  );

export const attachmentPdfMagic = (d: DeliveryView) =>
  attachmentCheck(
    d,
    "delivery.attachment.pdf-magic",
    (a, bytes) => {
      if (!bytes || bytes.length === 0) return { status: "fail", message: "no content to inspect" };
      const claimsPdf = mediaType(a.contentType ?? "") === "application/pdf";
      if (claimsPdf && !isPdf(bytes)) {
        const inner = decodedTwice(bytes);
        return {
          status: "fail",
          message:
            inner && isPdf(inner)
              ? "declared application/pdf but the content is base64 text of a PDF: it looks base64-encoded twice"
              : "declared application/pdf but the content does not start like a PDF (%PDF-)",
        };
      }
      if (!claimsPdf && isPdf(bytes))
        return { status: "warn", message: "the content is a PDF but ContentType does not say application/pdf" };
      return ok;
    },
    "PDF attachments are PDFs by content",
  );

/** The algorithms a Checksum has been seen in: MD5 hex (Sundsvall, the default), and others a sender might choose. */
const CHECKSUM_ALGORITHMS = ["md5", "sha1", "sha256", "sha512", "crc32"] as const;
type ChecksumAlgorithm = (typeof CHECKSUM_ALGORITHMS)[number];
const ALGORITHM_NAMES: Record<ChecksumAlgorithm, string> = {
  md5: "MD5",
  sha1: "SHA-1",
  sha256: "SHA-256",
  sha512: "SHA-512",
  crc32: "CRC-32",
};

function matches(checksum: string, algorithm: ChecksumAlgorithm, bytes: Buffer): boolean {
  if (algorithm === "crc32") {
    const crc = crc32(bytes);
    return (/^\d+$/.test(checksum) && Number(checksum) === crc) || checksum.toLowerCase() === crc.toString(16).padStart(8, "0");
  }
  const digest = createHash(algorithm).update(bytes).digest();
  return checksum.toLowerCase() === digest.toString("hex") || checksum === digest.toString("base64");
}

/** Which algorithm, over which decoding of the attachment (the content, or the content inside content encoded twice), the Checksum is. */
function checksumMatch(checksum: string, bytes: Buffer): { algorithm: ChecksumAlgorithm; twice: boolean } | null {
  const c = checksum.trim();
  const inner = decodedTwice(bytes);
  for (const [content, twice] of [[bytes, false], ...(inner ? [[inner, true] as const] : [])] as const) {
    const algorithm = CHECKSUM_ALGORITHMS.find((a) => matches(c, a, content));
    if (algorithm) return { algorithm, twice };
  }
  return null;
}

export const attachmentChecksum = (d: DeliveryView) =>
  attachmentCheck(
    d,
    "delivery.attachment.checksum",
    (a, bytes) => {
      if (a.checksum === undefined || a.checksum.trim() === "") return { status: "fail", message: "no Checksum" };
      if (!bytes) return { status: "fail", message: "no content to check the Checksum against" };
      const match = checksumMatch(a.checksum, bytes);
      const tried = CHECKSUM_ALGORITHMS.map((x) => ALGORITHM_NAMES[x]).join(", ");
      if (!match) {
        return {
          status: "fail",
          message: `Checksum ${quote(a.checksum)} is none of ${tried} (hex, base64 or, for CRC-32, decimal) of the decoded content${
            decodedTwice(bytes) ? " nor of the content decoded twice" : ""
          }`,
        };
      }
      const name = ALGORITHM_NAMES[match.algorithm];
      if (match.twice) {
        return {
          status: "warn",
          message: `Checksum is the ${name} of the content decoded twice: the attachment looks base64-encoded twice (see delivery.attachment.base64); the reference senders use MD5 (hex) of the decoded content`,
        };
      }
      return match.algorithm === "md5"
        ? ok
        : { status: "warn", message: `Checksum is the ${name} of the decoded content; the reference senders use MD5 (hex)` };
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
