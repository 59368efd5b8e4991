import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import { projectModule } from "../../project-root.ts";
import { DEFAULT_XML_LIMITS, type XmlLimits } from "../soap/safe-xml.ts";
import type { Check } from "./check.ts";
import type { SenderRequestReading, ValidationJob } from "./validation-jobs.ts";

/**
 * Untrusted XML is parsed and checked on worker threads, never on a server's event loop: a
 * delivery's ~20 ms of parsing and signature verification, or a document built to be costly, would
 * otherwise hold up every request of the process (the emulator shares it with the web app).
 * Callers name a queue (the emulator: the environment; the validator: the organisation): each
 * queue's validations run in order, and a free worker takes the next task of the queue served
 * least recently, so one queue's flood waits behind itself, not in front of another's. A caller may
 * cap its queue (`queueLimit`): more is refused at once. Each job has a time budget: a worker that
 * exceeds it is terminated mid-work and replaced, and the job fails with VALIDATION_TIMEOUT. A
 * worker that crashes fails only the job it was running and is replaced when there is work again.
 */

export type ValidationRequest = { id: number; job: ValidationJob };
/** `ready`: the worker has loaded and listens; it gets work (and its time budget starts) only then. */
export type ValidationReply = { ready: true } | { id: number; result: unknown } | { id: number; error: string };

export type ValidationRefusalCode = "VALIDATION_TIMEOUT" | "TOO_MANY_VALIDATIONS";

/** A validation the pool refused (its queue was full) or stopped (over its time budget): the caller's to answer. */
export class ValidationRefused extends Error {
  constructor(
    readonly code: ValidationRefusalCode,
    message: string,
  ) {
    super(message);
    this.name = "ValidationRefused";
  }
}

export type ValidationRunOptions = {
  now: Date;
  /** Whose turn this is ("" by default). */
  queue?: string;
  /** The most validations this queue may have waiting or running; beyond that TOO_MANY_VALIDATIONS at once. */
  queueLimit?: number;
  /** DEFAULT_XML_LIMITS unless given. */
  limits?: XmlLimits;
};

export type ValidationPool = {
  readonly size: number;
  /** How long one job may run on a worker, in milliseconds. */
  readonly timeoutMs: number;
  /** The checks validateSubmission gives; rejects with ValidationRefused, or if the worker failed or the pool closed. */
  validate(body: string, options: ValidationRunOptions): Promise<Check[]>;
  /** An emulator request read (parseSenderRequest), with validateSubmission's checks for a delivery when asked. */
  readSenderRequest(body: string, options: ValidationRunOptions & { checkDelivery: boolean }): Promise<SenderRequestReading>;
  /** Worker threads alive now. */
  threads(): number;
  /** Fails what is waiting and terminates every worker. */
  close(): Promise<void>;
};

export type ValidationPoolOptions = {
  /** max(1, available cores − 1) by default: one core stays with the event loop. */
  size?: number;
  /** The time budget per job in milliseconds, counted from when a ready worker gets it (DEFAULT_VALIDATION_TIMEOUT_MS). */
  timeoutMs?: number;
  /** The worker module (validation-worker.ts); tests pass one that crashes, holds or spins. */
  module?: URL;
  /** Passed to the worker module as workerData, beside `module`. */
  workerData?: Record<string, unknown>;
};

export const defaultValidationPoolSize = () => Math.max(1, availableParallelism() - 1);

/**
 * A delivery takes ~20 ms and the largest one the limits let through well under a second, even on
 * a busy machine; a job still running after 10 s is a document built to be costly.
 */
export const DEFAULT_VALIDATION_TIMEOUT_MS = 10_000;

/** Registers tsx in the thread, then imports `module`: the same under tsx, vitest and plain node --import tsx. */
const BOOTSTRAP = projectModule("src", "sandbox", "checks", "validation-worker.mjs");
const WORKER_MODULE = projectModule("src", "sandbox", "checks", "validation-worker.ts");

const poolClosed = () => new Error("the validation pool closed");

type Task = { id: number; queue: Queue; job: ValidationJob; resolve: (result: unknown) => void; reject: (error: Error) => void };
/** `served` orders the turns: when a task of this queue last went to a worker (−1: never). */
type Queue = { name: string; waiting: Task[]; running: number; served: number };
/** `ready`: the worker has said it listens. `budget`: the running task's time budget. */
type Slot = { worker: Worker | null; ready: boolean; task: Task | null; budget: NodeJS.Timeout | null };

