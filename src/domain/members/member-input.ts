import { z } from "zod";
import { ORGANISATION_ROLES } from "../access/roles.ts";
import { email, requiredText } from "../shared/field-rules.ts";

export const MemberRoles = z
  .array(z.enum(ORGANISATION_ROLES, { error: "invalid_choice" }), { error: "required" })
  .min(1, { error: "roles_required" })
  .transform((roles) => [...new Set(roles)]);

// Keys in form order, so the error summary lists problems in the order the fields appear.
export const InviteMemberInput = z.object({
  name: requiredText(200),
  email,
  roles: MemberRoles,
});
export type InviteMemberInput = z.infer<typeof InviteMemberInput>;
