import { z } from "zod";
import { MemberRoles } from "../members/member-input.ts";
import { organisationNumber, requiredText } from "../shared/field-rules.ts";

/**
 * What an administrator registers about an organisation's identity provider (issue 15), parsed the
 * same way from the admin page and the CLI. Field messages are keys of the UI's `fieldErrors`.
 */

/** Hosts an issuer may be reached on over plain HTTP: this machine only, for development and the tests. */
const LOOPBACK_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]"]);

export const isLoopbackUrl = (url: URL) => LOOPBACK_HOSTS.has(url.hostname);

/**
 * The issuer identifier exactly as the provider states it in its discovery document (openid-client
 * compares them character for character): HTTPS, no query or fragment; plain HTTP on this machine only.
 */
export const issuerUrl = z
  .string({ error: "required" })
  .trim()
  .min(1, { error: "required" })
  .max(500, { error: "too_long" })
  .refine(
    (s) => {
      if (!URL.canParse(s)) return false;
      const url = new URL(s);
      const secure = url.protocol === "https:" || (url.protocol === "http:" && isLoopbackUrl(url));
      return secure && !url.search && !url.hash && !url.username && !url.password;
    },
    { error: "issuer_url" },
  );

const DOMAIN = /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;

/** "kommun.se, Region.se" → ["kommun.se", "region.se"]: commas or spaces between, each a domain name, no repeats. */
export const emailDomains = z
  .string()
  .trim()
  .max(2000, { error: "too_long" })
  .transform((s) => [
    ...new Set(
      s
        .split(/[\s,]+/)
        .map((d) => d.replace(/^@/, "").toLowerCase())
        .filter(Boolean),
    ),
  ])
  .refine((domains) => domains.every((d) => DOMAIN.test(d)), { error: "email_domain" });

/** Space-separated scopes, `openid` always among them (without it there is no ID token). */
export const scopes = z
  .string()
  .trim()
  .max(500, { error: "too_long" })
  .transform((s) => {
    const list = s.split(/\s+/).filter(Boolean);
    return [...new Set(["openid", ...(list.length ? list : ["email", "profile"])])].join(" ");
  })
  .refine((s) => /^[\x21\x23-\x5b\x5d-\x7e ]+$/.test(s), { error: "invalid" });

export const ProviderInput = z.object({
  issuer: issuerUrl,
  clientId: requiredText(500),
  clientSecret: z.string({ error: "required" }).min(1, { error: "required" }).max(2000, { error: "too_long" }),
  displayName: requiredText(100),
  emailDomains,
  scopes,
});
export type ProviderInput = z.infer<typeof ProviderInput>;

/** The claim whose values give memberships: empty for none; a name or dotted path (`groups`, `realm_access.roles`). */
export const membershipClaim = z
  .string()
  .trim()
  .max(100, { error: "too_long" })
  .transform((s) => (s === "" ? null : s))
  .refine((s) => s === null || /^[A-Za-z0-9_:./-]{1,100}$/.test(s), { error: "claim_name" });

/**
 * A registration changed: everything but the issuer (the identities linked through it are keyed by
 * it; another issuer is another provider: register it anew). An empty secret keeps the one sealed.
 */
export const ProviderUpdate = ProviderInput.omit({ issuer: true, clientSecret: true }).extend({
  clientSecret: z.string().max(2000, { error: "too_long" }),
  membershipClaim,
});
export type ProviderUpdate = z.infer<typeof ProviderUpdate>;

/** One claim value and the membership it gives. */
export const ClaimMappingInput = z.object({
  claimValue: requiredText(500),
  organisationNumber,
  roles: MemberRoles,
});
export type ClaimMappingInput = z.infer<typeof ClaimMappingInput>;

/** The part after the @, lower-case; null when there is none. */
export function domainOf(email: string): string | null {
  const at = email.lastIndexOf("@");
  return at > 0 && at < email.length - 1 ? email.slice(at + 1).toLowerCase() : null;
}

/** A provider without domains vouches for any address; with them, only for addresses in them. */
export const servesEmail = (provider: { emailDomains: readonly string[] }, email: string) => {
  if (!provider.emailDomains.length) return true;
  const domain = domainOf(email);
  return domain !== null && provider.emailDomains.includes(domain);
};
