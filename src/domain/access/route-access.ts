import { ORGANISATION_ROLES, type OrganisationRole } from "./roles.ts";

/**
 * Who gets what from every route, written down once: the expectations that policy.ts and the
 * routes together must add up to. tests/integration/route-access-matrix.test.ts sends every
 * registered route (API and pages) as every actor class below, aimed at objects of organisation A,
 * and compares the class of the answer with this table. A route served without an entry here, or
 * an entry for a route that is no longer served, fails that test; so does any difference.
 *
 * Entries state today's behaviour. Where today's behaviour looks wrong, the entry says so with
 * `ISSUE-8:` and keeps today's answer until the fix changes both the code and the entry.
 */

/** The class of an answer, whatever its exact status. */
export type Answer =
  /** 2xx, or a redirect anywhere but to the login page. */
  | "allow"
  /** 403: the caller may see the organisation but lacks the role. */
  | "forbidden"
  /** 404: the caller may not even learn that the object exists. */
  | "hidden"
  /** 401 on the API; a page redirects to /login?next=… */
  | "unauthenticated";

type PerRole = Readonly<Record<OrganisationRole, Answer>>;

export type RouteRule = {
  readonly anonymous: Answer;
  /** A member of the organisation that owns the object, one answer per organisation role (or one for all). */
  readonly own: Answer | PerRole;
  /** A member of another organisation, per role (or one for all). */
  readonly other: Answer | PerRole;
  readonly forvaltningsgrupp: Answer;
  /** The system administrator. */
  readonly admin: Answer;
};

export type ActorClass =
  | { readonly kind: "anonymous" | "forvaltningsgrupp" | "admin" }
  | { readonly kind: "own" | "other"; readonly role: OrganisationRole };

/**
 * The matrix's columns: every organisation role, in the owning organisation and in another one.
 * A role added to ORGANISATION_ROLES becomes two columns here by itself; name it in `only(…)` of
 * the rules it is allowed by, and the matrix holds everything else forbidden for it.
 */
export const ACTOR_CLASSES: readonly ActorClass[] = [
  { kind: "anonymous" },
  ...ORGANISATION_ROLES.map((role) => ({ kind: "own" as const, role })),
  ...ORGANISATION_ROLES.map((role) => ({ kind: "other" as const, role })),
  { kind: "forvaltningsgrupp" },
  { kind: "admin" },
];

export const actorClassName = (a: ActorClass) => ("role" in a ? `${a.kind}:${a.role}` : a.kind);

export function expectedAnswer(rule: RouteRule, actor: ActorClass): Answer {
  if (!("role" in actor)) return rule[actor.kind];
  const answer = rule[actor.kind];
  return typeof answer === "string" ? answer : answer[actor.role];
}

/** These roles are allowed; every other role, including one added later, is forbidden. */
const only = (...allowed: OrganisationRole[]): PerRole =>
  Object.fromEntries(ORGANISATION_ROLES.map((r) => [r, allowed.includes(r) ? "allow" : "forbidden"])) as PerRole;

/** No login needed: the method, the login and invitation forms, static files. */
const PUBLIC: RouteRule = { anonymous: "allow", own: "allow", other: "allow", forvaltningsgrupp: "allow", admin: "allow" };

/** Anyone logged in, about their own account or what is addressed to them; the answer is scoped to the caller. */
const SIGNED_IN: RouteRule = { anonymous: "unauthenticated", own: "allow", other: "allow", forvaltningsgrupp: "allow", admin: "allow" };

/** The installation's administration (organisation:create, audit:read, outbox:read). */
const ADMIN_ONLY: RouteRule = {
  anonymous: "unauthenticated",
  own: "forbidden",
  other: "forbidden",
  forvaltningsgrupp: "forbidden",
  admin: "allow",
};

/**
 * Reading an organisation, its members and its initiatives, documents in utkast and their files
 * included: every member, the förvaltningsgrupp and admin (policy.ts: the förvaltningsgrupp
 * "reads across them").
 */
const ANY_MEMBER_READ: RouteRule = {
  anonymous: "unauthenticated",
  own: "allow",
  other: "hidden",
  forvaltningsgrupp: "allow",
  admin: "allow",
};

/**
 * members:manage: those who grant some role (grantableRoles in policy.ts). The matrix's changes are
 * to a läsare, which each of them may grant; which roles each may grant is pinned in policy.test.ts
 * and tests/integration/role-grants.test.ts, and nobody changes her own membership.
 */
const MEMBERS_MANAGE: RouteRule = {
  anonymous: "unauthenticated",
  own: only("projektledare", "verksamhetsagare", "administrator"),
  other: "hidden",
  forvaltningsgrupp: "forbidden",
  admin: "allow",
};

/** organisation:settings: how the organisation works is for its administratör and verksamhetsägare (and admin). */
const ORGANISATION_SETTINGS: RouteRule = {
  anonymous: "unauthenticated",
  own: only("verksamhetsagare", "administrator"),
  other: "hidden",
  forvaltningsgrupp: "forbidden",
  admin: "allow",
};

/** initiative:create in the organisation the request names. */
const INITIATIVE_CREATE: RouteRule = {
  anonymous: "unauthenticated",
  own: only("projektledare"),
  other: "hidden",
  forvaltningsgrupp: "forbidden",
  admin: "forbidden",
};

