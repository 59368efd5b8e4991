import { readFileSync } from "node:fs";
import { startEmulator } from "../src/sandbox/emulator/emulator-server.ts";
import type { EventRecorder } from "../src/sandbox/emulator/events.ts";
import { memoryEnvironments, testEnvironment } from "../src/sandbox/testing/memory-environments.ts";

/**
 * The emulator under measurement, as a child process of the bench (so the load generator does not
 * share its event loop): `node --import tsx bench/emulator-server.ts <config.json>`. Prints one
 * JSON line with its address when it listens, and closes on SIGTERM.
 */

export type EmulatorServerConfig = {
  ca: string;
  serverCert: string;
  serverKey: string;
  environment: { slug: string; orgnr: string; organisationName: string };
  answerEmpty: boolean;
};

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
});
process.stdout.write(`${JSON.stringify({ url: emulator.url })}\n`);
process.once("SIGTERM", () => {
  void emulator.close().then(() => {
    process.stderr.write(`recorded ${recorded} events\n`);
    process.exit(0);
  });
});
