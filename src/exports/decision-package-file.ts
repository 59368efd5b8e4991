import type { AttachmentFate, PackageAttachment } from "./decision-package.ts";
import type { DocumentModel } from "./document-model.ts";
import { downloadDisposition, type ExportFile, type ExportFormat, exportFormat } from "./export-file.ts";
import { type PdfAttachmentWorker, pdfAttachmentWorker } from "./pdf-attachments-runner.ts";

type Listed = Omit<PackageAttachment, "bytes"> & { fate: AttachmentFate };

/** The attachments as the package lists them (without their bytes), and the PDFs among them to append, in the same order. */
export type PreparedAttachments = {
  listed: Listed[];
  appendable: { bookmark: string; bytes: Uint8Array }[];
};

/**
 * Reads every attachment that is a PDF before a PDF package is written, so the package can say of
 * each whether it is appended and, if not, why: an encrypted, damaged or too costly file is listed
 * with a note, never a failed package. pdf-lib reads them on a worker thread (pdf-attachments-runner.ts).
 * A DOCX appends no file, so it reads none: it only lists them. The type is what the attachments
 * branch decided from the content, not the name.
 */
export async function prepareAttachments(
  attachments: readonly PackageAttachment[],
  bookmark: (filename: string) => string,
  { format, pdf = pdfAttachmentWorker() }: { format: ExportFormat; pdf?: PdfAttachmentWorker },
): Promise<PreparedAttachments> {
  const prepared: PreparedAttachments = { listed: [], appendable: [] };
  for (const { bytes, ...attachment } of attachments) {
    if (attachment.contentType !== "application/pdf") {
      prepared.listed.push({ ...attachment, fate: "not_pdf" });
      continue;
    }
    if (format !== "pdf") {
      prepared.listed.push({ ...attachment, fate: "listed_only" });
      continue;
    }
    const read = await pdf.read(bytes);
    const fate = read === "readable" ? "appended" : read === "encrypted" ? "encrypted" : "unreadable";
    prepared.listed.push({ ...attachment, fate });
    if (fate === "appended") prepared.appendable.push({ bookmark: bookmark(attachment.filename), bytes });
  }
  return prepared;
}

/**
 * The package as a file: the DOCX as it is, the PDF with the readable attachment PDFs after its own
 * pages. `model` draws the package from the attachments as listed; should appending fail on its worker
 * after all, the package is drawn again with those attachments listed as damaged and none appended.
 */
export async function decisionPackageFile(
  model: (listed: Listed[]) => DocumentModel | Promise<DocumentModel>,
  format: ExportFormat,
  fileTitle: string,
  prepared: PreparedAttachments,
  { pdf = pdfAttachmentWorker() }: { pdf?: PdfAttachmentWorker } = {},
): Promise<ExportFile> {
  const { render, contentType } = exportFormat(format);
  const file = (body: Uint8Array): ExportFile => ({
    body: Buffer.from(body.buffer, body.byteOffset, body.byteLength),
    contentType,
    contentDisposition: downloadDisposition(fileTitle, format),
  });
  const rendered = await render(await model(prepared.listed));
  if (format !== "pdf" || prepared.appendable.length === 0) return file(rendered);
  const appended = await pdf.append(rendered, prepared.appendable);
  if (appended) return file(appended);
  const damaged = prepared.listed.map((a) => (a.fate === "appended" ? { ...a, fate: "unreadable" as const } : a));
  return file(await render(await model(damaged)));
}