/** initiative:create in the session's active organisation, whichever that is: another organisation's projektledare gets her own. */
const ACTIVE_ORGANISATION_CREATE: RouteRule = {
  anonymous: "unauthenticated",
  own: only("projektledare"),
  other: only("projektledare"),
  forvaltningsgrupp: "forbidden",
  admin: "forbidden",
};

/** initiative:work: the team's activities, documents and decision preparations. */
const TEAM_WORK: RouteRule = {
  anonymous: "unauthenticated",
  own: only("projektledare", "deltagare", "verksamhetsagare"),
  other: "hidden",
  forvaltningsgrupp: "forbidden",
  admin: "forbidden",
};

/**
 * A verdict on a review: the member asked, whatever their role (the matrix asks each caller of the
 * owning organisation); anyone not asked is refused (tests/integration/document-reviews.test.ts).
 * The förvaltningsgrupp and the administrator read the document but are never asked.
 */
const REVIEWER: RouteRule = {
  anonymous: "unauthenticated",
  own: "allow",
  other: "hidden",
  forvaltningsgrupp: "forbidden",
  admin: "forbidden",
};

/** Fastställa a document: the team, and of the team only the projektledare and the verksamhetsägare (deliverable-status.ts). */
const APPROVE: RouteRule = { ...TEAM_WORK, own: only("projektledare", "verksamhetsagare") };

/**
 * Deciding milestone II (the matrix's milestone; III–VIII alike): a member with the styrgrupp role
 * who is named in the initiative's styrgrupp (mayDecide). The verksamhetsägare, named too, decides
 * milestone I only.
 */
const DECIDE: RouteRule = {
  anonymous: "unauthenticated",
  own: only("styrgrupp"),
  other: "hidden",
  forvaltningsgrupp: "forbidden",
  admin: "forbidden",
};

/**
 * condition:mark-met: the projektledare, or the member chosen as the condition's owner (the
 * matrix's condition is owned by a member outside the matrix's callers, so only the projektledare
 * shows here; tests/integration/conditions.test.ts pins the owner).
 */
const CONDITION_FOLLOW_UP: RouteRule = {
  anonymous: "unauthenticated",
  own: only("projektledare"),
  other: "hidden",
  forvaltningsgrupp: "forbidden",
  admin: "forbidden",
};

/** sandbox:use: those who build the integration. */
const SANDBOX_USE: RouteRule = {
  anonymous: "unauthenticated",
  own: only("projektledare", "deltagare"),
  other: "hidden",
  forvaltningsgrupp: "forbidden",
  admin: "forbidden",
};

/**
 * An invitation link: whoever holds it, signed out, accepts it (the owner of the mailbox); anyone
 * signed in as another address is refused, so a link cannot add someone else's account.
 */
const INVITATION_LINK: RouteRule = {
  anonymous: "allow",
  own: "forbidden",
  other: "forbidden",
  forvaltningsgrupp: "forbidden",
  admin: "forbidden",
};

/**
 * A communication marked read by its recipient (the matrix's is A's message to the förvaltningsgrupp):
 * only the förvaltningsgrupp receives it. The sending organisation is not a recipient of what it sends
 * others, so its members are answered as for an id that does not exist.
 */
const FORVALTNINGSGRUPP_INBOX: RouteRule = {
  anonymous: "unauthenticated",
  own: "hidden",
  other: "hidden",
  forvaltningsgrupp: "allow",
  // The administrator reads the inbox but does not acknowledge for the förvaltningsgrupp.
  admin: "hidden",
};

/** initiative:publish: the organisation lets the open-data export list an initiative (issue 14). */
const INITIATIVE_PUBLISH: RouteRule = {
  anonymous: "unauthenticated",
  own: only("projektledare", "verksamhetsagare", "administrator"),
  other: "hidden",
  forvaltningsgrupp: "forbidden",
  admin: "forbidden",
};

/** portfolio:read: the förvaltningsgrupp's view across organisations; not the administrator's (issue 14). */
const PORTFOLIO: RouteRule = {
  anonymous: "unauthenticated",
  own: "forbidden",
  other: "forbidden",
  forvaltningsgrupp: "allow",
  admin: "forbidden",
};

/** Reporting rounds (issue 14): opened, closed and followed by the förvaltningsgrupp alone; the administrator runs the installation, not the rounds. */
const REPORTING_MANAGE: RouteRule = {
  anonymous: "unauthenticated",
  own: "forbidden",
  other: "forbidden",
  forvaltningsgrupp: "allow",
  admin: "forbidden",
};

/** A round read: the förvaltningsgrupp, and any projektledare, who sees only her own organisations' initiatives in it. */
const REPORTING_READ_ROUND: RouteRule = {
  anonymous: "unauthenticated",
  own: only("projektledare"),
  other: only("projektledare"),
  forvaltningsgrupp: "allow",
  admin: "forbidden",
};

/** Submitting an initiative's report: its organisation's projektledare; the förvaltningsgrupp and the administrator read, never submit. */
const REPORTING_SUBMIT: RouteRule = {
  anonymous: "unauthenticated",
  own: only("projektledare"),
  other: "hidden",
  forvaltningsgrupp: "forbidden",
  admin: "forbidden",
};

