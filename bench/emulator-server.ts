import { readFileSync } from "node:fs";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { startEmulator } from "../src/sandbox/emulator/emulator-server.ts";
import type { EventRecorder } from "../src/sandbox/emulator/events.ts";
import { memoryEnvironments, testEnvironment } from "../src/sandbox/testing/memory-environments.ts";

/**
 * The emulator under measurement, as a child process of the bench (so the load generator does not
 * share its event loop): `node --import tsx bench/emulator-server.ts <config.json>`. Prints one
 * JSON line with its address when it listens. SIGUSR2 starts the measurement of its event loop's
 * delay afresh (the bench sends it after the warm-up); on SIGTERM it closes and prints one JSON
 * line with that delay's percentiles.
 */

export type EmulatorServerConfig = {
  ca: string;
  serverCert: string;
  serverKey: string;
  environment: { slug: string; orgnr: string; organisationName: string };
  answerEmpty: boolean;
  /** Validation worker threads; the emulator's default when absent. */
  validationWorkers?: number;
};

export type EmulatorServerReport = { eventLoopDelayMs: { p50: number; p99: number; max: number } };

const config = JSON.parse(readFileSync(process.argv[2] ?? "", "utf8")) as EmulatorServerConfig;
// Counts instead of keeping: a long run's events would only grow the heap being measured.
let recorded = 0;
const recorder: EventRecorder = {
  record: () => {
    recorded += 1;
  },
};
const emulator = await startEmulator({
  ca: config.ca,
  serverCert: config.serverCert,
  serverKey: config.serverKey,
  host: "127.0.0.1",
  port: 0,
  operators: [
    { id: "kivra", name: "Kivra" },
    { id: "minmyndighetspost", name: "Min myndighetspost" },
  ],
  environments: memoryEnvironments([testEnvironment(config.environment)]),
  recorder,
  ...(config.answerEmpty ? { answerEmpty: true as const } : {}),
  ...(config.validationWorkers ? { validationWorkers: config.validationWorkers } : {}),
});
// How late timers fire on the emulator's event loop: what every other caller of this process waits on top of its own work.
const RESOLUTION_MS = 1;
const delay = monitorEventLoopDelay({ resolution: RESOLUTION_MS });
delay.enable();
process.on("SIGUSR2", () => delay.reset());
process.stdout.write(`${JSON.stringify({ url: emulator.url })}\n`);
process.once("SIGTERM", () => {
  delay.disable();
  // The histogram holds the interval between timer runs: the delay is what exceeds the resolution.
  const ms = (ns: number) => Math.max(0, ns / 1e6 - RESOLUTION_MS);
  const report: EmulatorServerReport = {
    eventLoopDelayMs: { p50: ms(delay.percentile(50)), p99: ms(delay.percentile(99)), max: ms(delay.max) },
  };
  process.stdout.write(`${JSON.stringify(report)}\n`);
  void emulator.close().then(() => {
    process.stderr.write(`recorded ${recorded} events\n`);
    process.exit(0);
  });
});
