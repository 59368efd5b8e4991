import { projectModule } from "../project-root.ts";
import { runOnWorker, workerSlots } from "../workers/bounded-worker.ts";
import { MAX_ATTACHMENT_PDF_PAGES, type UnreadablePdf } from "./attachment-pdf-limits.ts";

/**
 * pdf-lib on attachment PDFs, always on a worker thread of its own (workers/bounded-worker.ts): a
 * stored attachment is untrusted input, and pdf-lib parses a whole file synchronously, so a file built
 * to be costly would otherwise hold up every request while a package is downloaded. Each job has a
 * capped heap and a time budget, and only a few run at once in the process; one more is refused
 * (429, retry after a second) rather than queued. A file that runs out of time or memory, or makes
 * the thread fail, is answered as unreadable: the package lists it as damaged, the upload refuses it.
 */

export type PdfWorkerRequest =
  | { kind: "read"; bytes: Uint8Array; maxPages: number }
  | { kind: "append"; packagePdf: Uint8Array; attachments: { bookmark: string; bytes: Uint8Array }[]; maxPages: number };

export type PdfWorkerReply = { ready: true } | { read: "readable" | UnreadablePdf } | { appended: Uint8Array } | { failed: string };

export type PdfAttachmentWorker = {
  /** Whether pdf-lib reads the file as a PDF of at most the page limit, or why not. */
  read: (bytes: Uint8Array) => Promise<"readable" | UnreadablePdf>;
  /** The package with the attachments' pages after its own, or null when that could not be done in the budget. */
  append: (packagePdf: Uint8Array, attachments: readonly { bookmark: string; bytes: Uint8Array }[]) => Promise<Uint8Array | null>;
};

const MODULE = projectModule("src", "exports", "pdf-attachments-worker.ts");

export function createPdfAttachmentWorker({
  readTimeoutMs = 15_000,
  appendTimeoutMs = 60_000,
  maxHeapMb = 512,
  maxConcurrent = 2,
  maxPages = MAX_ATTACHMENT_PDF_PAGES,
}: {
  readTimeoutMs?: number;
  appendTimeoutMs?: number;
  maxHeapMb?: number;
  maxConcurrent?: number;
  maxPages?: number;
} = {}): PdfAttachmentWorker {
  const slot = workerSlots(maxConcurrent, (running) => `${running} attachment PDFs are being read, the most at once: try again`);
  const reply = (answer: unknown) => answer as Exclude<PdfWorkerReply, { ready: true }>;
  return {
    read: async (bytes) =>
      slot(() =>
        runOnWorker<"readable" | UnreadablePdf>({
          module: MODULE,
          name: "the attachment PDF read",
          maxHeapMb,
          timeoutMs: readTimeoutMs,
          request: { kind: "read", bytes, maxPages } satisfies PdfWorkerRequest,
          onReply: (answer) => {
            const r = reply(answer);
            return { result: "read" in r ? r.read : "unreadable" };
          },
          onTimeout: () => "unreadable",
          onOutOfMemory: () => "unreadable",
        }).catch(() => "unreadable" as const),
      ),
    append: async (packagePdf, attachments) =>
      slot(() =>
        runOnWorker<Uint8Array | null>({
          module: MODULE,
          name: "the attachment PDF append",
          maxHeapMb,
          timeoutMs: appendTimeoutMs,
          request: { kind: "append", packagePdf, attachments: [...attachments], maxPages } satisfies PdfWorkerRequest,
          onReply: (answer) => {
            const r = reply(answer);
            return { result: "appended" in r ? r.appended : null };
          },
          onTimeout: () => null,
          onOutOfMemory: () => null,
        }).catch(() => null),
      ),
  };
}

let shared: PdfAttachmentWorker | null = null;
/** The process's PDF worker, for the packages and the uploads alike: its limit on jobs at once is the process's. */
export function pdfAttachmentWorker(): PdfAttachmentWorker {
  shared ??= createPdfAttachmentWorker();
  return shared;
}
