import { z } from "zod";
import { decodeBase64 } from "../../../sandbox/checks/values.ts";

/**
 * A delivered message's content as a recipient's mailbox would hand it out, made safe to serve
 * from Ansluta's own origin. Pure: the route adds the headers that keep the content inert.
 */

const StoredAttachment = z.object({
  filename: z.string().catch(""),
  contentType: z.string().catch(""),
  checksum: z.string().catch(""),
  base64: z.string().catch(""),
});
export type StoredAttachment = z.infer<typeof StoredAttachment>;

/** sandbox_messages.attachments as written by the emulator's recorder; anything else reads as no attachments. */
export function storedAttachments(value: unknown): StoredAttachment[] {
  const parsed = z.array(StoredAttachment).safeParse(value);
  return parsed.success ? parsed.data : [];
}

/** The content as sent; base64 that does not decode (a failed check) gives nothing rather than garbage. */
export const decodedContent = (base64: string | null): Buffer => (base64 ? decodeBase64(base64) : null) ?? Buffer.alloc(0);

/** A PDF by what it is, not by what the sender called it: served as one only when it starts like one. */
export const isPdfContent = (bytes: Buffer) => bytes.subarray(0, 5).toString("latin1") === "%PDF-";

export const mediaTypeOf = (contentType: string | null) => (contentType ?? "").split(";")[0]?.trim().toLowerCase() ?? "";

/**
 * The body to put in the frame: HTML as sent (the route's CSP sandboxes it and forbids every
 * fetch), anything else as text in a minimal document, escaped, so markup in a text/plain body
 * shows as the characters the recipient would see.
 */
export function bodyDocument(bodyContentType: string | null, bytes: Buffer, title: string): Buffer {
  if (mediaTypeOf(bodyContentType) === "text/html") return bytes;
  const text = escapeHtml(bytes.toString("utf8"));
  return Buffer.from(
    `<!doctype html><html lang="sv"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title><style>body{font-family:sans-serif;margin:1rem}pre{white-space:pre-wrap;font-family:inherit}</style></head><body><pre>${text}</pre></body></html>`,
    "utf8",
  );
}

const escapeHtml = (value: string) =>
  value.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] ?? c);

/**
 * The sender's Filename made harmless as a download name: no directories, no control or quoting
 * characters, at most 120 characters; a name with nothing left becomes bilaga-N.
 */
export function safeFilename(name: string, index: number): string {
  const base = name.split(/[/\\]/).pop() ?? "";
  const cleaned = base
    .replace(/[\p{Cc}\p{Cf}"*:<>?|;]/gu, "")
    .replace(/\s+/g, " ")
    .trim()
    .replace(/^\.+/, "");
  const limited = Array.from(cleaned).slice(0, 120).join("").trim();
  return limited || `bilaga-${index + 1}`;
}

/** Content-Disposition for a download: an ASCII name for every client, the real one (å, ä, ö) in RFC 6266's filename*. */
export function attachmentDisposition(filename: string): string {
  const ascii = filename
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .replace(/[^\x20-\x7e]/g, "_")
    .replace(/["\\]/g, "_");
  const encoded = encodeURIComponent(filename).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
