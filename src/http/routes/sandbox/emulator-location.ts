import type { FastifyRequest } from "fastify";
import type { Config } from "../../../config.ts";
import type { EmulatorLocation } from "../../../domain/sandbox/environment-addresses.ts";
import { DEFAULT_OPERATORS, type Operator } from "../../../sandbox/recipients/scenarios.ts";

/**
 * Where a sender's system reaches the emulator: the host users reach Ansluta at (PUBLIC_URL, else
 * the host this request came to) on SANDBOX_PORT; null when this installation runs no emulator.
 */
export function emulatorLocation(config: Config, request: FastifyRequest): EmulatorLocation {
  if (config.SANDBOX_PORT === undefined) return null;
  const host = config.PUBLIC_URL ? new URL(config.PUBLIC_URL).hostname.replace(/^\[|\]$/g, "") : request.hostname;
  return { host, port: config.SANDBOX_PORT };
}

/** The simulated mailbox operators the emulator serves, under the names this installation gives them (SANDBOX_OPERATORS). */
export const sandboxOperators = (config: Config): readonly Operator[] =>
  DEFAULT_OPERATORS.map((o) => ({ ...o, name: config.SANDBOX_OPERATORS.find((c) => c.id === o.key)?.name ?? o.name }));
