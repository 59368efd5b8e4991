import { and, desc, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, memberships, oidcLinkGrants, organisations, sessions, userIdentities, users } from "../../src/db/schema.ts";
import { SYSTEM_ACTOR } from "../../src/domain/access/actor.ts";
import { addMembership } from "../../src/domain/members/add-membership.ts";
import { registerProvider } from "../../src/domain/oidc/manage-providers.ts";
import { ProviderInput } from "../../src/domain/oidc/provider-rules.ts";
import { createOrganisation } from "../../src/domain/organisations/create-organisation.ts";
import type { OrganisationNumber } from "../../src/domain/organisations/organisation-number.ts";
import { messagesFor } from "../../src/i18n/index.ts";
import { continuedTo, startTestProvider, TEST_CLIENT, type TestAccount, type TestProvider } from "../support/oidc-provider.ts";
import { PASSWORD } from "../support/test-app.ts";
import { TEST_SECRETS } from "../support/test-secrets.ts";
import { type Browser, useTestWorld } from "../support/test-world.ts";

/**
 * The organisation's side of signing in with its identity provider (issue 15): memberships from a
 * claim, applied at each sign-in and audited; password login turned off per organisation; an address
 * sent to its provider by its domain; an administrator's leave to link an account, and unlinking;
 * editing a registration; logging out at the provider too; claims from userinfo; and two callbacks or
 * two sign-ins at once.
 */
const BASE = "http://ansluta.test";
const CALLBACK = `${BASE}/login/oidc/callback`;
const sv = messagesFor("sv");

