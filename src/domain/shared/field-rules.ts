import { z } from "zod";
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "../identity/password.ts";
import { type OrganisationNumberProblem, parseOrganisationNumber } from "../organisations/organisation-number.ts";

/**
 * Field rules shared by the API, the UI forms and the CLI. Each message is a key of the UI
 * catalogue's `fieldErrors`, so every edge can explain the same problem in its own language.
 */
export const requiredText = (max = 200) =>
  z.string({ error: "required" }).trim().min(1, { error: "required" }).max(max, { error: "too_long" });

export const email = z
  .string({ error: "required" })
  .trim()
  .min(1, { error: "required" })
  .max(254, { error: "too_long" })
  .pipe(z.email({ error: "email" }))
  .transform((s) => s.toLowerCase());

export const newPassword = z
  .string({ error: "required" })
  .min(PASSWORD_MIN_LENGTH, { error: "password_too_short" })
  .max(PASSWORD_MAX_LENGTH, { error: "too_long" });

const ORGNR_PROBLEM_CODES: Record<OrganisationNumberProblem, string> = {
  format: "orgnr_format",
  not_organisation: "orgnr_not_organisation",
  checksum: "orgnr_checksum",
};

export const organisationNumber = z
  .string({ error: "required" })
  .trim()
  .min(1, { error: "required" })
  .transform((s, ctx) => {
    const parsed = parseOrganisationNumber(s);
    if (parsed.ok) return parsed.value;
    ctx.addIssue({ code: "custom", message: ORGNR_PROBLEM_CODES[parsed.problem] });
    return z.NEVER;
  });

export const uuid = z.uuid({ error: "invalid_id" });
