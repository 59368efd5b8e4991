import { Worker } from "node:worker_threads";
import { DomainError } from "../domain/shared/domain-error.ts";
import { projectModule } from "../project-root.ts";

/**
 * Untrusted input that can be costly to read (a spreadsheet to import, an Office file to unpack) is
 * read on a worker thread of its own, never on the event loop: a fresh thread with a capped heap and
 * a time budget, so a file built to be costly holds up its own thread and is stopped, not everyone's
 * requests. The thread runs `module` through the validator's bootstrap
 * (src/sandbox/checks/validation-worker.mjs, the same under tsx, vitest and node --import tsx); the
 * module says `{ ready: true }` once loaded, is sent the request, and answers once.
 */

const BOOTSTRAP = projectModule("src", "sandbox", "checks", "validation-worker.mjs");

export type WorkerJob<R> = {
  /** The module the thread runs, e.g. projectModule("src", "attachments", "zip-check-worker.ts"). */
  module: URL;
  /** What the job is called in an error: "the zip check". */
  name: string;
  /** The thread's old-generation heap in MB. */
  maxHeapMb: number;
  /** How long the job may take, from when its thread is ready. */
  timeoutMs: number;
  request: unknown;
  /** The module's answer as the result, or an error to fail with. */
  onReply: (reply: unknown) => { result: R } | { error: Error };
  /** The answer when the budget ran out (the thread is terminated). */
  onTimeout: () => R;
  /** The answer when the thread ran out of its heap. */
  onOutOfMemory: () => R;
};

/**
 * The smallest heap a thread is given: below about 4 MB, Node 22 and 24 cannot even build the thread's
 * isolate, and that is a fatal out-of-memory of the whole process ("GC during deserialization"), not
 * the thread's ERR_WORKER_OUT_OF_MEMORY (Node 20 reported the thread's).
 */
export const MIN_WORKER_HEAP_MB = 8;

const isReady = (reply: unknown) => typeof reply === "object" && reply !== null && "ready" in reply;

/** Runs one job on a fresh thread and settles once: its answer, the budget or the heap running out, or the thread failing. */
export function runOnWorker<R>(job: WorkerJob<R>): Promise<R> {
  return new Promise<R>((resolve, reject) => {
    const worker = new Worker(BOOTSTRAP, {
      workerData: { module: job.module.href },
      resourceLimits: { maxOldGenerationSizeMb: Math.max(job.maxHeapMb, MIN_WORKER_HEAP_MB), maxYoungGenerationSizeMb: 32 },
    });
    let budget: NodeJS.Timeout | null = null;
    let settled = false;
    const settle = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      if (budget) clearTimeout(budget);
      void worker.terminate();
      outcome();
    };
    worker.on("message", (reply: unknown) => {
      if (isReady(reply)) {
        budget = setTimeout(() => settle(() => resolve(job.onTimeout())), job.timeoutMs);
        worker.postMessage(job.request);
        return;
      }
      const answer = job.onReply(reply);
      settle(() => ("error" in answer ? reject(answer.error) : resolve(answer.result)));
    });
    worker.on("error", (error: Error & { code?: string }) => {
      if (error.code === "ERR_WORKER_OUT_OF_MEMORY") settle(() => resolve(job.onOutOfMemory()));
      else settle(() => reject(error));
    });
    worker.on("exit", (code) => settle(() => reject(new Error(`${job.name} worker stopped (exit code ${code})`))));
  });
}

/**
 * At most `max` jobs at once in this process; one more is refused at once, before any work, with
 * TOO_MANY_VALIDATIONS (429, retry after a second), in the words `busy` gives.
 */
export function workerSlots(max: number, busy: (running: number) => string) {
  let running = 0;
  return <R>(job: () => Promise<R>): Promise<R> => {
    if (running >= max) throw new DomainError("TOO_MANY_VALIDATIONS", busy(running), { retryAfterSeconds: 1 });
    running += 1;
    return job().finally(() => {
      running -= 1;
    });
  };
}
