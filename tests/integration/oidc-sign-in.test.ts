import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { and, desc, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, oidcLoginAttempts, sessions, userIdentities, users } from "../../src/db/schema.ts";
import { SYSTEM_ACTOR } from "../../src/domain/access/actor.ts";
import { registerProvider } from "../../src/domain/oidc/manage-providers.ts";
import { ProviderInput } from "../../src/domain/oidc/provider-rules.ts";
import { messagesFor } from "../../src/i18n/index.ts";
import { continuedTo, startTestProvider, TEST_CLIENT, type TestProvider } from "../support/oidc-provider.ts";
import { TEST_SECRETS } from "../support/test-secrets.ts";
import { type Browser, useTestWorld } from "../support/test-world.ts";

/**
 * Signing in with an organisation's own identity provider (issue 15), against a real OpenID Connect
 * provider running in this process: the whole authorization code flow over HTTP, the accounts it
 * makes and links, and every way a callback is refused (each with a page, an audit entry, no session).
 */
const CALLBACK = "http://ansluta.test/login/oidc/callback";
const sv = messagesFor("sv").oidc;

describe("signing in with an OpenID Connect provider", () => {
  const world = useTestWorld();
  let idp: TestProvider;
  let providerId: string;

  beforeAll(async () => {
    idp = await startTestProvider({
      redirectUri: CALLBACK,
      accounts: {
        "new-person": { email: "ny.person@sundsvall.se", email_verified: true, name: "Ny Person" },
        "second-new": { email: "andra.personen@sundsvall.se", email_verified: true, name: "Andra Personen" },
        "pl-a": { email: "pl-a@test.example", email_verified: true, name: "Projektledare A" },
        "pl-b-at-idp": { email: "pl-b@test.example", email_verified: true, name: "Projektledare B" },
        "no-email": { name: "Utan E-post" },
        unverified: { email: "overifierad@sundsvall.se", email_verified: false },
        "tamper-target": { email: "manipulerad@sundsvall.se", email_verified: true },
      },
    });
    providerId = (await register(idp.issuer, "Sundsvalls kommun")).id;
  });
  afterAll(async () => idp?.close());

  const register = (issuer: string, displayName: string) =>
    registerProvider({
      db: world.db,
      actor: SYSTEM_ACTOR,
      now: new Date(),
      secrets: TEST_SECRETS,
      input: ProviderInput.parse({
        issuer,
        clientId: TEST_CLIENT.clientId,
        clientSecret: TEST_CLIENT.clientSecret,
        displayName,
        emailDomains: "",
        scopes: "",
      }),
    });

  /** Starts at Ansluta, signs in at the provider as `account`, and returns Ansluta's answer to the callback. */
  async function signInWith(b: Browser, account: string, options: { next?: string } = {}) {
    const start = await b.get(`/login/oidc/${providerId}${options.next ? `?next=${encodeURIComponent(options.next)}` : ""}`);
    expect(start.statusCode, start.body.slice(0, 300)).toBe(303);
    const back = await idp.signIn(String(start.headers.location), account);
    return { callback: back, res: await b.get(`${back.pathname}${back.search}`) };
  }

  const sessionCount = async () => (await world.db.select({ n: sql<number>`count(*)::int` }).from(sessions))[0]?.n ?? 0;

  async function lastRefusal() {
    const [entry] = await world.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, "oidc.sign_in_refused"))
      .orderBy(desc(auditLog.seq))
      .limit(1);
    return entry;
  }

  /** Refused with the reason's page at `status`, an audit entry saying why, and no session. */
  async function expectRefused(
    run: () => Promise<{ statusCode: number; body: string; cookies: { name: string }[] }>,
    reason: string,
    status: number,
  ) {
    const before = await sessionCount();
    const seqBefore = (await lastRefusal())?.seq ?? 0;
    const res = await run();
    expect(res.statusCode, res.body.slice(0, 500)).toBe(status);
    expect(res.body).toContain(`data-reason="${reason}"`);
    expect([sv.refused.title, messagesFor("en").oidc.refused.title].some((title) => res.body.includes(title))).toBe(true);
    expect(res.cookies.map((c) => c.name)).not.toContain("ansluta_session");
    expect(await sessionCount()).toBe(before);
    const entry = await lastRefusal();
    expect(entry?.seq).toBeGreaterThan(seqBefore);
    expect(entry?.after).toMatchObject({ reason });
    return res;
  }

  it("offers the provider on the login page beside the password form", async () => {
    const page = await world.anonymousBrowser().get("/login");
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(`href="/login/oidc/${providerId}"`);
    expect(page.body).toContain("Logga in med Sundsvalls kommun");
    expect(page.body).toContain('name="password"');
  });

  it("sends the browser to the provider with PKCE, state and nonce, and keeps the sign-in in the database", async () => {
    const b = world.anonymousBrowser();
    const start = await b.get(`/login/oidc/${providerId}`);
    expect(start.statusCode).toBe(303);
    const url = new URL(String(start.headers.location));
    expect(url.origin).toBe(idp.issuer);
    const q = Object.fromEntries(url.searchParams);
    expect(q).toMatchObject({
      client_id: TEST_CLIENT.clientId,
      response_type: "code",
      redirect_uri: CALLBACK,
      code_challenge_method: "S256",
    });
    expect(q.scope?.split(" ")).toContain("openid");
    for (const k of ["state", "nonce", "code_challenge"]) expect(q[k]?.length ?? 0).toBeGreaterThanOrEqual(43);
    const [attempt] = await world.db
      .select()
      .from(oidcLoginAttempts)
      .where(eq(oidcLoginAttempts.state, q.state ?? ""));
    expect(attempt).toMatchObject({ providerId, nonce: q.nonce, returnTo: "/" });
    expect(attempt?.codeVerifier).not.toBe(q.code_challenge);
    expect(b.jar.get("ansluta_oidc_state")).toBe(q.state);
  });

  it("makes an account on first sign-in, linked by issuer and subject, with a session that works like a password login's", async () => {
    const b = world.anonymousBrowser();
    const { res } = await signInWith(b, "new-person", { next: "/settings" });
    expect(res.statusCode, res.body.slice(0, 300)).toBe(303);
    expect(res.headers.location).toBe("/settings");
    expect(res.cookies.find((c) => c.name === "ansluta_session")).toMatchObject({ httpOnly: true, sameSite: "Lax" });
    const [user] = await world.db.select().from(users).where(eq(users.email, "ny.person@sundsvall.se"));
    expect(user).toMatchObject({ name: "Ny Person", passwordHash: null });
    expect(
      await world.db
        .select()
        .from(userIdentities)
        .where(eq(userIdentities.userId, user?.id ?? "")),
    ).toMatchObject([{ issuer: idp.issuer, subject: "new-person" }]);
    const settings = await b.get("/settings");
    expect(settings.statusCode).toBe(200);
    expect(settings.body).toContain(`Kopplat till ${idp.issuer}`);
    // The form token is the session's, exactly as after a password login.
    expect((await b.post("/settings/language", { locale: "sv" })).statusCode).toBe(303);
    expect((await b.post("/settings/language", { locale: "sv" }, { csrf: "A".repeat(40) })).statusCode).toBe(403);
    // Signing in again finds the same account by the identity, and makes no second one.
    const again = await signInWith(world.anonymousBrowser(), "new-person");
    expect(again.res.statusCode).toBe(303);
    expect(await world.db.select().from(users).where(eq(users.email, "ny.person@sundsvall.se"))).toHaveLength(1);
    const audit = await world.db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(eq(auditLog.entityId, user?.id ?? ""));
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(["user.create", "user_identity.link", "session.start"]));
  });

  it("does not link an existing password account with the same e-mail: it says how to link, and makes no session", async () => {
    const res = await expectRefused(async () => (await signInWith(world.anonymousBrowser(), "pl-a")).res, "account_exists", 409);
    expect(res.body).toContain("Logga in med lösenordet en gång");
    expect(await world.db.select().from(userIdentities).where(eq(userIdentities.userId, world.users.plA))).toEqual([]);
  });

  it("links the identity from the account page after a password sign-in, and then signs that account in", async () => {
    const b = await world.browserAs("plB");
    const start = await b.post(`/settings/identities/${providerId}`, {});
    // A page that sends the browser on (form-action 'self' would block a redirect to the provider).
    expect(start.statusCode).toBe(200);
    const back = await idp.signIn(continuedTo(start.body), "pl-b-at-idp");
    const linked = await b.get(`${back.pathname}${back.search}`);
    expect(linked.statusCode).toBe(303);
    expect(linked.headers.location).toBe("/settings");
    expect(await world.db.select().from(userIdentities).where(eq(userIdentities.userId, world.users.plB))).toMatchObject([
      { issuer: idp.issuer, subject: "pl-b-at-idp" },
    ]);
    const fresh = world.anonymousBrowser();
    const { res } = await signInWith(fresh, "pl-b-at-idp");
    expect(res.statusCode).toBe(303);
    const home = await fresh.get("/settings");
    expect(home.statusCode).toBe(200);
    expect(home.body).toContain("Inloggad som pl-b<");
  });

  it("refuses a token without an e-mail, or with one the provider has not verified", async () => {
    await expectRefused(async () => (await signInWith(world.anonymousBrowser(), "no-email")).res, "email_missing", 403);
    await expectRefused(async () => (await signInWith(world.anonymousBrowser(), "unverified")).res, "email_unverified", 403);
  });

  describe("refuses an ID token that does not pass openid-client's checks", () => {
    afterAll(() => idp.setTamper(null));
    const now = () => Math.floor(Date.now() / 1000);
    const cases = [
      ["a tampered token (payload changed, signature not)", { kind: "payload_changed" as const }],
      ["a wrong nonce", { kind: "claims" as const, claims: { nonce: "not-the-nonce-of-this-sign-in" } }],
      ["an expired token", { kind: "claims" as const, claims: { iat: now() - 7200, exp: now() - 3600 } }],
      ["another issuer", { kind: "claims" as const, claims: { iss: "https://idp.evil.example" } }],
      ["another audience", { kind: "claims" as const, claims: { aud: "some-other-client" } }],
    ] as const;
    for (const [name, tamper] of cases) {
      it(name, async () => {
        idp.setTamper(tamper);
        await expectRefused(async () => (await signInWith(world.anonymousBrowser(), "tamper-target")).res, "token_invalid", 400);
        expect(await world.db.select().from(users).where(eq(users.email, "manipulerad@sundsvall.se"))).toEqual([]);
      });
    }
  });

  it("refuses a replayed callback and a replayed code", async () => {
    const b = world.anonymousBrowser();
    const first = await signInWith(b, "second-new");
    expect(first.res.statusCode).toBe(303);
    const replay = `${first.callback.pathname}${first.callback.search}`;
    // The same callback again: its state was used.
    await expectRefused(() => world.anonymousBrowser().get(replay), "state_unknown", 400);
    // The code with a state of a new sign-in in this browser: the provider will not exchange a used code.
    const attacker = world.anonymousBrowser();
    const start = await attacker.get(`/login/oidc/${providerId}`);
    const state = new URL(String(start.headers.location)).searchParams.get("state") ?? "";
    const code = first.callback.searchParams.get("code") ?? "";
    await expectRefused(
      () =>
        attacker.get(
          `/login/oidc/callback?code=${encodeURIComponent(code)}&state=${encodeURIComponent(state)}&iss=${encodeURIComponent(idp.issuer)}`,
        ),
      "token_invalid",
      400,
    );
  });

  it("refuses a callback without a state, or with a state from another browser, at 400", async () => {
    await expectRefused(() => world.anonymousBrowser().get("/login/oidc/callback?code=abc"), "state_missing", 400);
    const victim = world.anonymousBrowser();
    const start = await victim.get(`/login/oidc/${providerId}`);
    const back = await idp.signIn(String(start.headers.location), "new-person");
    // Login CSRF: the callback made in one browser's sign-in, opened in another's.
    await expectRefused(() => world.anonymousBrowser().get(`${back.pathname}${back.search}`), "state_unknown", 400);
    await expectRefused(() => victim.get("/login/oidc/callback?state=made-up-state&code=abc"), "state_unknown", 400);
    // The sign-in still belongs to the browser that started it.
    expect((await victim.get(`${back.pathname}${back.search}`)).statusCode).toBe(303);
  });

  it("says it in English to a browser that chose English", async () => {
    const b = world.anonymousBrowser();
    b.jar.set("ansluta_lang", "en");
    const res = await expectRefused(() => b.get("/login/oidc/callback?code=abc"), "state_missing", 400);
    expect(res.body).toContain(messagesFor("en").oidc.refused.title);
    expect(res.body).toContain("lacked the check value");
  });

  it("refuses an expired sign-in", async () => {
    const b = world.anonymousBrowser();
    const start = await b.get(`/login/oidc/${providerId}`);
    const back = await idp.signIn(String(start.headers.location), "new-person");
    await world.db
      .update(oidcLoginAttempts)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(oidcLoginAttempts.state, back.searchParams.get("state") ?? ""));
    await expectRefused(() => b.get(`${back.pathname}${back.search}`), "state_expired", 400);
  });

  it("shows the login page again when the person cancels at the provider, audited, without a session", async () => {
    const b = world.anonymousBrowser();
    const start = await b.get(`/login/oidc/${providerId}`);
    const back = await idp.signIn(String(start.headers.location), "new-person", { abort: true });
    expect(back.searchParams.get("error")).toBe("access_denied");
    const before = await sessionCount();
    const res = await b.get(`${back.pathname}${back.search}`);
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain("avbröts eller nekades");
    expect(res.cookies.map((c) => c.name)).not.toContain("ansluta_session");
    expect(await sessionCount()).toBe(before);
    expect((await lastRefusal())?.after).toMatchObject({ reason: "provider_refused", error: "access_denied" });
  });

  describe("a provider that is down or answers garbage", () => {
    const servers: Server[] = [];
    afterAll(async () => {
      for (const s of servers) {
        s.closeAllConnections();
        await new Promise((resolve) => s.close(resolve));
      }
    });
    async function serve(handler: Parameters<typeof createServer>[1]) {
      const s = createServer(handler);
      servers.push(s);
      await new Promise<void>((resolve) => s.listen(0, "127.0.0.1", resolve));
      return `http://127.0.0.1:${(s.address() as AddressInfo).port}`;
    }

    it("still renders the login page with every provider, and answers within seconds with a clear message once one is chosen", async () => {
      // Accepts the connection and never answers.
      const hanging = await register(await serve(() => {}), "Tyst kommun");
      const garbage = await register(
        await serve((_req, res) => res.writeHead(200, { "content-type": "application/json" }).end("{ not json")),
        "Trasig region",
      );
      const started = Date.now();
      const login = await world.anonymousBrowser().get("/login");
      expect(Date.now() - started).toBeLessThan(2000);
      expect(login.body).toContain("Logga in med Tyst kommun");
      expect(login.body).toContain("Logga in med Trasig region");
      for (const p of [hanging, garbage]) {
        const t0 = Date.now();
        const res = await world.anonymousBrowser().get(`/login/oidc/${p.id}`);
        expect(Date.now() - t0).toBeLessThan(8000);
        expect(res.statusCode).toBe(502);
        expect(res.body).toContain(`Det gick inte att nå inloggningstjänsten ${p.displayName}`);
        expect(res.body).toContain('name="password"');
        const [entry] = await world.db
          .select()
          .from(auditLog)
          .where(and(eq(auditLog.action, "oidc.sign_in_refused"), eq(auditLog.entityId, p.id)));
        expect(entry?.after).toMatchObject({ reason: "provider_unreachable" });
        // Nothing is kept of a sign-in that never reached the provider.
        expect(await world.db.select().from(oidcLoginAttempts).where(eq(oidcLoginAttempts.providerId, p.id))).toEqual([]);
      }
    }, 30_000);
  });
});
