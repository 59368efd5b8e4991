import { parentPort } from "node:worker_threads";
import { measureZip, type ZipLimits } from "../domain/attachments/attachment-type.ts";
import type { ZipCheckReply } from "./zip-check-runner.ts";

/** The zip check's worker thread (zip-check-runner.ts): unpacks one DOCX/XLSX counting bytes, posts the verdict, and is done. */

if (!parentPort) throw new Error("zip-check-worker.ts runs as a worker thread of zip-check-runner.ts");
const port = parentPort;
port.once("message", ({ bytes, limits }: { bytes: Uint8Array; limits: ZipLimits }) => {
  port.postMessage({ refusal: measureZip(bytes, limits) } satisfies ZipCheckReply);
});
// Loaded and listening: the time budget starts only now.
port.postMessage({ ready: true } satisfies ZipCheckReply);