describe("an organisation's identity provider", () => {
  const world = useTestWorld();
  let idp: TestProvider;
  let providerId: string;
  let admin: Browser;
  const accounts: Record<string, TestAccount> = {
    "grp-person": {
      email: "grp.person@kommun.example",
      email_verified: true,
      name: "Grupp Person",
      groups: ["ansluta-a-pl", "ansluta-a-sg"],
    },
    "va-a-at-idp": { email: "va-a@test.example", email_verified: true, name: "VA A" },
    "pl-b-at-idp": { email: "pl-b@test.example", email_verified: true, name: "PL B" },
    "pl-a-at-idp": { email: "pl-a@test.example", email_verified: true, name: "PL A" },
    "twice-at-once": { email: "samtidig@kommun.example", email_verified: true, groups: ["ansluta-b"] },
    "logout-person": { email: "utloggning@kommun.example", email_verified: true },
  };

  beforeAll(async () => {
    idp = await startTestProvider({ redirectUri: CALLBACK, accounts, postLogoutRedirectUri: `${BASE}/login` });
    providerId = (
      await registerProvider({
        db: world.db,
        actor: SYSTEM_ACTOR,
        now: new Date(),
        secrets: TEST_SECRETS,
        input: ProviderInput.parse({
          issuer: idp.issuer,
          clientId: TEST_CLIENT.clientId,
          clientSecret: TEST_CLIENT.clientSecret,
          displayName: "Kommunens inloggning",
          emailDomains: "",
          scopes: "",
        }),
      })
    ).id;
    admin = await world.browserAs("admin");
  });
  afterAll(async () => idp?.close());

  const adminUrl = (rest = "") => `/admin/identity-providers/${providerId}${rest}`;

  async function signInWith(b: Browser, account: string, next?: string) {
    const start = await b.get(`/login/oidc/${providerId}${next ? `?next=${encodeURIComponent(next)}` : ""}`);
    expect(start.statusCode, start.body.slice(0, 300)).toBe(303);
    const back = await idp.signIn(String(start.headers.location), account);
    return b.get(`${back.pathname}${back.search}`);
  }

  const userByEmail = async (email: string) => (await world.db.select().from(users).where(eq(users.email, email)))[0];
  const rolesOf = async (userId: string) =>
    Object.fromEntries(
      (await world.db.select().from(memberships).where(eq(memberships.userId, userId))).map((m) => [m.organisationId, m.roles]),
    );
  const auditOf = (action: string) => world.db.select().from(auditLog).where(eq(auditLog.action, action)).orderBy(desc(auditLog.seq));

  it("lets an administrator change the registration, keeping the sealed secret when none is typed", async () => {
    const shown = await admin.get(adminUrl());
    expect(shown.statusCode).toBe(200);
    expect(shown.body).toContain(`${BASE}/login/oidc/callback`);
    expect(shown.body).toContain(`${BASE}/login<`);
    const bad = await admin.post(adminUrl(), {
      displayName: "Kommunens inloggning",
      clientId: TEST_CLIENT.clientId,
      clientSecret: "",
      emailDomains: "kommun.example",
      scopes: "openid email profile groups",
      membershipClaim: "grupper med mellanslag",
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain(sv.fieldErrors.claim_name);
    const saved = await admin.post(adminUrl(), {
      displayName: "Kommunens inloggning",
      clientId: TEST_CLIENT.clientId,
      clientSecret: "",
      emailDomains: "kommun.example, test.example",
      scopes: "openid email profile groups",
      membershipClaim: "groups",
    });
    expect(saved.statusCode, saved.body.slice(0, 400)).toBe(303);
    const [entry] = await auditOf("oidc_provider.update");
    expect(entry?.after).toMatchObject({
      membershipClaim: "groups",
      emailDomains: ["kommun.example", "test.example"],
      clientSecretReplaced: false,
    });
    expect(JSON.stringify(entry)).not.toContain(TEST_CLIENT.clientSecret);
  });

  it("maps claim values to organisations and roles from the provider's page, refusing unknown organisations and repeats", async () => {
    const add = (claimValue: string, organisationNumber: string, roles: string[]) =>
      admin.post(adminUrl("/mappings"), { claimValue, organisationNumber, roles });
    expect((await add("ansluta-a-pl", world.orgA.number, ["projektledare"])).statusCode).toBe(303);
    expect((await add("ansluta-a-sg", world.orgA.number, ["styrgrupp", "lasare"])).statusCode).toBe(303);
    expect((await add("ansluta-b", world.orgB.number, ["deltagare"])).statusCode).toBe(303);
    const unknown = await add("ansluta-x", "5560000001", ["lasare"]);
    expect(unknown.statusCode).toBe(400);
    const again = await add("ansluta-b", world.orgB.number, ["lasare"]);
    expect(again.statusCode).toBe(400);
    expect(again.body).toContain(sv.fieldErrors.mapping_exists);
    const none = await add("ansluta-y", world.orgB.number, []);
    expect(none.statusCode).toBe(400);
    const shown = await admin.get(adminUrl());
    expect(shown.body).toContain("ansluta-a-sg");
    expect((await auditOf("oidc_claim_mapping.create")).length).toBe(3);
  });

  it("gives the memberships the claim says at the first sign-in, and changes them at each sign-in after, audited", async () => {
    const first = await signInWith(world.anonymousBrowser(), "grp-person");
    expect(first.statusCode, first.body.slice(0, 300)).toBe(303);
    const user = await userByEmail("grp.person@kommun.example");
    if (!user) throw new Error("no account made");
    expect(await rolesOf(user.id)).toEqual({ [world.orgA.id]: ["projektledare", "styrgrupp", "lasare"] });
    const [created] = await auditOf("membership.create");
    expect(created?.entityId).toBe(`${world.orgA.id}:${user.id}`);
    expect(created?.after).toMatchObject({ via: { providerId, claim: "groups", values: ["ansluta-a-pl", "ansluta-a-sg"] } });

    // A membership in an organisation the provider does not map is Ansluta's, and stays.
    const other = await createOrganisation({
      db: world.db,
      actor: SYSTEM_ACTOR,
      now: new Date(),
      input: { name: "Omappade kommunen", number: "2120000142" as OrganisationNumber, kind: "kommun" },
    });
    await addMembership({
      db: world.db,
      actor: SYSTEM_ACTOR,
      now: new Date(),
      userId: user.id,
      organisationId: other.id,
      roles: ["lasare"],
    });

    accounts["grp-person"] = { ...accounts["grp-person"], groups: ["ansluta-b", "ansluta-a-sg"] };
    expect((await signInWith(world.anonymousBrowser(), "grp-person")).statusCode).toBe(303);
    expect(await rolesOf(user.id)).toEqual({
      [world.orgA.id]: ["styrgrupp", "lasare"],
      [world.orgB.id]: ["deltagare"],
      [other.id]: ["lasare"],
    });
    const [updated] = await auditOf("membership.update");
    expect(updated).toMatchObject({ entityId: `${world.orgA.id}:${user.id}`, actorUserId: null });
    expect(updated?.before).toEqual({ roles: ["projektledare", "styrgrupp", "lasare"] });

    // A token without the claim says nothing about groups: nothing changes.
    const { groups: _dropped, ...withoutGroups } = accounts["grp-person"] ?? {};
    accounts["grp-person"] = withoutGroups;
    expect((await signInWith(world.anonymousBrowser(), "grp-person")).statusCode).toBe(303);
    expect(Object.keys(await rolesOf(user.id))).toHaveLength(3);

    // An empty claim is "in no group": the mapped memberships go, the other stays.
    accounts["grp-person"] = { ...withoutGroups, groups: [] };
    expect((await signInWith(world.anonymousBrowser(), "grp-person")).statusCode).toBe(303);
    expect(await rolesOf(user.id)).toEqual({ [other.id]: ["lasare"] });
    expect((await auditOf("membership.delete")).filter((e) => e.entityId.endsWith(user.id))).toHaveLength(2);
  });

  it("refuses to turn password login off for someone who could not sign in through the provider herself", async () => {
    const va = await world.browserAs("vaA");
    const res = await va.post(`/organisations/${world.orgA.id}/sign-in-provider`, { providerId });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain(sv.fieldErrors.provider_not_linked);
    const [org] = await world.db.select().from(organisations).where(eq(organisations.id, world.orgA.id));
    expect(org?.signInProviderId).toBeNull();
  });

  it("links an existing password account at its next sign-in when an administrator allowed it, and not before", async () => {
    const before = await signInWith(world.anonymousBrowser(), "va-a-at-idp");
    expect(before.statusCode).toBe(409);
    const own = await admin.post(adminUrl("/link-grants"), { email: world.emails.admin });
    expect(own.statusCode).toBe(400);
    const granted = await admin.post(adminUrl("/link-grants"), { email: world.emails.vaA });
    expect(granted.statusCode).toBe(303);
    const [grant] = await world.db.select().from(oidcLinkGrants).where(eq(oidcLinkGrants.userId, world.users.vaA));
    expect(grant?.grantedBy).toBe(world.users.admin);
    const b = world.anonymousBrowser();
    const res = await signInWith(b, "va-a-at-idp");
    expect(res.statusCode, res.body.slice(0, 400)).toBe(303);
    expect((await b.get("/settings")).body).toContain(`Kopplat till ${idp.issuer}`);
    expect(await world.db.select().from(userIdentities).where(eq(userIdentities.userId, world.users.vaA))).toHaveLength(1);
    expect(await world.db.select().from(oidcLinkGrants).where(eq(oidcLinkGrants.userId, world.users.vaA))).toEqual([]);
    const [link] = await auditOf("user_identity.link");
    expect(link).toMatchObject({ entityId: world.users.vaA });
    expect(link?.after).toMatchObject({ grantedBy: world.users.admin, subject: "va-a-at-idp" });
  });

  describe("password login turned off for an organisation's members", () => {
    it("is turned off by one who signs in through the provider, and then refuses the right password with where to go", async () => {
      const va = await world.browserAs("vaA");
      const set = await va.post(`/organisations/${world.orgA.id}/sign-in-provider`, { providerId });
      expect(set.statusCode, set.body.slice(0, 400)).toBe(303);
      const [entry] = await auditOf("organisation.sign_in_provider");
      expect(entry).toMatchObject({ organisationId: world.orgA.id, actorUserId: world.users.vaA });
      expect((await world.anonymousBrowser().get(`/organisations/${world.orgA.id}`)).statusCode).not.toBe(200);
      expect((await va.get(`/organisations/${world.orgA.id}`)).body).toContain("Medlemmarna loggar in med Kommunens inloggning");

      const b = world.anonymousBrowser();
      await b.get("/login");
      const refused = await b.post("/login", { email: world.emails.plA, password: PASSWORD, next: "/" });
      expect(refused.statusCode).toBe(403);
      expect(refused.body).toContain("inloggning med lösenord är avstängd");
      expect(refused.body).toContain(`href="/login/oidc/${providerId}"`);
      expect(refused.cookies.map((c) => c.name)).not.toContain("ansluta_session");
      const api = await world.app.inject({
        method: "POST",
        url: "/api/v1/auth/login",
        payload: { email: world.emails.plA, password: PASSWORD },
      });
      expect(api.statusCode).toBe(403);
      expect(api.json()).toMatchObject({
        code: "PASSWORD_LOGIN_DISABLED",
        signInProvider: { id: providerId, name: "Kommunens inloggning", url: `/login/oidc/${providerId}` },
      });
      // A wrong password is still just wrong: the refusal tells nothing to someone guessing.
      const wrong = await world.app.inject({
        method: "POST",
        url: "/api/v1/auth/login",
        payload: { email: world.emails.plA, password: "fel-lösenord-123" },
      });
      expect(wrong.statusCode).toBe(401);
      // Her password no longer works, but her organisation has said the provider speaks for its members:
      // her first sign-in there links her account (no administrator needed), and nobody else's.
      const linked = world.anonymousBrowser();
      expect((await signInWith(linked, "pl-a-at-idp")).statusCode).toBe(303);
      expect((await linked.get("/settings")).body).toContain(`Kopplat till ${idp.issuer}`);
      const [byOrganisation] = await auditOf("user_identity.link");
      expect(byOrganisation).toMatchObject({ entityId: world.users.plA });
      expect(byOrganisation?.after).toMatchObject({ because: "organisation_sign_in_provider" });
      expect((await signInWith(world.anonymousBrowser(), "pl-b-at-idp")).statusCode).toBe(409);
      // Another organisation's members are not affected.
      expect(
        (await world.app.inject({ method: "POST", url: "/api/v1/auth/login", payload: { email: world.emails.plB, password: PASSWORD } }))
          .statusCode,
      ).toBe(200);
    });

    it("is on again while the provider is turned off, and when the organisation chooses passwords", async () => {
      expect((await admin.post(`/admin/identity-providers/${providerId}/enabled`, { enabled: "false" })).statusCode).toBe(303);
      const login = () =>
        world.app.inject({ method: "POST", url: "/api/v1/auth/login", payload: { email: world.emails.plA, password: PASSWORD } });
      expect((await login()).statusCode).toBe(200);
      expect((await admin.post(`/admin/identity-providers/${providerId}/enabled`, { enabled: "true" })).statusCode).toBe(303);
      expect((await login()).statusCode).toBe(403);
      const va = await world.browserAs("vaA").catch(() => null);
      // vaA is a member too: her password is off, so she comes back through the provider.
      expect(va).toBeNull();
      const b = world.anonymousBrowser();
      expect((await signInWith(b, "va-a-at-idp")).statusCode).toBe(303);
      expect((await b.post(`/organisations/${world.orgA.id}/sign-in-provider`, { providerId: "" })).statusCode).toBe(303);
      expect((await login()).statusCode).toBe(200);
    });
  });

  describe("the login form", () => {
    it("sends an address whose domain a provider serves to that provider when no password is given", async () => {
      const b = world.anonymousBrowser();
      await b.get("/login");
      expect((await b.get("/login")).body).toContain(sv.oidc.passwordOptional);
      const res = await b.post("/login", { email: "vem.som.helst@Kommun.example", password: "", next: "/initiatives" });
      expect(res.statusCode).toBe(200);
      expect(continuedTo(res.body)).toBe(`/login/oidc/${providerId}?next=${encodeURIComponent("/initiatives")}`);
      expect(res.body).toContain(`href="/login/oidc/${providerId}?next=${encodeURIComponent("/initiatives")}"`);
    });

    it("asks for the password of an address no provider serves", async () => {
      const b = world.anonymousBrowser();
      await b.get("/login");
      const res = await b.post("/login", { email: "någon@annan.example", password: "", next: "/" });
      expect(res.statusCode).toBe(400);
      expect(res.body).toContain(sv.fieldErrors.required);
    });
  });

  describe("logging out", () => {
    it("ends the session at the provider too after a sign-in there (RP-initiated logout)", async () => {
      const b = world.anonymousBrowser();
      expect((await signInWith(b, "logout-person")).statusCode).toBe(303);
      const token = b.jar.get("ansluta_session") ?? "";
      expect(token).not.toBe("");
      const [stored] = await world.db.select().from(sessions).orderBy(desc(sessions.createdAt)).limit(1);
      expect(stored).toMatchObject({ oidcProviderId: providerId });
      expect(stored?.idToken?.split(".")).toHaveLength(3);
      const out = await b.post("/logout", {});
      expect(out.statusCode).toBe(200);
      const there = new URL(continuedTo(out.body));
      expect(there.origin).toBe(idp.issuer);
      expect(there.searchParams.get("post_logout_redirect_uri")).toBe(`${BASE}/login`);
      expect(there.searchParams.get("id_token_hint")).toBe(stored?.idToken);
      expect(
        await world.db
          .select()
          .from(sessions)
          .where(eq(sessions.tokenHash, stored?.tokenHash ?? "")),
      ).toEqual([]);
      // The provider accepts the hint and sends the browser back to the login page.
      expect((await idp.logOut(there.href)).href).toBe(`${BASE}/login`);
    });

    it("goes to the login page after a password sign-in", async () => {
      const b = await world.browserAs("plB");
      const out = await b.post("/logout", {});
      expect(out.headers.location).toBe("/login");
    });
  });

  it("lets an administrator unlink an account: its next sign-in there is a first one again", async () => {
    const res = await admin.post(adminUrl("/identities/unlink"), { subject: "va-a-at-idp" });
    expect(res.statusCode).toBe(303);
    expect(await world.db.select().from(userIdentities).where(eq(userIdentities.userId, world.users.vaA))).toEqual([]);
    const [entry] = await auditOf("user_identity.unlink");
    expect(entry).toMatchObject({ entityId: world.users.vaA, actorUserId: world.users.admin });
    expect((await signInWith(world.anonymousBrowser(), "va-a-at-idp")).statusCode).toBe(409);
    expect((await admin.post(adminUrl("/identities/unlink"), { subject: "va-a-at-idp" })).statusCode).toBe(404);
  });

  describe("at the same moment", () => {
    it("takes a sign-in's callback once when it arrives twice at once", async () => {
      const b = world.anonymousBrowser();
      const start = await b.get(`/login/oidc/${providerId}`);
      const back = await idp.signIn(String(start.headers.location), "logout-person");
      const sessionsBefore = (await world.db.select({ n: sql<number>`count(*)::int` }).from(sessions))[0]?.n ?? 0;
      const answers = await Promise.all([b.get(`${back.pathname}${back.search}`), b.get(`${back.pathname}${back.search}`)]);
      const statuses = answers.map((a) => a.statusCode).sort();
      expect(statuses).toEqual([303, 400]);
      const sessionsAfter = (await world.db.select({ n: sql<number>`count(*)::int` }).from(sessions))[0]?.n ?? 0;
      expect(sessionsAfter - sessionsBefore).toBe(1);
    });

    it("applies the claim once when the same person signs in twice at once", async () => {
      const starts = await Promise.all(
        [world.anonymousBrowser(), world.anonymousBrowser(), world.anonymousBrowser()].map(async (b) => {
          const start = await b.get(`/login/oidc/${providerId}`);
          return { b, back: await idp.signIn(String(start.headers.location), "twice-at-once") };
        }),
      );
      const answers = await Promise.all(starts.map(({ b, back }) => b.get(`${back.pathname}${back.search}`)));
      const ok = answers.filter((a) => a.statusCode === 303).length;
      const user = await userByEmail("samtidig@kommun.example");
      // Each answer is a sign-in or a clear refusal; exactly one account, one identity, one membership.
      for (const a of answers) expect([303, 409]).toContain(a.statusCode);
      expect(ok).toBeGreaterThanOrEqual(1);
      expect(await world.db.select().from(users).where(eq(users.email, "samtidig@kommun.example"))).toHaveLength(1);
      expect(
        await world.db
          .select()
          .from(userIdentities)
          .where(eq(userIdentities.userId, user?.id ?? "")),
      ).toHaveLength(1);
      expect(await rolesOf(user?.id ?? "")).toEqual({ [world.orgB.id]: ["deltagare"] });
      const created = await world.db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.action, "membership.create"), eq(auditLog.entityId, `${world.orgB.id}:${user?.id}`)));
      expect(created).toHaveLength(1);
    });
  });
});

