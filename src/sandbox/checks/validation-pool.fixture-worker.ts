import { parentPort, workerData } from "node:worker_threads";
import { runValidationJob } from "./validation-jobs.ts";
import type { ValidationReply, ValidationRequest } from "./validation-pool.ts";

/**
 * For tests only: a validation worker that misbehaves on request. A body containing `<!--crash-->`
 * kills the thread with an uncaught error, `<!--throw-->` is answered with an error, `<!--hold-->`
 * waits until the test sets `workerData.gate[0]`, `<!--spin-->` keeps the thread busy for ever;
 * anything else is run as usual.
 */

if (!parentPort) throw new Error("a worker thread of validation-pool.ts");
const port = parentPort;
const gate = workerData.gate instanceof Int32Array ? workerData.gate : null;
port.on("message", ({ id, job }: ValidationRequest) => {
  const { body } = job;
  if (body.includes("<!--crash-->")) {
    setImmediate(() => {
      throw new Error("the fixture worker crashed on purpose");
    });
    return;
  }
  if (body.includes("<!--hold-->") && gate) Atomics.wait(gate, 0, 0);
  if (body.includes("<!--spin-->")) for (;;);
  const reply: ValidationReply = body.includes("<!--throw-->")
    ? { id, error: "the fixture worker threw on purpose" }
    : { id, result: runValidationJob(job) };
  port.postMessage(reply);
});
port.postMessage({ ready: true } satisfies ValidationReply);
