import type { Scenario } from "../recipients/scenarios.ts";

/**
 * An initiative's test environment as the emulator sees it. The emulator serves each environment
 * under its own path prefix on the one mutual-TLS port:
 *   /e/{slug}/Recipient/v3, /e/{slug}/Authority, /e/{slug}/Service/v3/{operatorId}
 * and ServiceAdress, the WSDLs and the test-run view all use those addresses. The emulator asks a
 * resolver for the environment on every call; the database-backed resolver caches briefly, so
 * enabling, disabling, an uploaded CA or an added recipient takes effect within seconds.
 */
export type EmulatorEnvironment = {
  id: string;
  slug: string;
  /** Ansluta's organisation id, for recording. */
  organisationId: string;
  /** The organisation's organisationsnummer (ten digits); the registered sender is 16 + this. */
  orgnr: string;
  organisationName: string;
  /** A disabled environment refuses every call (and records why). */
  enabled: boolean;
  /** A förmedlare allowed to call for the organisation with its own certificate. */
  intermediaryOrgNr: string | null;
  /** Test CAs the organisation uploaded (PEM), trusted besides the installation's own CA, in this environment only. */
  trustedCAs: readonly string[];
  /** The fixed scenarios followed by the organisation's own synthetic recipients. */
  recipients: readonly Scenario[];
  /** The load test running now, if any: its calls are tagged with it and their message content is not kept. */
  loadTest: { id: string; endsAt: Date } | null;
  /** Changes whenever anything above changes, so the emulator knows to rebuild what it derived. */
  version: string;
};

export type EnvironmentResolver = (slug: string, now: Date) => Promise<EmulatorEnvironment | null>;

/** The path prefix of an environment on the emulator's port. */
export const environmentPath = (slug: string) => `/e/${slug}`;

/** Slugs are what `newEnvironmentSlug` makes: lower-case letters and digits, 10 long. */
export const ENVIRONMENT_SLUG_PATTERN = /^[a-z0-9]{10}$/;
