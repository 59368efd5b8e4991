import { z } from "zod";
import { ORGANISATION_KINDS } from "../access/roles.ts";
import { organisationNumber, requiredText } from "../shared/field-rules.ts";

export const OrganisationInput = z.object({
  name: requiredText(200),
  number: organisationNumber,
  kind: z.enum(ORGANISATION_KINDS, { error: "invalid_choice" }),
});
export type OrganisationInput = z.infer<typeof OrganisationInput>;

/** How the organisation works; today one setting: whether fastställa needs a second person. */
export const OrganisationSettingsInput = z.object({
  requiresSecondApprover: z.boolean({ error: "invalid_choice" }),
});
export type OrganisationSettingsInput = z.infer<typeof OrganisationSettingsInput>;
