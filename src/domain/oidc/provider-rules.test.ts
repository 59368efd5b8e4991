import { describe, expect, it } from "vitest";
import { domainOf, emailDomains, issuerUrl, ProviderInput, scopes, servesEmail } from "./provider-rules.ts";

describe("an identity provider's registration", () => {
  it("takes an HTTPS issuer as written, and plain HTTP only on this machine", () => {
    expect(issuerUrl.parse("https://login.microsoftonline.com/abc/v2.0")).toBe("https://login.microsoftonline.com/abc/v2.0");
    expect(issuerUrl.parse(" https://idp.kommun.se/ ")).toBe("https://idp.kommun.se/");
    expect(issuerUrl.parse("http://127.0.0.1:4000")).toBe("http://127.0.0.1:4000");
    expect(issuerUrl.parse("http://localhost:8080/realms/x")).toBe("http://localhost:8080/realms/x");
    for (const bad of [
      "http://idp.kommun.se",
      "idp.kommun.se",
      "https://idp.kommun.se/?x=1",
      "https://idp.kommun.se/#f",
      "ftp://x.se",
      "",
    ]) {
      expect(issuerUrl.safeParse(bad).success, bad).toBe(false);
    }
  });

  it("reads e-mail domains from a comma or space separated list, lower-case, without repeats", () => {
    expect(emailDomains.parse("Sundsvall.se, @region.se  sundsvall.se")).toEqual(["sundsvall.se", "region.se"]);
    expect(emailDomains.parse("")).toEqual([]);
    expect(emailDomains.safeParse("kommun").success).toBe(false);
    expect(emailDomains.safeParse("a@b.se").success).toBe(false);
  });

  it("always asks for openid, and for e-mail and profile unless told otherwise", () => {
    expect(scopes.parse("")).toBe("openid email profile");
    expect(scopes.parse("email groups")).toBe("openid email groups");
    expect(scopes.parse("openid   email")).toBe("openid email");
  });

  it("parses a whole registration", () => {
    expect(
      ProviderInput.parse({
        issuer: "https://idp.sundsvall.se",
        clientId: "ansluta",
        clientSecret: "s3cret",
        displayName: "Sundsvalls kommun",
        emailDomains: "sundsvall.se",
        scopes: "",
      }),
    ).toEqual({
      issuer: "https://idp.sundsvall.se",
      clientId: "ansluta",
      clientSecret: "s3cret",
      displayName: "Sundsvalls kommun",
      emailDomains: ["sundsvall.se"],
      scopes: "openid email profile",
    });
  });

  it("serves every address without domains, and only its domains' addresses with them", () => {
    expect(domainOf("Anna@Sundsvall.SE")).toBe("sundsvall.se");
    expect(domainOf("anna@")).toBeNull();
    expect(servesEmail({ emailDomains: [] }, "anna@any.se")).toBe(true);
    expect(servesEmail({ emailDomains: ["sundsvall.se"] }, "anna@sundsvall.se")).toBe(true);
    expect(servesEmail({ emailDomains: ["sundsvall.se"] }, "anna@sundsvall.se.evil.example")).toBe(false);
    expect(servesEmail({ emailDomains: ["sundsvall.se"] }, "anna@evil.example")).toBe(false);
  });
});
