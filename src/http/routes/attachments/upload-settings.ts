import fastifyMultipart, { type MultipartFile } from "@fastify/multipart";
import type { FastifyInstance } from "fastify";
import { clamdScanner, parseClamdAddress } from "../../../attachments/clamd-scanner.ts";
import { checkZipOnWorker } from "../../../attachments/zip-check-runner.ts";
import type { Config } from "../../../config.ts";
import { attachmentFiles } from "../../../db/attachment-files.ts";
import type { PdfRefusal } from "../../../domain/attachments/attachment-type.ts";
import type { UploadSettings } from "../../../domain/attachments/attachments.ts";
import { DomainError } from "../../../domain/shared/domain-error.ts";
import { MAX_ATTACHMENT_PDF_PAGES } from "../../../exports/attachment-pdf-limits.ts";
import { type PdfAttachmentWorker, pdfAttachmentWorker } from "../../../exports/pdf-attachments-runner.ts";
import type { UploadTerms } from "../../../ui/pages/attachments/attachment-parts.tsx";

/** How this installation takes attachments, from ATTACHMENT_MAX_BYTES, ATTACHMENT_DIR and CLAMD_SOCKET. */
export function uploadSettings(config: Config): UploadSettings {
  const address = config.CLAMD_SOCKET ? parseClamdAddress(config.CLAMD_SOCKET) : null;
  return {
    maxBytes: config.ATTACHMENT_MAX_BYTES,
    scanner: address ? clamdScanner(address) : null,
    files: config.ATTACHMENT_DIR ? attachmentFiles(config.ATTACHMENT_DIR) : null,
    measureZip: checkZipOnWorker,
    checkPdf: checkPdfOnWorker,
  };
}

/**
 * An uploaded PDF read on the PDF worker (exports/pdf-attachments-runner.ts), as the decision package
 * will read it: one that does not open, or has more pages than the limit, is refused. An encrypted
 * one is taken: it is a real PDF, and the package lists it as encrypted. When the worker is busy
 * with as many PDFs as it reads at once, the refusal (429, retry after a second) is on the file
 * field, so the page shows why beside it.
 */
export async function checkPdfOnWorker(bytes: Uint8Array): Promise<PdfRefusal | null> {
  let read: Awaited<ReturnType<PdfAttachmentWorker["read"]>>;
  try {
    read = await pdfAttachmentWorker().read(bytes);
  } catch (error) {
    if (!(error instanceof DomainError) || error.code !== "TOO_MANY_VALIDATIONS") throw error;
    throw new DomainError(error.code, error.message, {
      ...error.details,
      fields: [{ path: ["file"], code: "pdf_busy", message: error.message }],
    });
  }
  if (read === "unreadable") return { code: "pdf_unreadable", detail: "the PDF cannot be opened (damaged, or too costly to read)" };
  if (read === "too_many_pages") return { code: "pdf_too_many_pages", detail: `more than ${MAX_ATTACHMENT_PDF_PAGES} pages` };
  return null;
}

/** The directory attachments are stored in (ATTACHMENT_DIR), for those who read them: null when they are in the database. */
export const storedAttachmentFiles = (config: Config) => (config.ATTACHMENT_DIR ? attachmentFiles(config.ATTACHMENT_DIR) : null);

export const uploadTerms = (settings: UploadSettings): UploadTerms => ({ maxBytes: settings.maxBytes, scanned: settings.scanner !== null });

/**
 * Registers the routes that take an attachment in a context of their own with @fastify/multipart,
 * so no other route takes multipart. One file, read to at most the limit plus one byte: a larger
 * one is cut there and refused (413), never buffered whole.
 */
export function withAttachmentUploads(
  app: FastifyInstance,
  settings: UploadSettings,
  options: { attachFieldsToBody: boolean },
  routes: (scoped: FastifyInstance) => void,
) {
  app.register(async (scoped) => {
    await scoped.register(fastifyMultipart, {
      limits: { fileSize: settings.maxBytes, files: 1, fields: 4, fieldSize: 1024, parts: 6 },
      // The name as sent, so a name with a path is refused rather than quietly cut to its last part.
      preservePath: true,
      ...(options.attachFieldsToBody
        ? {
            attachFieldsToBody: "keyValues" as const,
            throwFileSizeLimit: false,
            onFile: async (part: MultipartFile) => {
              const data = await part.toBuffer();
              (part as unknown as { value: PageUpload }).value = { filename: part.filename, data, truncated: part.file.truncated };
            },
          }
        : {}),
    });
    routes(scoped);
  });
}

/** What a page's multipart form leaves in the body for its file field. */
export type PageUpload = { filename: string; data: Buffer; truncated: boolean };
