import { type Config, sandboxPublicUrl } from "../../../config.ts";
import type { EmulatorLocation } from "../../../domain/sandbox/environment-addresses.ts";
import { DEFAULT_OPERATORS, type Operator } from "../../../sandbox/recipients/scenarios.ts";

/**
 * Where a sender's system reaches the emulator: the one address the emulator itself hands out
 * (sandboxPublicUrl), never the host a request happened to come to, whichever app server runs it;
 * null when no emulator runs.
 */
export const emulatorLocation = (config: Config): EmulatorLocation => sandboxPublicUrl(config);

/** The simulated mailbox operators the emulator serves, under the names this installation gives them (SANDBOX_OPERATORS). */
export const sandboxOperators = (config: Config): readonly Operator[] =>
  DEFAULT_OPERATORS.map((o) => ({ ...o, name: config.SANDBOX_OPERATORS.find((c) => c.id === o.key)?.name ?? o.name }));
