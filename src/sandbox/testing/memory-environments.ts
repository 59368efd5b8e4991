import type { EmulatorEnvironment, EnvironmentResolver } from "../emulator/environment.ts";
import { SCENARIOS } from "../recipients/scenarios.ts";

/**
 * Test environments kept in memory, for tests that start the emulator without a database. The
 * list is read on every call, so a test can change an environment (disable it, start a load test)
 * between calls; bump `version` when what the emulator derives from it changes.
 */
export function memoryEnvironments(environments: EmulatorEnvironment[]): EnvironmentResolver & { environments: EmulatorEnvironment[] } {
  const resolve: EnvironmentResolver = async (slug) => environments.find((e) => e.slug === slug) ?? null;
  return Object.assign(resolve, { environments });
}

let counter = 0;

/** An enabled environment with the fixed scenarios; slug and id are made up unless given. */
export function testEnvironment(fields: Partial<EmulatorEnvironment> & Pick<EmulatorEnvironment, "orgnr">): EmulatorEnvironment {
  counter += 1;
  return {
    id: crypto.randomUUID(),
    slug: `testenv${String(counter).padStart(3, "0")}`,
    organisationId: crypto.randomUUID(),
    organisationName: "Test organisation",
    enabled: true,
    intermediaryOrgNr: null,
    trustedCAs: [],
    recipients: SCENARIOS,
    loadTest: null,
    version: "1",
    ...fields,
  };
}