describe("a provider that gives e-mail and groups only from userinfo", () => {
  const world = useTestWorld();
  let idp: TestProvider;

  beforeAll(async () => {
    idp = await startTestProvider({
      redirectUri: CALLBACK,
      claimsInIdToken: false,
      accounts: { "info-person": { email: "info.person@region.example", email_verified: true, groups: ["grp-a"] } },
    });
  });
  afterAll(async () => idp?.close());

  it("reads what the ID token lacks from userinfo, for the account and the memberships", async () => {
    const provider = await registerProvider({
      db: world.db,
      actor: SYSTEM_ACTOR,
      now: new Date(),
      secrets: TEST_SECRETS,
      input: ProviderInput.parse({
        issuer: idp.issuer,
        clientId: TEST_CLIENT.clientId,
        clientSecret: TEST_CLIENT.clientSecret,
        displayName: "Regionens inloggning",
        emailDomains: "",
        scopes: "openid email profile groups",
      }),
    });
    const admin = await world.browserAs("admin");
    const base = `/admin/identity-providers/${provider.id}`;
    expect(
      (
        await admin.post(base, {
          displayName: "Regionens inloggning",
          clientId: TEST_CLIENT.clientId,
          clientSecret: "",
          emailDomains: "",
          scopes: "openid email profile groups",
          membershipClaim: "groups",
        })
      ).statusCode,
    ).toBe(303);
    expect(
      (await admin.post(`${base}/mappings`, { claimValue: "grp-a", organisationNumber: world.orgA.number, roles: ["lasare"] })).statusCode,
    ).toBe(303);
    const b = world.anonymousBrowser();
    const start = await b.get(`/login/oidc/${provider.id}`);
    const back = await idp.signIn(String(start.headers.location), "info-person");
    const res = await b.get(`${back.pathname}${back.search}`);
    expect(res.statusCode, res.body.slice(0, 400)).toBe(303);
    const [user] = await world.db.select().from(users).where(eq(users.email, "info.person@region.example"));
    expect(user).toBeDefined();
    expect(
      await world.db
        .select({ roles: memberships.roles })
        .from(memberships)
        .where(eq(memberships.userId, user?.id ?? "")),
    ).toEqual([{ roles: ["lasare"] }]);
  });
});
