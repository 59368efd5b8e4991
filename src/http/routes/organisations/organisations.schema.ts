import { z } from "zod";
import { ORGANISATION_KINDS, ORGANISATION_ROLES } from "../../../domain/access/roles.ts";
import { MemberRoles } from "../../../domain/members/member-input.ts";

export const Organisation = z
  .object({
    id: z.string(),
    name: z.string(),
    number: z.string(),
    kind: z.enum(ORGANISATION_KINDS),
    county: z.string().nullable().meta({ description: "The county (län) by its letter code (AB … BD), or null if not stated" }),
    createdAt: z.string(),
    settings: z.object({
      requiresSecondApprover: z
        .boolean()
        .meta({ description: "Fastställa needs someone who did not create or last edit the version (on by default)" }),
      signInProviderId: z
        .string()
        .nullable()
        .meta({ description: "The identity provider the members sign in with; while it is enabled their password login is off" }),
    }),
    permissions: z.object({
      readMembers: z.boolean(),
      manageMembers: z.boolean(),
      manageSettings: z.boolean().meta({ description: "The caller may change the settings (PATCH)" }),
      grantableRoles: z.array(z.enum(ORGANISATION_ROLES)),
    }),
  })
  .meta({ description: "An organisation, with what the caller may do" });

export const OrganisationList = z.object({ organisations: z.array(Organisation) });

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

export const Invitation = z
  .object({
    invitationId: z.string(),
    email: z.string(),
    name: z.string(),
    roles: z.array(z.enum(ORGANISATION_ROLES)),
    expiresAt: z.string(),
  })
  .meta({
    description:
      "A pending invitation. Its one-time link goes only to the invited address, and the answer is the same whether or not the address has an account",
  });

export const PendingInvitation = Invitation.extend({ createdAt: z.string() });

export const InvitationIdParams = OrganisationParams.extend({ invitationId: z.uuid({ error: "invalid_id" }) });

export const SetRolesBody = z.object({ roles: MemberRoles });

export const SignInProviderBody = z.object({
  providerId: z.uuid({ error: "invalid_id" }).nullable().meta({ description: "An enabled identity provider, or null for passwords on" }),
});

export const SignInProviderAnswer = z.object({
  signInProvider: z.object({ id: z.string(), name: z.string() }).nullable(),
});
