import type { DocumentModel, Renderer } from "./document-model.ts";

export const exportFormats = ["docx", "pdf"] as const;
export type ExportFormat = (typeof exportFormats)[number];

// The renderers and their libraries (docx; pdfkit with fontkit) load at the first export, not at
// every start: together they take a good part of a second to import.
const formats: Record<ExportFormat, { render: Renderer; contentType: string }> = {
  docx: {
    render: async (model) => (await import("./docx.ts")).renderDocx(model),
    contentType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  },
  pdf: { render: async (model) => (await import("./pdf.ts")).renderPdf(model), contentType: "application/pdf" },
};

/** The media types an export may answer with, for the API description. */
export const EXPORT_CONTENT_TYPES = [formats.docx.contentType, formats.pdf.contentType] as const;

export type ExportFile = { body: Buffer; contentType: string; contentDisposition: string };

/** A document as a file to download, named from its title and its version when it has one. */
export async function exportFile(model: DocumentModel, format: ExportFormat, version?: number): Promise<ExportFile> {
  const { render, contentType } = formats[format];
  const suffix = version === undefined ? "" : `-v${version}`;
  return { body: await render(model), contentType, contentDisposition: downloadDisposition(model.title, format, suffix) };
}

/** A file's render function and media type, for producers that add to the rendered file (a decision package's attachments). */
export const exportFormat = (format: ExportFormat) => formats[format];

/** Content-Disposition for a download named after `title` (a suffix such as "-v2" kept whole however long the title). */
export function downloadDisposition(title: string, format: ExportFormat | "csv" | "xlsx", suffix = ""): string {
  // The ASCII name for every client; the real title (å, ä, ö) for those that read RFC 6266's filename*.
  const full = `${title}${suffix}.${format}`;
  return `attachment; filename="${fileBaseName(title)}${suffix}.${format}"; filename*=UTF-8''${encodeRFC5987(full)}`;
}

/** A title as a safe ASCII file name: letters without their accents, anything else a single dash. */
export function fileBaseName(title: string): string {
  const ascii = title
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .replace(/[^A-Za-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 80)
    .replace(/-+$/, "");
  return ascii || "dokument";
}

const encodeRFC5987 = (value: string) =>
  encodeURIComponent(value).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
