import { Worker } from "node:worker_threads";
import { DEFAULT_ZIP_LIMITS, type TypeRefusal, type ZipLimits } from "../domain/attachments/attachment-type.ts";
import { DomainError } from "../domain/shared/domain-error.ts";

/**
 * Unpacking an uploaded DOCX or XLSX to count what it really holds (measureZip) takes up to a
 * couple of seconds for a file built to be costly, so it runs on a worker thread of its own with a
 * capped heap and a time budget, as the flow import reads spreadsheets (routes/flows/flow-import-runner.ts,
 * whose bootstrap this reuses). A file still unpacking at the end of its budget, or one that
 * exhausts the heap, is refused as a zip bomb. A thread per check: uploads of Office files are rare.
 */

export type ZipCheckReply = { ready: true } | { refusal: TypeRefusal | null };
export type ZipCheck = (bytes: Uint8Array) => Promise<TypeRefusal | null>;

const BOOTSTRAP = new URL("../sandbox/checks/validation-worker.mjs", import.meta.url);
const WORKER_MODULE = new URL("./zip-check-worker.ts", import.meta.url);

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
  let running = 0;
  return (bytes) => {
    if (running >= maxConcurrent) {
      throw new DomainError("TOO_MANY_VALIDATIONS", `${running} Office files are being checked, the most at once: send it again`, {
        retryAfterSeconds: 1,
      });
    }
    running += 1;
    return new Promise<TypeRefusal | null>((resolve, reject) => {
      const worker = new Worker(BOOTSTRAP, {
        workerData: { module: WORKER_MODULE.href },
        resourceLimits: { maxOldGenerationSizeMb: maxHeapMb, maxYoungGenerationSizeMb: 32 },
      });
      let budget: NodeJS.Timeout | null = null;
      let settled = false;
      const settle = (outcome: () => void) => {
        if (settled) return;
        settled = true;
        running -= 1;
        if (budget) clearTimeout(budget);
        void worker.terminate();
        outcome();
      };
      worker.on("message", (reply: ZipCheckReply) => {
        if ("ready" in reply) {
          budget = setTimeout(
            () => settle(() => resolve({ code: "zip_bomb", detail: `unpacking took longer than ${timeoutMs / 1000} s` })),
            timeoutMs,
          );
          worker.postMessage({ bytes, limits });
        } else settle(() => resolve(reply.refusal));
      });
      worker.on("error", (error: Error & { code?: string }) => {
        if (error.code === "ERR_WORKER_OUT_OF_MEMORY")
          settle(() => resolve({ code: "zip_bomb", detail: "unpacking needs too much memory" }));
        else settle(() => reject(error));
      });
      worker.on("exit", (code) => settle(() => reject(new Error(`the zip check worker stopped (exit code ${code})`))));
    });
  };
}

let shared: ZipCheck | null = null;
/** The process's zip check, for the API and the pages alike: its limit on checks at once is the process's. */
export const checkZipOnWorker: ZipCheck = (bytes) => {
  shared ??= createZipCheck();
  return shared(bytes);
};
