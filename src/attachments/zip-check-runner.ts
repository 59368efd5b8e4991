import { DEFAULT_ZIP_LIMITS, type TypeRefusal, type ZipLimits } from "../domain/attachments/attachment-type.ts";
import { projectModule } from "../project-root.ts";
import { runOnWorker, workerSlots } from "../workers/bounded-worker.ts";

/**
 * Unpacking an uploaded DOCX or XLSX to count what it really holds (measureZip) takes up to a
 * couple of seconds for a file built to be costly, so it runs on a worker thread of its own with a
 * capped heap and a time budget, as the flow import reads spreadsheets (workers/bounded-worker.ts). A file still unpacking at the end of its budget, or one that
 * exhausts the heap, is refused as a zip bomb. A thread per check: uploads of Office files are rare.
 */

export type ZipCheckReply = { ready: true } | { refusal: TypeRefusal | null };
export type ZipCheck = (bytes: Uint8Array) => Promise<TypeRefusal | null>;

const WORKER_MODULE = projectModule("src", "attachments", "zip-check-worker.ts");

export function createZipCheck({
  timeoutMs = 10_000,
  maxHeapMb = 128,
  maxConcurrent = 4,
  limits = DEFAULT_ZIP_LIMITS,
}: {
  timeoutMs?: number;
  maxHeapMb?: number;
  maxConcurrent?: number;
  limits?: ZipLimits;
} = {}): ZipCheck {
  const slot = workerSlots(maxConcurrent, (running) => `${running} Office files are being checked, the most at once: send it again`);
  return (bytes) =>
    slot(() =>
      runOnWorker<TypeRefusal | null>({
        module: WORKER_MODULE,
        name: "the zip check",
        maxHeapMb,
        timeoutMs,
        request: { bytes, limits },
        onReply: (reply) => ({ result: (reply as Extract<ZipCheckReply, { refusal: unknown }>).refusal }),
        onTimeout: () => ({ code: "zip_bomb", detail: `unpacking took longer than ${timeoutMs / 1000} s` }),
        onOutOfMemory: () => ({ code: "zip_bomb", detail: "unpacking needs too much memory" }),
      }),
    );
}

let shared: ZipCheck | null = null;
/** The process's zip check, for the API and the pages alike: its limit on checks at once is the process's. */
export const checkZipOnWorker: ZipCheck = (bytes) => {
  shared ??= createZipCheck();
  return shared(bytes);
};
