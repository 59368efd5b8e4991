import type { FastifyReply } from "fastify";
import type { AttachmentView } from "../../../domain/attachments/attachments.ts";

const rfc5987 = (value: string) => encodeURIComponent(value).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/** An ASCII stand-in for clients that do not read filename*: accents dropped, anything else outside a safe set an underscore. */
export function asciiFilename(filename: string): string {
  const ascii = filename
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .replace(/[^A-Za-z0-9._ -]/g, "_")
    .trim();
  return ascii.replace(/^\.+/, "") || "bilaga";
}

/** RFC 6266: always a download, with the real name (å, ä, ö) in filename* for the clients that read it. */
export const attachmentDisposition = (filename: string) =>
  `attachment; filename="${asciiFilename(filename)}"; filename*=UTF-8''${rfc5987(filename)}`;

/**
 * Sends an attachment as a download only: its real type, Content-Disposition: attachment, nosniff
 * so no browser second-guesses the type, and a CSP sandbox in case one opens it anyway.
 */
export function sendAttachment(reply: FastifyReply, attachment: AttachmentView, bytes: Uint8Array): FastifyReply {
  return reply
    .type(attachment.contentType)
    .header("content-disposition", attachmentDisposition(attachment.filename))
    .header("x-content-type-options", "nosniff")
    .header("content-security-policy", "sandbox; default-src 'none'")
    .header("cache-control", "private, no-store")
    .send(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
}
