import type { OrganisationRole, SystemRole } from "./roles.ts";

/** Who is acting: loaded once per request from a session or bearer token, then trusted. */
export type Actor = {
  readonly userId: string;
  readonly email: string;
  readonly name: string;
  readonly locale: "sv" | "en";
  readonly systemRoles: readonly SystemRole[];
  /** organisationId → roles held there. */
  readonly memberships: ReadonlyMap<string, readonly OrganisationRole[]>;
  /** The organisations of those memberships, by name, for switching between them. */
  readonly organisations: readonly { id: string; name: string; number: string }[];
};

/** Used by the CLI and by start-up tasks, which act with full rights and are recorded as "system". */
export const SYSTEM_ACTOR: Actor = {
  userId: "00000000-0000-0000-0000-000000000000",
  email: "system@ansluta.local",
  name: "System",
  locale: "sv",
  systemRoles: ["admin"],
  memberships: new Map(),
  organisations: [],
};

export const isSystemActor = (actor: Actor) => actor.userId === SYSTEM_ACTOR.userId;