/** A submitted report: the förvaltningsgrupp and every member of the organisation; the administrator sees the organisation, not its reports. */
const REPORTING_READ_SUBMISSION: RouteRule = {
  anonymous: "unauthenticated",
  own: "allow",
  other: "hidden",
  forvaltningsgrupp: "allow",
  admin: "forbidden",
};

/**
 * Every route the app serves, `METHOD path` as Fastify registers it, each exactly once (a
 * duplicate key does not compile). Object ids in the paths are organisation A's.
 */
export const ROUTE_ACCESS: Readonly<Record<string, RouteRule>> = {
  // System and static files
  "GET /healthz": PUBLIC,
  "GET /livez": PUBLIC,
  "GET /api/openapi.json": PUBLIC,
  "GET /assets/*": PUBLIC,
  "GET /favicon.ico": PUBLIC,
  "GET /api/v1/method": PUBLIC,
  "GET /method": PUBLIC,
  "GET /method/phases/:number": PUBLIC,
  "GET /method/milestones/:numeral": PUBLIC,
  "GET /method/deliverables/:id": PUBLIC,
  "GET /accessibility": PUBLIC,

  // Identity: login, the caller's own account, invitations
  "POST /api/v1/auth/login": PUBLIC,
  "POST /api/v1/auth/logout": SIGNED_IN,
  "GET /api/v1/me": SIGNED_IN,
  "PATCH /api/v1/me": SIGNED_IN,
  "GET /api/v1/me/tokens": SIGNED_IN,
  "POST /api/v1/me/tokens": SIGNED_IN,
  // The caller's own token; another user's is 404 to everyone (tenant-isolation.test.ts).
  "DELETE /api/v1/me/tokens/:tokenId": SIGNED_IN,
  "POST /api/v1/invitations/:token/accept": INVITATION_LINK,
  "GET /api/v1/invitations/:token": PUBLIC,
  "GET /login": PUBLIC,
  "POST /login": PUBLIC,
  "POST /logout": PUBLIC,
  "GET /": SIGNED_IN,
  "POST /language": PUBLIC,
  "POST /session/organisation": ANY_MEMBER_READ,
  "GET /settings": SIGNED_IN,
  "POST /settings/language": SIGNED_IN,
  "POST /settings/tokens": SIGNED_IN,
  "POST /settings/tokens/:tokenId/revoke": SIGNED_IN,
  "GET /invitation/:token": INVITATION_LINK,
  "POST /invitation/:token": INVITATION_LINK,

  // Signing in with an organisation's identity provider (issue 15): the start and the callback are
  // the login's own pages; linking one's identity is the account page's; the providers are the admin's.
  "GET /login/oidc/:providerId": PUBLIC,
  "GET /login/oidc/callback": PUBLIC,
  "POST /settings/identities/:providerId": SIGNED_IN,
  "GET /admin/identity-providers": ADMIN_ONLY,
  "POST /admin/identity-providers": ADMIN_ONLY,
  "POST /admin/identity-providers/:providerId/enabled": ADMIN_ONLY,
  "POST /admin/identity-providers/:providerId/remove": ADMIN_ONLY,
  "GET /admin/identity-providers/:providerId": ADMIN_ONLY,
  "POST /admin/identity-providers/:providerId": ADMIN_ONLY,
  "POST /admin/identity-providers/:providerId/mappings": ADMIN_ONLY,
  "POST /admin/identity-providers/:providerId/mappings/:mappingId/remove": ADMIN_ONLY,
  "POST /admin/identity-providers/:providerId/link-grants": ADMIN_ONLY,
  "POST /admin/identity-providers/:providerId/link-grants/:userId/revoke": ADMIN_ONLY,
  "POST /admin/identity-providers/:providerId/identities/unlink": ADMIN_ONLY,

  // Organisations and members
  "GET /api/v1/organisations": SIGNED_IN,
  "POST /api/v1/organisations": ADMIN_ONLY,
  "GET /api/v1/organisations/:organisationId": ANY_MEMBER_READ,
  "PATCH /api/v1/organisations/:organisationId": ORGANISATION_SETTINGS,
  "PUT /api/v1/organisations/:organisationId/sign-in-provider": ORGANISATION_SETTINGS,
  "GET /api/v1/organisations/:organisationId/members": ANY_MEMBER_READ,
  // An invitation: nobody joins until she accepts through the link mailed to her.
  "POST /api/v1/organisations/:organisationId/members": MEMBERS_MANAGE,
  "PUT /api/v1/organisations/:organisationId/members/:userId": MEMBERS_MANAGE,
  "DELETE /api/v1/organisations/:organisationId/members/:userId": MEMBERS_MANAGE,
  "GET /api/v1/organisations/:organisationId/invitations": MEMBERS_MANAGE,
  "DELETE /api/v1/organisations/:organisationId/invitations/:invitationId": MEMBERS_MANAGE,
  "GET /organisations": SIGNED_IN,
  "GET /organisations/new": ADMIN_ONLY,
  "POST /organisations": ADMIN_ONLY,
  "GET /organisations/:organisationId": ANY_MEMBER_READ,
  "POST /organisations/:organisationId/settings": ORGANISATION_SETTINGS,
  "POST /organisations/:organisationId/sign-in-provider": ORGANISATION_SETTINGS,
  "GET /organisations/:organisationId/members/invite": MEMBERS_MANAGE,
  "POST /organisations/:organisationId/members/invite": MEMBERS_MANAGE,
  "GET /organisations/:organisationId/members/:userId": MEMBERS_MANAGE,
  "POST /organisations/:organisationId/members/:userId": MEMBERS_MANAGE,
  "POST /organisations/:organisationId/members/:userId/remove": MEMBERS_MANAGE,
  "POST /organisations/:organisationId/invitations/:invitationId/withdraw": MEMBERS_MANAGE,

  // Administration
  "GET /api/v1/audit": ADMIN_ONLY,
  "GET /api/v1/audit/verify": ADMIN_ONLY,
  "GET /api/v1/outbox": ADMIN_ONLY,
  "GET /admin/audit": ADMIN_ONLY,
  "GET /admin/outbox": ADMIN_ONLY,

  // Initiatives and activities
  "GET /api/v1/initiatives": ANY_MEMBER_READ,
  // The body may name only members holding the styrgrupp role as the styrgrupp (400 not_decider otherwise).
  "POST /api/v1/initiatives": INITIATIVE_CREATE,
  "GET /api/v1/initiatives/:initiativeId": ANY_MEMBER_READ,
  "PUT /api/v1/initiatives/:initiativeId/activities/:activityId": TEAM_WORK,
  "GET /initiatives": SIGNED_IN,
  "GET /initiatives/new": ACTIVE_ORGANISATION_CREATE,
  "POST /initiatives/new": INITIATIVE_CREATE,
  "GET /initiatives/:initiativeId": ANY_MEMBER_READ,
  "GET /initiatives/:initiativeId/activities/:activityId": TEAM_WORK,
  "POST /initiatives/:initiativeId/activities/:activityId": TEAM_WORK,

  // Deliverables (documents) and their files
  "POST /api/v1/initiatives/:initiativeId/deliverables": TEAM_WORK,
  "GET /api/v1/deliverables/:deliverableId": ANY_MEMBER_READ,
  "PUT /api/v1/deliverables/:deliverableId/sections": TEAM_WORK,
  // To fastställd; för granskning and back to utkast are TEAM_WORK.
  "POST /api/v1/deliverables/:deliverableId/status": APPROVE,
  "GET /api/v1/deliverables/:deliverableId/export": ANY_MEMBER_READ,
  "GET /api/v1/deliverables/:deliverableId/diff": ANY_MEMBER_READ,
  "POST /api/v1/deliverables/:deliverableId/reviews": TEAM_WORK,
  "POST /api/v1/reviews/:reviewId/verdict": REVIEWER,
  "GET /api/v1/deliverables/:deliverableId/comments": ANY_MEMBER_READ,
  "POST /api/v1/deliverables/:deliverableId/comments": TEAM_WORK,
  "POST /api/v1/comments/:commentId/resolve": TEAM_WORK,
  "POST /initiatives/:initiativeId/deliverables": TEAM_WORK,
  "GET /deliverables/:deliverableId": ANY_MEMBER_READ,
  "POST /deliverables/:deliverableId": TEAM_WORK,
  "POST /deliverables/:deliverableId/status": APPROVE,
  "GET /deliverables/:deliverableId/faststall": APPROVE,
  "GET /deliverables/:deliverableId/compare": ANY_MEMBER_READ,
  "POST /deliverables/:deliverableId/reviews": TEAM_WORK,
  "POST /reviews/:reviewId/verdict": REVIEWER,
  "POST /deliverables/:deliverableId/comments": TEAM_WORK,
  "POST /comments/:commentId/resolve": TEAM_WORK,
  "GET /deliverables/:deliverableId/export.docx": ANY_MEMBER_READ,
  "GET /deliverables/:deliverableId/export.pdf": ANY_MEMBER_READ,

  // Attachments (issue 13): uploads are the team's work; on a decision also its milestone's deciders (the matrix's
  // decision is milestone I's, whose decider, the verksamhetsägare, is in the team anyway).
  "POST /api/v1/deliverables/:deliverableId/attachments": TEAM_WORK,
  "GET /api/v1/deliverables/:deliverableId/attachments": ANY_MEMBER_READ,
  "POST /api/v1/decisions/:decisionId/attachments": TEAM_WORK,
  "GET /api/v1/decisions/:decisionId/attachments": ANY_MEMBER_READ,
  "GET /api/v1/attachments/:attachmentId": ANY_MEMBER_READ,
  "POST /deliverables/:deliverableId/attachments": TEAM_WORK,
  "GET /decisions/:decisionId/attachments": ANY_MEMBER_READ,
  "POST /decisions/:decisionId/attachments": TEAM_WORK,
  "GET /attachments/:attachmentId": ANY_MEMBER_READ,

  // Milestones and decisions
  "PUT /api/v1/initiatives/:initiativeId/milestones/:numeral/decision-points/:decisionPointId/preparation": TEAM_WORK,
  "GET /api/v1/initiatives/:initiativeId/milestones/:numeral/readiness": ANY_MEMBER_READ,
  "GET /api/v1/initiatives/:initiativeId/milestones/:numeral/decisions": ANY_MEMBER_READ,
  "GET /api/v1/initiatives/:initiativeId/milestones/:numeral/package.docx": ANY_MEMBER_READ,
  "GET /api/v1/initiatives/:initiativeId/milestones/:numeral/package.pdf": ANY_MEMBER_READ,
  "POST /api/v1/initiatives/:initiativeId/milestones/:numeral/decision": DECIDE,
  "GET /initiatives/:initiativeId/milestones/:numeral": ANY_MEMBER_READ,
  "GET /initiatives/:initiativeId/milestones/:numeral/package.docx": ANY_MEMBER_READ,
  "GET /initiatives/:initiativeId/milestones/:numeral/package.pdf": ANY_MEMBER_READ,
  "POST /initiatives/:initiativeId/milestones/:numeral/preparations": TEAM_WORK,
  "GET /initiatives/:initiativeId/milestones/:numeral/decide": DECIDE,
  "POST /initiatives/:initiativeId/milestones/:numeral/decide": DECIDE,

  // My tasks, conditions' follow-up and planned decision days
  "GET /api/v1/me/tasks": SIGNED_IN,
  "GET /api/v1/initiatives/:initiativeId/conditions": ANY_MEMBER_READ,
  "GET /api/v1/decisions/:decisionId/conditions/:conditionIndex": ANY_MEMBER_READ,
  "POST /api/v1/decisions/:decisionId/conditions/:conditionIndex/met": CONDITION_FOLLOW_UP,
  "PUT /api/v1/initiatives/:initiativeId/milestones/:numeral/plan": TEAM_WORK,
  "GET /decisions/:decisionId/conditions/:conditionIndex": ANY_MEMBER_READ,
  "POST /decisions/:decisionId/conditions/:conditionIndex": CONDITION_FOLLOW_UP,
  "POST /initiatives/:initiativeId/milestones/:numeral/plan": TEAM_WORK,

  // Samverkansparter: read with the initiative, named by its team
  "GET /api/v1/initiatives/:initiativeId/partners": ANY_MEMBER_READ,
  "POST /api/v1/initiatives/:initiativeId/partners": TEAM_WORK,
  "DELETE /api/v1/initiatives/:initiativeId/partners/:partnerId": TEAM_WORK,
  "GET /initiatives/:initiativeId/partners": ANY_MEMBER_READ,
  "POST /initiatives/:initiativeId/partners": TEAM_WORK,
  "POST /initiatives/:initiativeId/partners/:partnerId/delete": TEAM_WORK,

  // Meddelandeflöden: read with the initiative, registered and changed by its team
  "GET /api/v1/initiatives/:initiativeId/flows": ANY_MEMBER_READ,
  "GET /api/v1/initiatives/:initiativeId/forecast": ANY_MEMBER_READ,
  "POST /api/v1/initiatives/:initiativeId/flows": TEAM_WORK,
  "POST /api/v1/initiatives/:initiativeId/flows/import": TEAM_WORK,
  "GET /api/v1/initiatives/:initiativeId/forecast.csv": ANY_MEMBER_READ,
  "GET /api/v1/initiatives/:initiativeId/forecast.xlsx": ANY_MEMBER_READ,
  "GET /api/v1/flows/import-template.csv": PUBLIC,
  "GET /api/v1/flows/import-template.xlsx": PUBLIC,
  "GET /initiatives/:initiativeId/flows/import": TEAM_WORK,
  "POST /initiatives/:initiativeId/flows/import": TEAM_WORK,
  "POST /initiatives/:initiativeId/flows/import/commit": TEAM_WORK,
  "GET /api/v1/flows/:flowId": ANY_MEMBER_READ,
  "PUT /api/v1/flows/:flowId": TEAM_WORK,
  "DELETE /api/v1/flows/:flowId": TEAM_WORK,
  "GET /initiatives/:initiativeId/flows": ANY_MEMBER_READ,
  "GET /initiatives/:initiativeId/flows/new": TEAM_WORK,
  "POST /initiatives/:initiativeId/flows/new": TEAM_WORK,
  "GET /flows/:flowId": ANY_MEMBER_READ,
  "POST /flows/:flowId": TEAM_WORK,
  "GET /flows/:flowId/delete": TEAM_WORK,
  "POST /flows/:flowId/delete": TEAM_WORK,
  "GET /initiatives/:initiativeId/forecast": ANY_MEMBER_READ,
  "GET /initiatives/:initiativeId/plan": ANY_MEMBER_READ,
  "GET /initiatives/:initiativeId/forecast.csv": ANY_MEMBER_READ,
  "GET /initiatives/:initiativeId/forecast.xlsx": ANY_MEMBER_READ,

  // Business case: read with the initiative, stated by its team
  "GET /api/v1/initiatives/:initiativeId/business-case": ANY_MEMBER_READ,
  "PUT /api/v1/initiatives/:initiativeId/business-case": TEAM_WORK,
  "PUT /api/v1/initiatives/:initiativeId/business-case/effect-chain": TEAM_WORK,
  "GET /initiatives/:initiativeId/business-case": ANY_MEMBER_READ,
  "POST /initiatives/:initiativeId/business-case": TEAM_WORK,
  "GET /initiatives/:initiativeId/business-case.xlsx": ANY_MEMBER_READ,
  "GET /initiatives/:initiativeId/business-case/effect-chain": ANY_MEMBER_READ,
  "POST /initiatives/:initiativeId/business-case/effect-chain/nodes": TEAM_WORK,
  "POST /initiatives/:initiativeId/business-case/effect-chain/nodes/delete": TEAM_WORK,
  "POST /initiatives/:initiativeId/business-case/effect-chain/links": TEAM_WORK,
  "POST /initiatives/:initiativeId/business-case/effect-chain/links/delete": TEAM_WORK,

  // Risk register: read with the initiative, kept by its team
  "GET /api/v1/initiatives/:initiativeId/risks": ANY_MEMBER_READ,
  "POST /api/v1/initiatives/:initiativeId/risks": TEAM_WORK,
  "GET /api/v1/risks/:riskId": ANY_MEMBER_READ,
  "PUT /api/v1/risks/:riskId": TEAM_WORK,
  "DELETE /api/v1/risks/:riskId": TEAM_WORK,
  "GET /initiatives/:initiativeId/risks": ANY_MEMBER_READ,
  "GET /initiatives/:initiativeId/risks/new": TEAM_WORK,
  "POST /initiatives/:initiativeId/risks/new": TEAM_WORK,
  "GET /risks/:riskId": ANY_MEMBER_READ,
  "POST /risks/:riskId": TEAM_WORK,
  "GET /risks/:riskId/delete": TEAM_WORK,
  "POST /risks/:riskId/delete": TEAM_WORK,

  // Reserve-operation plans (reservdrift): read with the initiative, kept by its team
  "GET /api/v1/initiatives/:initiativeId/reserve-plans": ANY_MEMBER_READ,
  "POST /api/v1/initiatives/:initiativeId/reserve-plans": TEAM_WORK,
  "GET /api/v1/reserve-plans/:planId": ANY_MEMBER_READ,
  "PUT /api/v1/reserve-plans/:planId": TEAM_WORK,
  "DELETE /api/v1/reserve-plans/:planId": TEAM_WORK,
  "GET /initiatives/:initiativeId/reserve-plans": ANY_MEMBER_READ,
  "POST /initiatives/:initiativeId/reserve-plans": TEAM_WORK,
  "GET /reserve-plans/:planId": TEAM_WORK,
  "POST /reserve-plans/:planId": TEAM_WORK,
  "GET /reserve-plans/:planId/delete": TEAM_WORK,
  "POST /reserve-plans/:planId/delete": TEAM_WORK,

  // Nyttorealiseringsplan: read with the initiative, kept and measured by its team
  "GET /api/v1/initiatives/:initiativeId/benefits": ANY_MEMBER_READ,
  "POST /api/v1/initiatives/:initiativeId/benefits": TEAM_WORK,
  "GET /api/v1/initiatives/:initiativeId/benefits/evaluation": ANY_MEMBER_READ,
  "GET /api/v1/benefits/:benefitId": ANY_MEMBER_READ,
  "PUT /api/v1/benefits/:benefitId": TEAM_WORK,
  "DELETE /api/v1/benefits/:benefitId": TEAM_WORK,
  "POST /api/v1/benefits/:benefitId/measurements": TEAM_WORK,
  "DELETE /api/v1/benefits/:benefitId/measurements/:measurementId": TEAM_WORK,
  "POST /api/v1/benefits/:benefitId/measurements/import": TEAM_WORK,
  "GET /initiatives/:initiativeId/benefits": ANY_MEMBER_READ,
  "GET /initiatives/:initiativeId/benefits/new": TEAM_WORK,
  "POST /initiatives/:initiativeId/benefits/new": TEAM_WORK,
  "GET /benefits/:benefitId": ANY_MEMBER_READ,
  "POST /benefits/:benefitId": TEAM_WORK,
  "POST /benefits/:benefitId/measurements": TEAM_WORK,
  "POST /benefits/:benefitId/measurements/:measurementId/delete": TEAM_WORK,
  "POST /benefits/:benefitId/gap-analysis": TEAM_WORK,
  "GET /benefits/:benefitId/delete": TEAM_WORK,
  "POST /benefits/:benefitId/delete": TEAM_WORK,
  "GET /benefits/:benefitId/measurements/import": TEAM_WORK,
  "POST /benefits/:benefitId/measurements/import": TEAM_WORK,
  "POST /benefits/:benefitId/measurements/import/commit": TEAM_WORK,

  // Forecast versions and actuals: read with the initiative, saved and entered by its team
  "GET /api/v1/initiatives/:initiativeId/forecast/versions": ANY_MEMBER_READ,
  "POST /api/v1/initiatives/:initiativeId/forecast/versions": TEAM_WORK,
  "GET /api/v1/initiatives/:initiativeId/forecast/versions/:versionId": ANY_MEMBER_READ,
  "GET /api/v1/initiatives/:initiativeId/forecast/compare": ANY_MEMBER_READ,
  "GET /api/v1/flows/:flowId/actuals": ANY_MEMBER_READ,
  "PUT /api/v1/flows/:flowId/actuals": TEAM_WORK,
  "POST /api/v1/initiatives/:initiativeId/actuals/import": TEAM_WORK,
  "GET /api/v1/actuals/import-template.csv": PUBLIC,
  "GET /initiatives/:initiativeId/actuals/import": TEAM_WORK,
  "POST /initiatives/:initiativeId/actuals/import": TEAM_WORK,
  "POST /initiatives/:initiativeId/actuals/import/commit": TEAM_WORK,
  "GET /api/v1/initiatives/:initiativeId/actuals": ANY_MEMBER_READ,
  "GET /initiatives/:initiativeId/forecast/versions": ANY_MEMBER_READ,
  "POST /initiatives/:initiativeId/forecast/versions": TEAM_WORK,
  "GET /initiatives/:initiativeId/forecast/compare": ANY_MEMBER_READ,
  "GET /flows/:flowId/actuals": ANY_MEMBER_READ,
  "POST /flows/:flowId/actuals": TEAM_WORK,
  "GET /api/v1/initiatives/:initiativeId/flow-settings": ANY_MEMBER_READ,
  "PUT /api/v1/initiatives/:initiativeId/flow-settings": TEAM_WORK,
  "GET /api/v1/initiatives/:initiativeId/flows/priorities": ANY_MEMBER_READ,

  // Connection-tactic alternatives: read with the initiative, compared and recommended by its team
  "GET /api/v1/initiatives/:initiativeId/tactics": ANY_MEMBER_READ,
  "POST /api/v1/initiatives/:initiativeId/tactics": TEAM_WORK,
  "GET /api/v1/tactics/:alternativeId": ANY_MEMBER_READ,
  "PUT /api/v1/tactics/:alternativeId": TEAM_WORK,
  "DELETE /api/v1/tactics/:alternativeId": TEAM_WORK,
  "GET /initiatives/:initiativeId/tactics": ANY_MEMBER_READ,
  "POST /initiatives/:initiativeId/tactics": TEAM_WORK,
  "GET /initiatives/:initiativeId/tactics/:alternativeId": TEAM_WORK,
  "POST /initiatives/:initiativeId/tactics/:alternativeId": TEAM_WORK,
  "POST /initiatives/:initiativeId/tactics/:alternativeId/delete": TEAM_WORK,
  "GET /initiatives/:initiativeId/flows/priorities": ANY_MEMBER_READ,
  "POST /initiatives/:initiativeId/flows/priorities/weights": TEAM_WORK,
  "GET /initiatives/:initiativeId/flows/priorities/:flowId": TEAM_WORK,
  "POST /initiatives/:initiativeId/flows/priorities/:flowId": TEAM_WORK,
  "GET /initiatives/:initiativeId/flow-settings": ANY_MEMBER_READ,
  "POST /initiatives/:initiativeId/flow-settings": TEAM_WORK,

  // The förvaltningsgrupp's portfolio (issue 14)
  "GET /api/v1/portfolio": PORTFOLIO,
  "GET /api/v1/portfolio.csv": PORTFOLIO,
  "GET /api/v1/portfolio.xlsx": PORTFOLIO,
  "GET /api/v1/portfolio/forecast": PORTFOLIO,
  "GET /api/v1/portfolio/metrics": PORTFOLIO,
  "GET /portfolio": PORTFOLIO,
  "GET /portfolio/plan": PORTFOLIO,
  "GET /portfolio.csv": PORTFOLIO,
  "GET /portfolio.xlsx": PORTFOLIO,
  // Benefits nationally (issue 14)
  "GET /api/v1/portfolio/benefits": PORTFOLIO,
  "GET /portfolio/benefits": PORTFOLIO,
  // The national volume plan (issue 14)
  "GET /api/v1/portfolio/volume-plan": PORTFOLIO,
  "GET /api/v1/portfolio/volume-plan.csv": PORTFOLIO,
  "PUT /api/v1/initiatives/:initiativeId/open-data": INITIATIVE_PUBLISH,
  "POST /initiatives/:initiativeId/open-data": INITIATIVE_PUBLISH,
  // Open data (CC0): only what organisations marked publishable, for anyone.
  "GET /api/v1/open-data/connections.json": PUBLIC,
  "GET /api/v1/open-data/connections.csv": PUBLIC,
  // Reporting rounds (issue 14)
  "POST /api/v1/reporting-rounds": REPORTING_MANAGE,
  "GET /api/v1/reporting-rounds": REPORTING_READ_ROUND,
  "GET /api/v1/reporting-rounds/:roundId": REPORTING_READ_ROUND,
  "POST /api/v1/reporting-rounds/:roundId/close": REPORTING_MANAGE,
  "POST /api/v1/reporting-rounds/:roundId/submissions": REPORTING_SUBMIT,
  "GET /api/v1/reporting-rounds/:roundId/submissions/:submissionId": REPORTING_READ_SUBMISSION,
  "GET /reporting-rounds": REPORTING_MANAGE,
  "POST /reporting-rounds": REPORTING_MANAGE,
  "GET /reporting-rounds/:roundId": REPORTING_MANAGE,
  "POST /reporting-rounds/:roundId/close": REPORTING_MANAGE,
  "GET /reporting-rounds/:roundId/submissions/:submissionId": REPORTING_READ_SUBMISSION,
  "GET /initiatives/:initiativeId/reporting": ANY_MEMBER_READ,
  "POST /initiatives/:initiativeId/reporting/:roundId": REPORTING_SUBMIT,

  // Communications
  "GET /api/v1/communications": SIGNED_IN,
  "POST /api/v1/communications/:communicationId/read": FORVALTNINGSGRUPP_INBOX,
  "GET /inbox": SIGNED_IN,
  "POST /inbox/:communicationId/read": FORVALTNINGSGRUPP_INBOX,
  // Answering: the förvaltningsgrupp on its own copy; the administrator reads but does not answer for it.
  "POST /api/v1/communications/:communicationId/answers": FORVALTNINGSGRUPP_INBOX,
  "POST /inbox/:communicationId/answers": FORVALTNINGSGRUPP_INBOX,

  // The sandbox: validator, test CA, certificates, environment, own recipients, trusted CAs.
  // The validator holds no tenant data, so every signed-in caller may use it, a läsare too: only
  // its own limits stand between one upload and everyone's response times (issue 8, serious 3).
  "POST /api/v1/sandbox/validate": SIGNED_IN,
  "GET /sandbox/validate": SIGNED_IN,
  "POST /sandbox/validate": SIGNED_IN,
  "GET /api/v1/sandbox/ca.pem": SIGNED_IN,
  "GET /sandbox/ca.pem": SIGNED_IN,
  "POST /api/v1/organisations/:organisationId/sandbox/certificate": SANDBOX_USE,
  "POST /organisations/:organisationId/sandbox/certificate.pem": SANDBOX_USE,
  "GET /api/v1/organisations/:organisationId/sandbox/events": SANDBOX_USE,
  "GET /api/v1/initiatives/:initiativeId/sandbox/environment": SANDBOX_USE,
  "PUT /api/v1/initiatives/:initiativeId/sandbox/environment": SANDBOX_USE,
  // Every reader of the initiative opens the page; only SANDBOX_USE sees the environment and calls on it.
  "GET /initiatives/:initiativeId/sandbox": ANY_MEMBER_READ,
  "POST /initiatives/:initiativeId/sandbox/environment": SANDBOX_USE,
  "GET /api/v1/organisations/:organisationId/sandbox/trusted-cas": SANDBOX_USE,
  "POST /api/v1/organisations/:organisationId/sandbox/trusted-cas": SANDBOX_USE,
  "DELETE /api/v1/organisations/:organisationId/sandbox/trusted-cas/:caId": SANDBOX_USE,
  "GET /organisations/:organisationId/sandbox/trusted-cas": SANDBOX_USE,
  "POST /organisations/:organisationId/sandbox/trusted-cas": SANDBOX_USE,
  "POST /organisations/:organisationId/sandbox/trusted-cas/:caId/delete": SANDBOX_USE,
  "GET /api/v1/organisations/:organisationId/sandbox/recipients": SANDBOX_USE,
  "POST /api/v1/organisations/:organisationId/sandbox/recipients": SANDBOX_USE,
  "DELETE /api/v1/organisations/:organisationId/sandbox/recipients/:recipientRowId": SANDBOX_USE,
  "GET /organisations/:organisationId/sandbox/recipients": SANDBOX_USE,
  "POST /organisations/:organisationId/sandbox/recipients": SANDBOX_USE,
  "POST /organisations/:organisationId/sandbox/recipients/:recipientRowId/delete": SANDBOX_USE,

  // The sandbox: test runs, load tests, the conformance report
  "GET /api/v1/initiatives/:initiativeId/sandbox/calls": SANDBOX_USE,
  "GET /api/v1/initiatives/:initiativeId/sandbox/calls/:callId": SANDBOX_USE,
  "GET /initiatives/:initiativeId/sandbox/calls": SANDBOX_USE,
  "GET /initiatives/:initiativeId/sandbox/calls/:callId": SANDBOX_USE,
  "GET /initiatives/:initiativeId/sandbox/calls/:callId/messages/:position/body": SANDBOX_USE,
  "GET /initiatives/:initiativeId/sandbox/calls/:callId/messages/:position/attachments/:index": SANDBOX_USE,
  "POST /api/v1/initiatives/:initiativeId/sandbox/load-tests": SANDBOX_USE,
  "POST /api/v1/initiatives/:initiativeId/sandbox/load-tests/:loadTestId/stop": SANDBOX_USE,
  "GET /api/v1/initiatives/:initiativeId/sandbox/load-tests": SANDBOX_USE,
  "GET /api/v1/initiatives/:initiativeId/sandbox/load-tests/:loadTestId": SANDBOX_USE,
  "GET /initiatives/:initiativeId/sandbox/load-tests": SANDBOX_USE,
  "POST /initiatives/:initiativeId/sandbox/load-tests": SANDBOX_USE,
  "GET /initiatives/:initiativeId/sandbox/load-tests/:loadTestId": SANDBOX_USE,
  "POST /initiatives/:initiativeId/sandbox/load-tests/:loadTestId/stop": SANDBOX_USE,
  "POST /api/v1/initiatives/:initiativeId/sandbox/conformance-report": SANDBOX_USE,
  "GET /api/v1/initiatives/:initiativeId/sandbox/conformance-report": SANDBOX_USE,
  "POST /initiatives/:initiativeId/sandbox/conformance-report": SANDBOX_USE,
  "GET /initiatives/:initiativeId/sandbox/conformance-report.docx": SANDBOX_USE,
  "GET /initiatives/:initiativeId/sandbox/conformance-report.pdf": SANDBOX_USE,

  // Volumes
  "GET /api/v1/initiatives/:initiativeId/volumes/actual": ANY_MEMBER_READ,
  "GET /initiatives/:initiativeId/volumes": ANY_MEMBER_READ,
};
