import type { OrganisationRow } from "../../db/repositories/organisation-repository.ts";
import type { Actor } from "../access/actor.ts";
import { can, grantableRoles } from "../access/policy.ts";

/** What the API and pages show of an organisation, with what the actor may do with it. */
export function organisationView(actor: Actor, o: OrganisationRow) {
  return {
    id: o.id,
    name: o.name,
    number: o.number,
    kind: o.kind,
    /** The county (län) by its letter code, or null. */
    county: o.county,
    createdAt: o.createdAt.toISOString(),
    settings: {
      /** Fastställa needs someone other than the version's authors (deliverable-status.ts). */
      requiresSecondApprover: o.requiresSecondApprover,
      /** The identity provider members sign in with (their password login off while it is enabled), or null. */
      signInProviderId: o.signInProviderId,
    },
    permissions: {
      readMembers: can(actor, { action: "members:read", organisationId: o.id }),
      manageMembers: can(actor, { action: "members:manage", organisationId: o.id }),
      manageSettings: can(actor, { action: "organisation:settings", organisationId: o.id }),
      /** The roles the actor may grant or take away here (empty when she manages no members). */
      grantableRoles: [...grantableRoles(actor, o.id)],
    },
  };
}
export type OrganisationView = ReturnType<typeof organisationView>;
