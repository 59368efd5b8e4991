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
  | { action: "outbox:read" }
  | { action: "initiative:create"; organisationId: string }
  | { action: "initiative:read"; organisationId: string }
  | { action: "initiative:work"; organisationId: string }
  | { action: "initiative:manage"; organisationId: string }
  | { action: "communications:read-forvaltningsgrupp" }
  | { action: "sandbox:use"; organisationId: string };

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
      return isAdmin(actor) || hasRole(actor, p.organisationId, ["projektledare"]);
    case "initiative:read":
      return isAdmin(actor) || isForvaltningsgrupp(actor) || rolesIn(actor, p.organisationId) !== undefined;
    case "initiative:create":
    case "initiative:manage":
      return hasRole(actor, p.organisationId, ["projektledare"]);
    case "initiative:work":
      // The team does the work; the verksamhetsägare may also fastställa documents (see deliverable-status.ts).
      return hasRole(actor, p.organisationId, ["projektledare", "deltagare", "verksamhetsagare"]);
    case "communications:read-forvaltningsgrupp":
      return isAdmin(actor) || isForvaltningsgrupp(actor);
    case "sandbox:use":
      // Those who build the integration: test certificates and the emulator's record of their calls.
      return hasRole(actor, p.organisationId, ["projektledare", "deltagare"]);
  }
}

const hasRole = (actor: Actor, organisationId: string, roles: readonly OrganisationRole[]) =>
  rolesIn(actor, organisationId)?.some((r) => roles.includes(r)) ?? false;

/**
 * Who decides a milestone, per the method's "Beslutas av": a verksamhetsägare of the organisation
 * at milestone I, a member of the initiative's own styrgrupp at II–VIII.
 */
export function mayDecide(
  actor: Actor,
  decidedBy: "verksamhetsagare" | "styrgrupp",
  initiative: { organisationId: string; steeringGroup: readonly string[] },
): boolean {
  if (decidedBy === "verksamhetsagare") return hasRole(actor, initiative.organisationId, ["verksamhetsagare"]);
  return initiative.steeringGroup.includes(actor.userId) && rolesIn(actor, initiative.organisationId) !== undefined;
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
