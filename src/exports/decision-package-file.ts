import type { AttachmentFate, PackageAttachment } from "./decision-package.ts";
import type { DocumentModel } from "./document-model.ts";
import { downloadDisposition, type ExportFile, type ExportFormat, exportFormat } from "./export-file.ts";
import { type AttachmentPdf, appendPdfs, readAttachmentPdf } from "./pdf-attachments.ts";

/** The attachments as the package lists them (without their bytes), and the PDFs among them ready to append, in the same order. */
export type PreparedAttachments = {
  listed: (Omit<PackageAttachment, "bytes"> & { fate: AttachmentFate })[];
  appendable: { bookmark: string; pdf: Extract<AttachmentPdf, { readable: true }>["pdf"] }[];
};

/**
 * Reads every attachment that is a PDF before the package is written, so the package can say of each
 * whether it is appended and, if not, why: an encrypted or damaged file is listed with a note, never
 * a failed package. The type is what the attachments branch decided from the content, not the name.
 */
export async function prepareAttachments(
  attachments: readonly PackageAttachment[],
  bookmark: (filename: string) => string,
): Promise<PreparedAttachments> {
  const prepared: PreparedAttachments = { listed: [], appendable: [] };
  for (const { bytes, ...attachment } of attachments) {
    if (attachment.contentType !== "application/pdf") {
      prepared.listed.push({ ...attachment, fate: "not_pdf" });
      continue;
    }
    const read = await readAttachmentPdf(bytes);
    prepared.listed.push({ ...attachment, fate: read.readable ? "appended" : read.reason });
    if (read.readable) prepared.appendable.push({ bookmark: bookmark(attachment.filename), pdf: read.pdf });
  }
  return prepared;
}

/** The package as a file: the DOCX as it is, the PDF with the readable attachment PDFs after its own pages. */
export async function decisionPackageFile(
  model: DocumentModel,
  format: ExportFormat,
  fileTitle: string,
  appendable: PreparedAttachments["appendable"],
): Promise<ExportFile> {
  const { render, contentType } = exportFormat(format);
  const rendered = await render(model);
  const body = format === "pdf" ? await appendPdfs(rendered, appendable) : rendered;
  return { body, contentType, contentDisposition: downloadDisposition(fileTitle, format) };
}
