import { DomainError } from "../shared/domain-error.ts";
import type { Actor } from "./actor.ts";
import { ORGANISATION_ROLES, type OrganisationRole } from "./roles.ts";

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
  | { action: "organisation:settings"; organisationId: string }
  | { action: "audit:read" }
  | { action: "outbox:read" }
  /** Registering, turning off and removing the identity providers people sign in with (issue 15). */
  | { action: "identity-providers:manage" }
  | { action: "initiative:create"; organisationId: string }
  | { action: "initiative:read"; organisationId: string }
  | { action: "initiative:work"; organisationId: string }
  | { action: "initiative:manage"; organisationId: string }
  /** Letting the public open-data export list the initiative: the organisation's call (issue 14). */
  | { action: "initiative:publish"; organisationId: string }
  | { action: "communications:read-forvaltningsgrupp" }
  | { action: "communications:acknowledge-forvaltningsgrupp" }
  /** The national portfolio, its forecast, rounds and metrics: the förvaltningsgrupp's own tools (issue 14). */
  | { action: "portfolio:read" }
  | { action: "sandbox:use"; organisationId: string }
  /** Reporting rounds (issue 14): opening and closing them, and reading every organisation's answers. */
  | { action: "reporting:manage" }
  /** Reading a round's name, deadline and the caller's own initiatives in it. */
  | { action: "reporting:read-round" }
  | { action: "reporting:submit"; organisationId: string }
  | { action: "reporting:read-submission"; organisationId: string }
  /** Marking a decision's condition met: its owner (a member chosen on the decision), or the projektledare. */
  | { action: "condition:mark-met"; organisationId: string; ownerUserId: string | null };

const isAdmin = (a: Actor) => a.systemRoles.includes("admin");
const isForvaltningsgrupp = (a: Actor) => a.systemRoles.includes("forvaltningsgrupp");
const rolesIn = (a: Actor, organisationId: string): readonly OrganisationRole[] | undefined => a.memberships.get(organisationId);

export function can(actor: Actor, p: Permission): boolean {
  switch (p.action) {
    case "organisation:create":
    case "audit:read":
    case "outbox:read":
    case "identity-providers:manage":
      return isAdmin(actor);
    case "organisation:list-all":
      return isAdmin(actor) || isForvaltningsgrupp(actor);
    case "organisation:read":
    case "members:read":
      // The förvaltningsgrupp coordinates every organisation and reads across them.
      return isAdmin(actor) || isForvaltningsgrupp(actor) || rolesIn(actor, p.organisationId) !== undefined;
    case "members:manage":
      return grantableRoles(actor, p.organisationId).length > 0;
    case "organisation:settings":
      // How the organisation works (e.g. a second person to fastställa) is for those accountable for it.
      return isAdmin(actor) || hasRole(actor, p.organisationId, ["administrator", "verksamhetsagare"]);
    case "initiative:read":
      return isAdmin(actor) || isForvaltningsgrupp(actor) || rolesIn(actor, p.organisationId) !== undefined;
    case "initiative:create":
    case "initiative:manage":
      return hasRole(actor, p.organisationId, ["projektledare"]);
    case "initiative:publish":
      return hasRole(actor, p.organisationId, ["projektledare", "verksamhetsagare", "administrator"]);
    case "initiative:work":
      // The team does the work; the verksamhetsägare may also fastställa documents (see deliverable-status.ts).
      return hasRole(actor, p.organisationId, ["projektledare", "deltagare", "verksamhetsagare"]);
    case "communications:read-forvaltningsgrupp":
      return isAdmin(actor) || isForvaltningsgrupp(actor);
    case "portfolio:read":
      // Not the administrator: running the installation is not coordinating the connections.
      return isForvaltningsgrupp(actor);
    case "communications:acknowledge-forvaltningsgrupp":
      // Reading is not receiving: the administrator reads the förvaltningsgrupp's inbox but does not
      // mark it read for them, or it would stop showing as unread to those who must act on it.
      return isForvaltningsgrupp(actor);
    case "reporting:manage":
      // The förvaltningsgrupp asks every organisation for its report; the administrator runs the installation, not the rounds.
      return isForvaltningsgrupp(actor);
    case "reporting:read-round":
      return isForvaltningsgrupp(actor) || [...actor.memberships.values()].some((roles) => roles.includes("projektledare"));
    case "reporting:submit":
      // The projektledare answers for the initiative's report, as for its follow-up.
      return hasRole(actor, p.organisationId, ["projektledare"]);
    case "reporting:read-submission":
      return isForvaltningsgrupp(actor) || rolesIn(actor, p.organisationId) !== undefined;
    case "sandbox:use":
      // Those who build the integration: test certificates and the emulator's record of their calls.
      return hasRole(actor, p.organisationId, ["projektledare", "deltagare"]);
    case "condition:mark-met":
      // The projektledare answers for the initiative's follow-up, conditions without a member owner included.
      return (
        hasRole(actor, p.organisationId, ["projektledare"]) ||
        (p.ownerUserId === actor.userId && rolesIn(actor, p.organisationId) !== undefined)
      );
  }
}

