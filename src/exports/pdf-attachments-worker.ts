import { parentPort } from "node:worker_threads";
import { appendPdfs, readAttachmentPdf } from "./pdf-attachments.ts";
import type { PdfWorkerReply, PdfWorkerRequest } from "./pdf-attachments-runner.ts";

/**
 * The thread pdf-lib runs on for attachment PDFs (pdf-attachments-runner.ts): reads one attachment
 * (is it a PDF pdf-lib can load, and how many pages), or appends the readable ones to a package's
 * own pages; posts the answer and is done.
 */

if (!parentPort) throw new Error("pdf-attachments-worker.ts runs as a worker thread of pdf-attachments-runner.ts");
const port = parentPort;

async function answer(request: PdfWorkerRequest): Promise<PdfWorkerReply> {
  if (request.kind === "read") {
    const read = await readAttachmentPdf(request.bytes, request.maxPages);
    return { read: read.readable ? "readable" : read.reason };
  }
  const attachments = [];
  for (const { bookmark, bytes } of request.attachments) {
    const read = await readAttachmentPdf(bytes, request.maxPages);
    if (!read.readable) return { failed: `${bookmark} could not be read again (${read.reason})` };
    attachments.push({ bookmark, pdf: read.pdf });
  }
  return { appended: await appendPdfs(request.packagePdf, attachments) };
}

port.once("message", (request: PdfWorkerRequest) => {
  answer(request).then(
    (reply) => port.postMessage(reply),
    (error: unknown) => port.postMessage({ failed: error instanceof Error ? error.message : String(error) } satisfies PdfWorkerReply),
  );
});
// Loaded and listening: the time budget starts only now.
port.postMessage({ ready: true } satisfies PdfWorkerReply);
