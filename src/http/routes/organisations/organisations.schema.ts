import { z } from "zod";
import { ORGANISATION_KINDS, ORGANISATION_ROLES } from "../../../domain/access/roles.ts";
import { MemberRoles } from "../../../domain/members/member-input.ts";

export const Organisation = z
  .object({
    id: z.string(),
    name: z.string(),
    number: z.string(),
    kind: z.enum(ORGANISATION_KINDS),
    createdAt: z.string(),
    permissions: z.object({ readMembers: z.boolean(), manageMembers: z.boolean() }),
  })
  .meta({ description: "An organisation, with what the caller may do" });

export const OrganisationParams = z.object({ organisationId: z.uuid({ error: "invalid_id" }) });
export const MemberParams = OrganisationParams.extend({ userId: z.uuid({ error: "invalid_id" }) });

export const Member = z.object({
  userId: z.string(),
  email: z.string(),
  name: z.string(),
  roles: z.array(z.enum(ORGANISATION_ROLES)),
  active: z.boolean(),
  joinedAt: z.string(),
});

export const InvitedMember = z.object({
  userId: z.string(),
  email: z.string(),
  roles: z.array(z.enum(ORGANISATION_ROLES)),
  invitationUrl: z.string().nullable(),
});

export const SetRolesBody = z.object({ roles: MemberRoles });
