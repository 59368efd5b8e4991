import type { OrganisationRole } from "../access/roles.ts";

export const DELIVERABLE_STATUSES = ["utkast", "for_granskning", "faststalld"] as const;
export type DeliverableStatus = (typeof DELIVERABLE_STATUSES)[number];

/**
 * utkast → för granskning → fastställd, and back from granskning to utkast. A fastställd version
 * never changes: editing it starts a new version in utkast (see nextVersionOnEdit).
 */
const ALLOWED: Record<DeliverableStatus, readonly DeliverableStatus[]> = {
  utkast: ["for_granskning", "faststalld"],
  for_granskning: ["utkast", "faststalld"],
  faststalld: [],
};

export type StatusChangeVerdict = { ok: true } | { ok: false; reason: "not_allowed_transition" | "role_may_not_approve" };

/** Only the projektledare or the verksamhetsägare may fastställa a document. */
export const APPROVING_ROLES: readonly OrganisationRole[] = ["projektledare", "verksamhetsagare"];

export function checkStatusChange(from: DeliverableStatus, to: DeliverableStatus, roles: readonly OrganisationRole[]): StatusChangeVerdict {
  if (!ALLOWED[from].includes(to)) return { ok: false, reason: "not_allowed_transition" };
  if (to === "faststalld" && !roles.some((r) => APPROVING_ROLES.includes(r))) return { ok: false, reason: "role_may_not_approve" };
  return { ok: true };
}

/** Edits to a draft change it in place; an edit to a fastställd (or reviewed) version is a new utkast version. */
export const editCreatesNewVersion = (status: DeliverableStatus) => status === "faststalld";

/** A section counts as written when it has text other than white space. */
export const isWritten = (text: string | undefined) => (text ?? "").trim().length > 0;

/** The ids of the sections the template requires that this version leaves unwritten, in template order. */
export function missingRequiredSections(
  template: readonly { id: string; required: boolean }[],
  sections: Readonly<Record<string, string>>,
): string[] {
  return template.filter((s) => s.required && !isWritten(sections[s.id])).map((s) => s.id);
}

/**
 * The authors of a version: who created it and who last wrote its text. Either of them has
 * written what is to be fastställd, so neither is the second person who looks at it; a status
 * change (sending it for review) makes nobody an author. A removed account (null) is nobody.
 */
export function versionAuthors(version: { createdBy: string | null; lastEditedBy: string | null }): string[] {
  return [...new Set([version.createdBy, version.lastEditedBy].filter((id): id is string => id !== null))];
}

/** What keeps someone who may fastställa (role and status allow it) from doing so now. */
export type ApprovalBlockers = { missingSections: string[]; secondPersonRequired: boolean };

/**
 * Fastställa makes the version basis for decisions, so it needs every required section written
 * and, where the organisation asks for a second person (on by default), someone who is not one of
 * the version's authors: whether it is in "för granskning" or still an utkast, nobody fastställer
 * a text they wrote alone. A named reviewer who approved this very text (review-rules.ts
 * approvalsOfText) is that second person, so an author may then fastställa it.
 */
export function approvalBlockers({
  template,
  version,
  actorId,
  requiresSecondApprover,
  reviewApprovals = [],
}: {
  template: readonly { id: string; required: boolean }[];
  version: { sections: Readonly<Record<string, string>>; createdBy: string | null; lastEditedBy: string | null };
  actorId: string;
  requiresSecondApprover: boolean;
  /** Reviewers (none of them an author) whose approval speaks for the version's text as it is. */
  reviewApprovals?: readonly string[];
}): ApprovalBlockers {
  return {
    missingSections: missingRequiredSections(template, version.sections),
    secondPersonRequired: requiresSecondApprover && versionAuthors(version).includes(actorId) && reviewApprovals.length === 0,
  };
}

/**
 * Whose look counts as the second person when the actor fastställer: nobody's (null) where the
 * organisation does not ask for one or the actor did not write the text; else the first reviewer
 * who approved it.
 */
export function secondApprover(input: {
  version: { createdBy: string | null; lastEditedBy: string | null };
  actorId: string;
  requiresSecondApprover: boolean;
  reviewApprovals: readonly string[];
}): string | null {
  if (!input.requiresSecondApprover || !versionAuthors(input.version).includes(input.actorId)) return null;
  return input.reviewApprovals[0] ?? null;
}

export const isBlocked = (b: ApprovalBlockers) => b.missingSections.length > 0 || b.secondPersonRequired;
