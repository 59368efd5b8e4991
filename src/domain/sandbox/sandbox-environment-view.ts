import type { SandboxEnvironmentRow } from "../../db/repositories/sandbox-setup-repository.ts";
import type { Operator } from "../../sandbox/recipients/scenarios.ts";
import { type EmulatorLocation, type EnvironmentAddresses, environmentAddresses } from "./environment-addresses.ts";

export type SandboxEnvironmentView = {
  /** False both for an environment never enabled (slug null) and for one disabled (slug kept, history kept). */
  enabled: boolean;
  slug: string | null;
  intermediaryOrgNr: string | null;
  /** Whether this installation runs the emulator at all (SANDBOX_PORT). */
  emulatorRunning: boolean;
  /** Only for an enabled environment on an installation that runs the emulator: otherwise nothing answers there. */
  addresses: EnvironmentAddresses | null;
  updatedAt: string | null;
};

export function sandboxEnvironmentView(
  row: SandboxEnvironmentRow | null,
  location: EmulatorLocation,
  operators: readonly Operator[],
): SandboxEnvironmentView {
  return {
    enabled: row?.enabled ?? false,
    slug: row?.slug ?? null,
    intermediaryOrgNr: row?.intermediaryOrgNr ?? null,
    emulatorRunning: location !== null,
    addresses: row?.enabled && location ? environmentAddresses(location, row.slug, operators) : null,
    updatedAt: row?.updatedAt.toISOString() ?? null,
  };
}
