import type { EmulatorEvent } from "../emulator/events.ts";

/**
 * Which calls are an environment's evidence (conformance, load tests, actual volumes): those made
 * with a client certificate the environment accepted, its organisation's or its förmedlare's. The
 * address is not a secret, so anyone can send calls without a certificate or with another
 * organisation's; they are recorded and shown in the test-run view, but they must not fail the
 * organisation's report. src/db/repositories/sandbox-evidence.ts is the same rule in SQL (a stored
 * call keeps client_orgnr only when its certificate was accepted).
 */
export const countsAsEvidence = (event: Pick<EmulatorEvent, "client">): boolean => event.client.ok;
