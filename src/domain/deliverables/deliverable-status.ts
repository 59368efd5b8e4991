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
