import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import type { Check } from "./check.ts";

/**
 * validateSubmission on worker threads, so that a delivery's ~20 ms of XML parsing and signature
 * verification does not hold up the emulator's event loop, which it shares with the web app.
 * Callers name a queue (the emulator: the environment): each queue's validations run in order, and
 * a free worker takes the next task of the queue served least recently, so one environment's flood
 * waits behind itself, not in front of another environment's delivery. A worker that crashes fails only the validation
 * it was running and is replaced when there is work again.
 */

export type ValidationRequest = { id: number; body: string; now: Date };
export type ValidationReply = { id: number; checks: Check[] } | { id: number; error: string };

export type ValidationPool = {
  readonly size: number;
  /** The checks validateSubmission gives; rejects if the worker failed or the pool closed. */
  validate(body: string, options: { now: Date; queue?: string }): Promise<Check[]>;
  /** Worker threads alive now. */
  threads(): number;
  /** Fails what is waiting and terminates every worker. */
  close(): Promise<void>;
};

export type ValidationPoolOptions = {
  /** max(1, available cores − 1) by default: one core stays with the event loop. */
  size?: number;
  /** The worker module (validation-worker.ts); tests pass one that crashes or holds. */
  module?: URL;
  /** Passed to the worker module as workerData, beside `module`. */
  workerData?: Record<string, unknown>;
};

export const defaultValidationPoolSize = () => Math.max(1, availableParallelism() - 1);

/** Registers tsx in the thread, then imports `module`: the same under tsx, vitest and plain node --import tsx. */
const BOOTSTRAP = new URL("./validation-worker.mjs", import.meta.url);
const WORKER_MODULE = new URL("./validation-worker.ts", import.meta.url);

type Task = { id: number; queue: Queue; body: string; now: Date; resolve: (checks: Check[]) => void; reject: (error: Error) => void };
/** `served` orders the turns: when a task of this queue last went to a worker (−1: never). */
type Queue = { name: string; waiting: Task[]; running: number; served: number };
type Slot = { worker: Worker | null; task: Task | null };

export function createValidationPool(options: ValidationPoolOptions = {}): ValidationPool {
  const size = options.size ?? defaultValidationPoolSize();
  if (!Number.isInteger(size) || size < 1) throw new Error(`a validation pool needs at least one worker, not ${size}`);
  const workerData = { ...options.workerData, module: (options.module ?? WORKER_MODULE).href };
  /** The queues with a task waiting or running; one that has neither is forgotten, and starts afresh. */
  const queues = new Map<string, Queue>();
  let turn = 0;
  const slots: Slot[] = Array.from({ length: size }, () => ({ worker: null, task: null }));
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
    if (!task) return null;
    task.queue.running -= 1;
    if (!task.queue.running && !task.queue.waiting.length) queues.delete(task.queue.name);
    return task;
  }

  function start(slot: Slot): Worker {
    const worker = new Worker(BOOTSTRAP, { workerData });
    alive += 1;
    // An idle pool does not keep a process alive; the server that uses it does.
    worker.unref();
    let failure: Error | null = null;
    worker.on("message", (reply: ValidationReply) => {
      if (slot.task?.id !== reply.id) return;
      const task = finish(slot);
      if (!task) return;
      if ("error" in reply) task.reject(new Error(`validation failed: ${reply.error}`));
      else task.resolve(reply.checks);
      dispatch();
    });
    worker.on("error", (error) => {
      failure = error;
    });
    worker.on("exit", (code) => {
      alive -= 1;
      if (slot.worker === worker) slot.worker = null;
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
      const request: ValidationRequest = { id: task.id, body: task.body, now: task.now };
      slot.worker.postMessage(request);
    }
  }

  for (const slot of slots) slot.worker = start(slot);

  return {
    size,
    validate: (body, { now, queue = "" }) =>
      new Promise<Check[]>((resolve, reject) => {
        if (closed) return reject(new Error("the validation pool closed"));
        let waitingIn = queues.get(queue);
        if (!waitingIn) {
          waitingIn = { name: queue, waiting: [], running: 0, served: -1 };
          queues.set(queue, waitingIn);
        }
        waitingIn.waiting.push({ id: nextId++, queue: waitingIn, body, now, resolve, reject });
        dispatch();
      }),
    threads: () => alive,
    close: async () => {
      closed = true;
      for (const queue of queues.values()) for (const task of queue.waiting.splice(0)) task.reject(new Error("the validation pool closed"));
      await Promise.all(slots.map((slot) => slot.worker?.terminate()));
    },
  };
}
