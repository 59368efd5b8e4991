/** Roles held across the whole system, not tied to one organisation. */
export const SYSTEM_ROLES = ["admin", "forvaltningsgrupp"] as const;
export type SystemRole = (typeof SYSTEM_ROLES)[number];

/**
 * Roles a person holds within one organisation (a membership). The administratör manages the
 * organisation's members and grants every role; the role decides nothing in the initiatives.
 */
export const ORGANISATION_ROLES = ["projektledare", "deltagare", "verksamhetsagare", "styrgrupp", "lasare", "administrator"] as const;
export type OrganisationRole = (typeof ORGANISATION_ROLES)[number];

export const isSystemRole = (r: string): r is SystemRole => (SYSTEM_ROLES as readonly string[]).includes(r);
export const isOrganisationRole = (r: string): r is OrganisationRole => (ORGANISATION_ROLES as readonly string[]).includes(r);

export const ORGANISATION_KINDS = ["statlig", "kommun", "region", "privat"] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];
