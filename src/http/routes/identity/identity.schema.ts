import { z } from "zod";
import { ORGANISATION_ROLES, SYSTEM_ROLES } from "../../../domain/access/roles.ts";
import { newPassword } from "../../../domain/shared/field-rules.ts";

export const LoginBody = z.object({
  email: z.string({ error: "required" }).trim().min(1, { error: "required" }).max(254, { error: "too_long" }),
  password: z.string({ error: "required" }).min(1, { error: "required" }).max(256, { error: "too_long" }),
});

/**
 * The login form: the password may be left empty by someone whose organisation signs in through its
 * identity provider (the form sends her there by her address's domain).
 */
export const LoginForm = z
  .object({
    email: z.string({ error: "required" }).trim().max(254, { error: "too_long" }),
    password: z.string().max(256, { error: "too_long" }),
  })
  .superRefine((v, ctx) => {
    // Both fields are named at once when both are empty; a password left empty beside an address is
    // judged by the route (sent to the address's provider, or asked for).
    if (v.email === "") ctx.addIssue({ code: "custom", path: ["email"], message: "required" });
    if (v.email === "" && v.password === "") ctx.addIssue({ code: "custom", path: ["password"], message: "required" });
  });

export const LoginResponse = z.object({ token: z.string(), expiresAt: z.string() });

export const Me = z
  .object({
    id: z.string(),
    email: z.string(),
    name: z.string(),
    locale: z.enum(["sv", "en"]),
    systemRoles: z.array(z.enum(SYSTEM_ROLES)),
    memberships: z.array(
      z.object({
        organisationId: z.string(),
        organisationNumber: z.string(),
        organisationName: z.string(),
        roles: z.array(z.enum(ORGANISATION_ROLES)),
      }),
    ),
  })
  .meta({ description: "The calling user" });

export const UpdateMeBody = z.object({ locale: z.enum(["sv", "en"], { error: "invalid_choice" }) });

export const ApiToken = z.object({
  id: z.string(),
  name: z.string(),
  createdAt: z.string(),
  expiresAt: z.string().nullable(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});

/** A new personal token: the secret, shown this once, and the token as listed. */
export const CreatedToken = z.object({ token: z.string(), apiToken: ApiToken });

export const CreateTokenBody = z.object({
  name: z.string({ error: "required" }).trim().min(1, { error: "required" }).max(100, { error: "too_long" }),
  expiresInDays: z
    .number({ error: "invalid" })
    .int({ error: "invalid" })
    .min(1, { error: "invalid" })
    .max(3650, { error: "invalid" })
    .nullable()
    .default(null),
});

export const TokenIdParams = z.object({ tokenId: z.uuid({ error: "invalid_id" }) });

export const InvitationParams = z.object({ token: z.string().min(10, { error: "invalid" }).max(200, { error: "invalid" }) });
export const AcceptInvitationBody = z.object({
  password: newPassword.optional().meta({
    description: "Needed when the address has no account yet; ignored when a signed-in owner of an existing account accepts",
  }),
});

export const InvitationPreview = z
  .object({
    email: z.string(),
    name: z.string(),
    organisationId: z.string(),
    organisationName: z.string(),
    roles: z.array(z.enum(ORGANISATION_ROLES)),
    signInRequired: z.boolean().meta({ description: "The address has an account: accept with its bearer token instead of a password" }),
  })
  .meta({ description: "What an invitation link offers, for its holder" });

export const AcceptedInvitation = z.object({ email: z.string(), organisationId: z.string(), joined: z.boolean() });
