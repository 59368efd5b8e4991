import { parentPort } from "node:worker_threads";
import { validateSubmission } from "./validate-submission.ts";
import type { ValidationReply, ValidationRequest } from "./validation-pool.ts";

/** A validation pool's worker thread: validateSubmission for each request, the checks or the error posted back. */

if (!parentPort) throw new Error("validation-worker.ts runs as a worker thread of validation-pool.ts");
const port = parentPort;
port.on("message", ({ id, body, now }: ValidationRequest) => {
  let reply: ValidationReply;
  try {
    reply = { id, checks: validateSubmission(body, { now }) };
  } catch (error) {
    reply = { id, error: error instanceof Error ? error.message : String(error) };
  }
  port.postMessage(reply);
});
