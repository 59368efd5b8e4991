import { afterEach, describe, expect, it } from "vitest";
import { scenarioById } from "../recipients/scenarios.ts";
import { parseSenderRequest } from "../soap/requests.ts";
import { deliverSecureRequest, exampleDelivery } from "../testing/reference-delivery.ts";
import { testSigners } from "../testing/signers.ts";
import { validateSubmission } from "./validate-submission.ts";
import { createValidationPool, type ValidationPool, ValidationRefused } from "./validation-pool.ts";

/**
 * validateSubmission and the emulator's request reading on worker threads: the same results, a
 * crash costs one validation, a job over its time budget is stopped, queues take turns and are capped.
 */

const FIXTURE = new URL("./validation-pool.fixture-worker.ts", import.meta.url);
const now = new Date("2026-11-27T10:00:00Z");
const valid = deliverSecureRequest(exampleDelivery({ recipients: [scenarioById("reachable-kivra").recipientId] }), testSigners());
// A changed subject after signing: well-formed, but neither signature verifies.
const tampered = valid.replace(/<([\w:]*)Subject>[^<]*</, "<$1Subject>Ändrat efter signering<");

const pools: ValidationPool[] = [];
const pool = (options: Parameters<typeof createValidationPool>[0]) => {
  const made = createValidationPool(options);
  pools.push(made);
  return made;
};
afterEach(async () => {
  await Promise.all(pools.splice(0).map((p) => p.close()));
});

describe("the validation pool", () => {
  it("gives the same checks as validateSubmission, for a valid and an invalid delivery", async () => {
    const validating = pool({ size: 2 });
    expect(tampered).not.toBe(valid);
    for (const body of [valid, tampered, "not XML at all"]) {
      expect(await validating.validate(body, { now })).toEqual(validateSubmission(body, { now }));
    }
    const checks = await validating.validate(tampered, { now });
    expect(checks.find((c) => c.id === "signature.sender")?.status).toBe("fail");
  });

  it("reads an emulator request as parseSenderRequest does, with the checks of a delivery when asked", async () => {
    const reading = pool({ size: 1 });
    expect(await reading.readSenderRequest(valid, { now, checkDelivery: true })).toEqual({
      request: parseSenderRequest(valid),
      checks: validateSubmission(valid, { now }),
    });
    expect(await reading.readSenderRequest(valid, { now, checkDelivery: false })).toEqual({
      request: parseSenderRequest(valid),
      checks: null,
    });
    const flat = `<r>${"<e/>".repeat(20_000)}</r>`;
    expect(await reading.readSenderRequest(flat, { now, checkDelivery: true })).toMatchObject({
      request: { kind: "refused", refusal: { code: "too-many-elements" } },
      checks: expect.arrayContaining([expect.objectContaining({ id: "xml.element-limit", status: "fail" })]),
    });
  });

  it("fails only the validation a crashing worker was running, and validates the next with a new worker", async () => {
    const validating = pool({ size: 1, module: FIXTURE });
    await expect(validating.validate(`${valid}<!--crash-->`, { now })).rejects.toThrow(/validation worker stopped.*crashed on purpose/);
    await expect(validating.validate(`${valid}<!--throw-->`, { now })).rejects.toThrow(/threw on purpose/);
    expect(await validating.validate(valid, { now })).toEqual(validateSubmission(valid, { now }));
    expect(validating.threads()).toBe(1);
  });

  it("terminates a worker that runs over the time budget, fails that validation with VALIDATION_TIMEOUT, and validates the next", async () => {
    const validating = pool({ size: 1, timeoutMs: 300, module: FIXTURE });
    const stopped = validating.validate("<x><!--spin--></x>", { now });
    await expect(stopped).rejects.toBeInstanceOf(ValidationRefused);
    await expect(stopped).rejects.toMatchObject({
      code: "VALIDATION_TIMEOUT",
      message: "the validation took longer than 300 ms and was stopped",
    });
    // The budget counts from when a ready worker has the job: the fresh worker's start-up is not held against it.
    expect(await validating.validate("<x/>", { now })).toEqual(validateSubmission("<x/>", { now }));
    await expect.poll(() => validating.threads()).toBe(1);
  });

  it("refuses a queue's validation beyond its limit at once, without holding up other queues", async () => {
    const gate = new Int32Array(new SharedArrayBuffer(4));
    const validating = pool({ size: 1, module: FIXTURE, workerData: { gate } });
    const held = [
      validating.validate("<x><!--hold--></x>", { now, queue: "a", queueLimit: 2 }),
      validating.validate("<x/>", { now, queue: "a", queueLimit: 2 }),
    ];
    await expect(validating.validate("<x/>", { now, queue: "a", queueLimit: 2 })).rejects.toMatchObject({
      code: "TOO_MANY_VALIDATIONS",
      message: "2 validations are running or waiting, the most one may have at once",
    });
    const other = validating.validate("<x/>", { now, queue: "b", queueLimit: 2 });
    Atomics.store(gate, 0, 1);
    Atomics.notify(gate, 0);
    await Promise.all([...held, other]);
    // Done, the queue takes validations again.
    expect(await validating.validate("<x/>", { now, queue: "a", queueLimit: 2 })).toEqual(validateSubmission("<x/>", { now }));
  });

  it("lets queues take turns for a worker, so one queue's backlog does not stand in front of another's", async () => {
    const gate = new Int32Array(new SharedArrayBuffer(4));
    const validating = pool({ size: 1, module: FIXTURE, workerData: { gate } });
    const finished: string[] = [];
    const run = (name: string, queue: string, body = "<x/>") =>
      validating.validate(body, { now, queue }).then(() => {
        finished.push(name);
      });
    const all = [
      run("flood 1 (held)", "flood", "<x><!--hold--></x>"),
      run("flood 2", "flood"),
      run("flood 3", "flood"),
      run("other", "other"),
    ];
    Atomics.store(gate, 0, 1);
    Atomics.notify(gate, 0);
    await Promise.all(all);
    expect(finished).toEqual(["flood 1 (held)", "other", "flood 2", "flood 3"]);
  });

  it("leaves no worker running when closed, and fails what was waiting", async () => {
    const gate = new Int32Array(new SharedArrayBuffer(4));
    const validating = pool({ size: 2, module: FIXTURE, workerData: { gate } });
    expect(validating.threads()).toBe(2);
    const outcome = (body: string) =>
      validating.validate(body, { now }).then(
        () => "validated",
        (error: Error) => error.message,
      );
    const calls = [outcome("<x><!--hold--></x>"), outcome("<x><!--hold--></x>"), outcome("<x/>")];
    await validating.close();
    expect(validating.threads()).toBe(0);
    expect(await Promise.all(calls)).toEqual(Array(3).fill("the validation pool closed"));
    await expect(validating.validate(valid, { now })).rejects.toThrow(/pool closed/);
  });
});