const hasRole = (actor: Actor, organisationId: string, roles: readonly OrganisationRole[]) =>
  rolesIn(actor, organisationId)?.some((r) => roles.includes(r)) ?? false;

/** The roles that decide milestones; granting them is kept from those who are not accountable for the organisation. */
export const DECIDING_ROLES = ["verksamhetsagare", "styrgrupp"] as const satisfies readonly OrganisationRole[];

/** What a projektledare staffs her team with; every other role is granted by an administratör or a verksamhetsägare. */
const TEAM_ROLES = ["deltagare", "lasare"] as const satisfies readonly OrganisationRole[];

/**
 * Which roles the actor may grant (or take away) in an organisation: every role for a system
 * administrator, the organisation's administratör and its verksamhetsägare; deltagare and läsare
 * for a projektledare; none for anyone else. Granting is explicit so that nobody can make
 * themselves a decider through a role someone else is trusted to hand out.
 */
export function grantableRoles(actor: Actor, organisationId: string): readonly OrganisationRole[] {
  if (isAdmin(actor) || hasRole(actor, organisationId, ["administrator", "verksamhetsagare"])) return ORGANISATION_ROLES;
  if (hasRole(actor, organisationId, ["projektledare"])) return TEAM_ROLES;
  return [];
}

/**
 * Throws unless the actor may change someone's roles in the organisation from `before` to
 * `after` (an invitation is `[]` → roles, a removal roles → `[]`): every role added or taken away
 * must be one the actor grants, and nobody changes their own membership.
 */
export function authorizeRoleChange(
  actor: Actor,
  change: { organisationId: string; userId: string | null; before: readonly OrganisationRole[]; after: readonly OrganisationRole[] },
): void {
  authorize(actor, { action: "members:manage", organisationId: change.organisationId });
  if (change.userId === actor.userId) {
    throw new DomainError("SELF_ROLE_CHANGE", "nobody changes their own roles: ask an administratör or a verksamhetsägare");
  }
  const grantable = grantableRoles(actor, change.organisationId);
  const touched = [...change.after.filter((r) => !change.before.includes(r)), ...change.before.filter((r) => !change.after.includes(r))];
  const refused = touched.filter((r) => !grantable.includes(r));
  if (refused.length) {
    throw new DomainError("ROLE_NOT_GRANTABLE", `your roles do not let you grant or take away: ${refused.join(", ")}`, {
      fields: [{ path: ["roles"], code: "role_not_grantable", message: `not grantable by you: ${refused.join(", ")}` }],
    });
  }
}

/**
 * Who decides a milestone, per the method's "Beslutas av": a person who holds the deciding role in
 * the organisation (verksamhetsägare at milestone I, styrgrupp at II–VIII) **and** is named among
 * the initiative's deciders. Holding the role alone is not enough (another initiative's styrgrupp
 * does not decide this one), and being named alone is not enough (a läsare named by mistake, or a
 * projektledare who named herself, does not decide).
 */
export function mayDecide(
  actor: Actor,
  decidedBy: "verksamhetsagare" | "styrgrupp",
  initiative: { organisationId: string; steeringGroup: readonly string[] },
): boolean {
  return initiative.steeringGroup.includes(actor.userId) && hasRole(actor, initiative.organisationId, [decidedBy]);
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
