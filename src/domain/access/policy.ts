import { DomainError } from "../shared/domain-error.ts";
import type { Actor } from "./actor.ts";
import type { OrganisationRole } from "./roles.ts";

/**
 * The one place that says who may do what. Routes and use cases ask `can`/`authorize`;
 * nobody re-derives roles elsewhere, and API responses carry the answers for the UI.
 */
export type Permission =
  | { action: "organisation:create" }
  | { action: "organisation:list-all" }
  | { action: "organisation:read"; organisationId: string }
  | { action: "members:read"; organisationId: string }
  | { action: "members:manage"; organisationId: string }
  | { action: "audit:read" }
  | { action: "outbox:read" };

const isAdmin = (a: Actor) => a.systemRoles.includes("admin");
const isForvaltningsgrupp = (a: Actor) => a.systemRoles.includes("forvaltningsgrupp");
const rolesIn = (a: Actor, organisationId: string): readonly OrganisationRole[] | undefined => a.memberships.get(organisationId);

export function can(actor: Actor, p: Permission): boolean {
  switch (p.action) {
    case "organisation:create":
    case "audit:read":
    case "outbox:read":
      return isAdmin(actor);
    case "organisation:list-all":
      return isAdmin(actor) || isForvaltningsgrupp(actor);
    case "organisation:read":
    case "members:read":
      // The förvaltningsgrupp coordinates every organisation and reads across them.
      return isAdmin(actor) || isForvaltningsgrupp(actor) || rolesIn(actor, p.organisationId) !== undefined;
    case "members:manage":
      return isAdmin(actor) || (rolesIn(actor, p.organisationId)?.includes("projektledare") ?? false);
  }
}

/**
 * Throws when the actor may not. Someone with no access at all to an organisation gets NOT_FOUND,
 * so that an outsider cannot even learn which organisation ids exist; someone who can see it but
 * lacks the role gets FORBIDDEN with the reason.
 */
export function authorize(actor: Actor, p: Permission): void {
  if (can(actor, p)) return;
  if ("organisationId" in p && !can(actor, { action: "organisation:read", organisationId: p.organisationId })) {
    throw new DomainError("NOT_FOUND", "organisation not found");
  }
  throw new DomainError("FORBIDDEN", `not allowed: ${p.action}`);
}
