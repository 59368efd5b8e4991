import type { Widen } from "../messages.ts";
import type { svExports } from "../sv/exports.ts";

export const enExports: Widen<typeof svExports> = {
  exports: {
    heading: "Download",
    intro: "Version {version} as a document, with headings, lists and tables that screen readers can follow.",
    downloadDocx: "Download as Word (DOCX)",
    downloadPdf: "Download as PDF",
    exportedAt: "Exported from Ansluta {date}.",
    fact: "Item",
    value: "Value",
    documentType: "Document type",
    organisation: "Organisation",
    initiative: "Initiative",
    version: "Version",
    status: "Status",
    createdAt: "Created",
    updatedAt: "Last changed",
    approvedAt: "Approved on",
    approvedBy: "Approved by",
    emptySection: "No content yet.",
  },
};
