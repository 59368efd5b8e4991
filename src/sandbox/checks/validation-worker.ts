import { parentPort } from "node:worker_threads";
import { runValidationJob } from "./validation-jobs.ts";
import type { ValidationReply, ValidationRequest } from "./validation-pool.ts";

/** A validation pool's worker thread: each job run, its result or error posted back. */

if (!parentPort) throw new Error("validation-worker.ts runs as a worker thread of validation-pool.ts");
const port = parentPort;
port.on("message", ({ id, job }: ValidationRequest) => {
  let reply: ValidationReply;
  try {
    reply = { id, result: runValidationJob(job) };
  } catch (error) {
    reply = { id, error: error instanceof Error ? error.message : String(error) };
  }
  port.postMessage(reply);
});
// Loaded and listening: the pool's time budget for a job starts only now.
port.postMessage({ ready: true } satisfies ValidationReply);
