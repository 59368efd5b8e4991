/*
 * The limits on attachment PDFs, apart from pdf-lib (pdf-attachments.ts), which only the PDF worker
 * thread loads: the upload check and the runner need these without importing the library.
 */

/**
 * The most pages an attachment PDF may have: a signed agreement or minutes has tens, and every page
 * appended costs the package's reader memory and time. A longer file is refused at upload.
 */
export const MAX_ATTACHMENT_PDF_PAGES = 2000;

/** Why an attachment PDF cannot be appended. */
export type UnreadablePdf = "encrypted" | "unreadable" | "too_many_pages";