export function createValidationPool(options: ValidationPoolOptions = {}): ValidationPool {
  const size = options.size ?? defaultValidationPoolSize();
  if (!Number.isInteger(size) || size < 1) throw new Error(`a validation pool needs at least one worker, not ${size}`);
  const timeoutMs = options.timeoutMs ?? DEFAULT_VALIDATION_TIMEOUT_MS;
  if (!(timeoutMs > 0)) throw new Error(`a validation pool's time budget must be positive, not ${timeoutMs}`);
  const workerData = { ...options.workerData, module: (options.module ?? WORKER_MODULE).href };
  /** The queues with a task waiting or running; one that has neither is forgotten, and starts afresh. */
  const queues = new Map<string, Queue>();
  let turn = 0;
  const slots: Slot[] = Array.from({ length: size }, () => ({ worker: null, ready: false, task: null, budget: null }));
  let nextId = 0;
  let alive = 0;
  let closed = false;

  function takeNext(): Task | undefined {
    let next: Queue | undefined;
    for (const queue of queues.values()) {
      if (queue.waiting.length && (!next || queue.served < next.served)) next = queue;
    }
    const task = next?.waiting.shift();
    if (next && task) {
      next.running += 1;
      next.served = turn++;
    }
    return task;
  }

  /** Takes the task off its worker and its queue. */
  function finish(slot: Slot): Task | null {
    const task = slot.task;
    slot.task = null;
    if (slot.budget) clearTimeout(slot.budget);
    slot.budget = null;
    if (!task) return null;
    task.queue.running -= 1;
    if (!task.queue.running && !task.queue.waiting.length) queues.delete(task.queue.name);
    return task;
  }

  /** Gives the slot's task to its ready worker, with the budget running from now. */
  function send(slot: Slot, worker: Worker, task: Task) {
    slot.budget = setTimeout(() => overBudget(slot, worker, task), timeoutMs);
    const request: ValidationRequest = { id: task.id, job: task.job };
    worker.postMessage(request);
  }

  /** The worker is still busy with the task at the end of its budget: stop the thread mid-work, start a fresh one. */
  function overBudget(slot: Slot, worker: Worker, task: Task) {
    if (slot.task !== task || slot.worker !== worker) return;
    finish(slot);
    slot.worker = null;
    slot.ready = false;
    void worker.terminate();
    task.reject(new ValidationRefused("VALIDATION_TIMEOUT", `the validation took longer than ${timeoutMs} ms and was stopped`));
    if (closed) return;
    slot.worker = start(slot);
    dispatch();
  }

  function start(slot: Slot): Worker {
    const worker = new Worker(BOOTSTRAP, { workerData });
    alive += 1;
    // An idle pool does not keep a process alive; the server that uses it does.
    worker.unref();
    let failure: Error | null = null;
    // A worker that was replaced (over its budget) has no say in its slot any more.
    const current = () => slot.worker === worker;
    worker.on("message", (reply: ValidationReply) => {
      if (!current()) return;
      if ("ready" in reply) {
        slot.ready = true;
        if (slot.task) send(slot, worker, slot.task);
        return;
      }
      if (slot.task?.id !== reply.id) return;
      const task = finish(slot);
      if (!task) return;
      if ("error" in reply) task.reject(new Error(`validation failed: ${reply.error}`));
      else task.resolve(reply.result);
      dispatch();
    });
    worker.on("error", (error) => {
      failure = error;
    });
    worker.on("exit", (code) => {
      alive -= 1;
      if (!current()) return;
      slot.worker = null;
      slot.ready = false;
      const task = finish(slot);
      const reason = closed ? "the validation pool closed" : `the validation worker stopped (exit code ${code})`;
      task?.reject(new Error(failure ? `${reason}: ${failure.message}` : reason));
      if (!closed) dispatch();
    });
    return worker;
  }

  function dispatch() {
    for (const slot of slots) {
      if (slot.task) continue;
      const task = takeNext();
      if (!task) return;
      // Started on demand, so a worker module that cannot start fails the tasks given to it instead of restarting for ever.
      slot.worker ??= start(slot);
      slot.task = task;
      if (slot.ready) send(slot, slot.worker, task);
    }
  }

  function run(job: ValidationJob, { queue = "", queueLimit }: ValidationRunOptions): Promise<unknown> {
    return new Promise((resolve, reject) => {
      if (closed) return reject(poolClosed());
      let waitingIn = queues.get(queue);
      const pending = waitingIn ? waitingIn.waiting.length + waitingIn.running : 0;
      if (queueLimit !== undefined && pending >= queueLimit) {
        return reject(
          new ValidationRefused("TOO_MANY_VALIDATIONS", `${pending} validations are running or waiting, the most one may have at once`),
        );
      }
      if (!waitingIn) {
        waitingIn = { name: queue, waiting: [], running: 0, served: -1 };
        queues.set(queue, waitingIn);
      }
      waitingIn.waiting.push({ id: nextId++, queue: waitingIn, job, resolve, reject });
      dispatch();
    });
  }

  for (const slot of slots) slot.worker = start(slot);

  return {
    size,
    timeoutMs,
    validate: (body, options) =>
      run({ kind: "submission", body, now: options.now, limits: options.limits ?? DEFAULT_XML_LIMITS }, options) as Promise<Check[]>,
    readSenderRequest: (body, options) =>
      run(
        {
          kind: "sender-request",
          body,
          now: options.now,
          limits: options.limits ?? DEFAULT_XML_LIMITS,
          checkDelivery: options.checkDelivery,
        },
        options,
      ) as Promise<SenderRequestReading>,
    threads: () => alive,
    close: async () => {
      closed = true;
      for (const queue of queues.values()) for (const task of queue.waiting.splice(0)) task.reject(poolClosed());
      await Promise.all(slots.map((slot) => slot.worker?.terminate()));
    },
  };
}
