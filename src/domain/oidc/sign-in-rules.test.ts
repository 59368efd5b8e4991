import { describe, expect, it } from "vitest";
import { decideSignIn, type VerifiedClaims } from "./sign-in-rules.ts";

const claims = (over: Partial<VerifiedClaims> = {}): VerifiedClaims => ({
  issuer: "https://idp.sundsvall.se",
  subject: "sub-1",
  email: "anna@sundsvall.se",
  emailVerified: true,
  name: "Anna Andersson",
  all: {},
  ...over,
});
const open = { emailDomains: [] as string[] };
const sundsvall = { emailDomains: ["sundsvall.se"] };
const decide = (over: Partial<Parameters<typeof decideSignIn>[0]> = {}) =>
  decideSignIn({ claims: claims(), provider: open, linkedUserId: null, emailOwnerId: null, linkTo: null, ...over });

describe("who a verified person is in Ansluta", () => {
  it("signs in the account the identity is linked to, whatever the token's e-mail says today", () => {
    expect(decide({ linkedUserId: "u1", emailOwnerId: "u2", claims: claims({ email: null }) })).toEqual({ kind: "sign_in", userId: "u1" });
  });

  it("makes a new account for a verified address nobody has, named from the token", () => {
    expect(decide()).toEqual({ kind: "create", email: "anna@sundsvall.se", name: "Anna Andersson" });
    expect(decide({ claims: claims({ name: null, email: "Bo@Sundsvall.se" }) })).toEqual({
      kind: "create",
      email: "bo@sundsvall.se",
      name: "bo",
    });
  });

  it("never hands an existing account over on its e-mail alone", () => {
    expect(decide({ emailOwnerId: "u2" })).toEqual({ kind: "refuse", reason: "account_exists", userId: "u2" });
  });

  it("links the existing account when an administrator allowed it, but only for an address the provider vouches for", () => {
    expect(decide({ emailOwnerId: "u2", linkGranted: true })).toEqual({ kind: "link_granted", userId: "u2" });
    expect(decide({ emailOwnerId: "u2", linkGranted: true, claims: claims({ emailVerified: false }) })).toMatchObject({
      reason: "email_unverified",
    });
    expect(
      decide({ emailOwnerId: "u2", linkGranted: true, provider: sundsvall, claims: claims({ email: "u2@evil.example" }) }),
    ).toMatchObject({ reason: "email_domain_not_served" });
  });

  it("refuses a token without an address, or with one the provider does not vouch for", () => {
    expect(decide({ claims: claims({ email: null }) })).toMatchObject({ reason: "email_missing" });
    expect(decide({ claims: claims({ emailVerified: false }) })).toMatchObject({ reason: "email_unverified" });
    expect(decide({ claims: claims({ emailVerified: null }) })).toMatchObject({ reason: "email_unverified" });
    expect(decide({ claims: claims({ emailVerified: false }), provider: sundsvall })).toMatchObject({ reason: "email_unverified" });
    expect(decide({ claims: claims({ email: "eve@evil.example" }), provider: sundsvall })).toMatchObject({
      reason: "email_domain_not_served",
    });
  });

  it("believes an unstated e-mail_verified only from a provider registered for the address's domain", () => {
    expect(decide({ claims: claims({ emailVerified: null }), provider: sundsvall })).toMatchObject({ kind: "create" });
  });

  it("links the identity to the signed-in account that asked, unless another account has it", () => {
    expect(decide({ linkTo: "u2", emailOwnerId: "u2" })).toEqual({ kind: "link", userId: "u2" });
    expect(decide({ linkTo: "u2", linkedUserId: "u2" })).toEqual({ kind: "sign_in", userId: "u2" });
    expect(decide({ linkTo: "u2", linkedUserId: "u1" })).toEqual({ kind: "refuse", reason: "identity_taken", userId: "u2" });
  });
});
