import type { Database } from "../../db/database.ts";
import type { SandboxAuthority } from "../../domain/sandbox/sandbox-authority.ts";
import type { ValidationPool } from "../checks/validation-pool.ts";
import { DEFAULT_OPERATORS } from "../recipients/scenarios.ts";
import { databaseEnvironments } from "./database-environments.ts";
import { databaseRecorder } from "./database-recorder.ts";
import { type EmulatorOperator, startEmulator } from "./emulator-server.ts";
import type { EmulatorEvent } from "./events.ts";

export type StartSandboxOptions = {
  db: Database;
  /** The installation's test CA and server certificate, made at start-up (ensureSandboxAuthority). */
  authority: SandboxAuthority;
  host: string;
  /** 0 picks a free port. */
  port: number;
  /** The address senders reach the emulator at (sandboxPublicUrl in config.ts); the server certificate must carry its host. */
  publicUrl?: string;
  /** The simulated mailbox operators and their names (SANDBOX_OPERATORS); all four with their usual names by default. */
  operators?: readonly EmulatorOperator[];
  onRecordError?: (error: unknown, event: EmulatorEvent) => void;
  /** The process's validation pool (shared with the web app's validator); its maker closes it. Without one the emulator has its own. */
  validationPool?: ValidationPool;
  now?: () => Date;
};

export type RunningSandbox = {
  /** The address senders reach it at, without a trailing slash. */
  url: string;
  /** The port it listens on. */
  port: number;
  /** Stops listening and waits until every event received so far is in the database. */
  close(): Promise<void>;
};

/**
 * The installation's emulator: the authority made at start-up,
 * the initiatives' test environments read from the database as calls name them (briefly cached,
 * database-environments.ts), and every call recorded in sandbox_events. It keeps each
 * environment's lookups in memory, so one instance runs it (src/sandbox/README.md).
 */
export async function startSandbox(options: StartSandboxOptions): Promise<RunningSandbox> {
  const now = options.now ?? (() => new Date());
  const { authority } = options;
  const recorder = databaseRecorder(options.db, options.onRecordError ?? ((error) => console.error("sandbox event not recorded", error)));
  const emulator = await startEmulator({
    ca: authority.caCertificatePem,
    serverCert: authority.serverCertificatePem,
    serverKey: authority.serverPrivateKeyPem,
    host: options.host,
    ...(options.publicUrl ? { publicUrl: options.publicUrl } : {}),
    port: options.port,
    operators: options.operators ?? DEFAULT_OPERATORS.map((o) => ({ id: o.key, name: o.name })),
    environments: databaseEnvironments(options.db),
    recorder,
    ...(options.validationPool ? { validationPool: options.validationPool } : {}),
    now,
  });
  return {
    url: emulator.url,
    port: emulator.port,
    close: async () => {
      await emulator.close();
      await recorder.flush();
    },
  };
}
