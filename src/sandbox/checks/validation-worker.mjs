// The entry of a validation worker thread (validation-pool.ts). Worker threads start without the
// parent's module hooks under vitest and may lack them elsewhere, so this plain module registers
// tsx itself and then loads the TypeScript worker module it was given.
import { workerData } from "node:worker_threads";
import { register } from "tsx/esm/api";

register();
await import(workerData.module);
