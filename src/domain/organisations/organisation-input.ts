import { z } from "zod";
import { ORGANISATION_KINDS } from "../access/roles.ts";
import { organisationNumber, requiredText } from "../shared/field-rules.ts";
import { COUNTY_CODES, type County } from "./counties.ts";

/** A county (län) by its letter code, or null for none stated. */
export const county = z.enum(COUNTY_CODES as [County, ...County[]], { error: "invalid_choice" }).nullable();

export const OrganisationInput = z.object({
  name: requiredText(200),
  number: organisationNumber,
  kind: z.enum(ORGANISATION_KINDS, { error: "invalid_choice" }),
  county: county.default(null),
});
/** As parsed; the county may be left out by callers that make organisations themselves (CLI, demo, tests). */
export type OrganisationInput = Omit<z.infer<typeof OrganisationInput>, "county"> & { county?: County | null };

/**
 * How the organisation works: whether fastställa needs a second person, and the county the
 * förvaltningsgrupp's portfolio places it in. A PATCH: what is left out stays as it is.
 */
export const OrganisationSettingsInput = z.object({
  requiresSecondApprover: z.boolean({ error: "invalid_choice" }).optional(),
  county: county.optional(),
});
export type OrganisationSettingsInput = z.infer<typeof OrganisationSettingsInput>;
