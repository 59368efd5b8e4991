import { describe, expect, it } from "vitest";
import { LOGIN_THROTTLE } from "../../src/domain/identity/login-throttle.ts";
import { apiClient } from "../support/test-app.ts";
import { useTestWorld } from "../support/test-world.ts";

describe("API authentication", () => {
  const world = useTestWorld();

  it("logs in with e-mail and password and returns a bearer token", async () => {
    const res = await world.app.inject({
      method: "POST",
      url: "/api/v1/auth/login",
      payload: { email: "PL-A@test.example", password: "Test-password-1" },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ token: expect.stringMatching(/^[A-Za-z0-9_-]{40,}$/) });
  });

  it("GET /api/v1/me returns the user with memberships, organisation numbers and roles", async () => {
    const api = await world.loginAs("consultant");
    const me = (await api.get("/api/v1/me")).json() as {
      memberships: { organisationId: string; organisationNumber: string; roles: string[] }[];
    };
    expect(me).toMatchObject({ email: world.emails.consultant, systemRoles: [] });
    expect(me.memberships).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ organisationId: world.orgA.id, organisationNumber: "2120002411", roles: ["deltagare"] }),
        expect.objectContaining({ organisationId: world.orgB.id, organisationNumber: "2321000206", roles: ["deltagare"] }),
      ]),
    );
  });

  it("refuses a wrong password with 401 and the same answer for an unknown e-mail", async () => {
    const wrong = await world.app.inject({
      method: "POST",
      url: "/api/v1/auth/login",
      payload: { email: world.emails.sgA, password: "nope-nope-nope" },
    });
    const unknown = await world.app.inject({
      method: "POST",
      url: "/api/v1/auth/login",
      payload: { email: "ghost@test.example", password: "nope-nope-nope" },
    });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json()).toEqual(unknown.json());
  });

  it("answers 400 with field paths for a malformed login body", async () => {
    const res = await world.app.inject({ method: "POST", url: "/api/v1/auth/login", payload: { email: "" } });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({
      code: "VALIDATION_FAILED",
      fields: expect.arrayContaining([
        expect.objectContaining({ path: "email", code: "required" }),
        expect.objectContaining({ path: "password" }),
      ]),
    });
  });

  it("answers 400, not 500, for a body that is not JSON", async () => {
    const res = await world.app.inject({
      method: "POST",
      url: "/api/v1/auth/login",
      headers: { "content-type": "application/json" },
      payload: "{not json",
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: "BAD_REQUEST" });
  });

  it("rate-limits repeated failures for one account with 429 and Retry-After", async () => {
    const email = world.emails.readerA;
    for (let i = 0; i < LOGIN_THROTTLE.accountAddress.free; i++) {
      const r = await world.app.inject({ method: "POST", url: "/api/v1/auth/login", payload: { email, password: "wrong-password" } });
      expect(r.statusCode).toBe(401);
    }
    // Even the right password is refused while the delay runs, from a browser that is not known.
    const limited = await world.app.inject({ method: "POST", url: "/api/v1/auth/login", payload: { email, password: "Test-password-1" } });
    expect(limited.statusCode).toBe(429);
    expect(limited.json()).toMatchObject({ code: "LOGIN_RATE_LIMITED" });
    expect(Number(limited.headers["retry-after"])).toBeGreaterThan(0);
  });

  it("requires a bearer token on /api/v1 and ignores the session cookie there", async () => {
    expect((await world.app.inject({ method: "GET", url: "/api/v1/me" })).statusCode).toBe(401);
    expect(
      (await world.app.inject({ method: "GET", url: "/api/v1/me", headers: { authorization: "Bearer not-a-token" } })).statusCode,
    ).toBe(401);
  });

  it("logout revokes the token used", async () => {
    const api = await world.loginAs("vaA");
    expect((await api.post("/api/v1/auth/logout")).statusCode).toBe(204);
    expect((await api.get("/api/v1/me")).statusCode).toBe(401);
  });

  it("creates, uses, lists and revokes personal API tokens", async () => {
    const api = await world.loginAs("plA");
    const created = await api.post("/api/v1/me/tokens", { name: "Integration", expiresInDays: 30 });
    expect(created.statusCode).toBe(201);
    const { token, apiToken } = created.json() as { token: string; apiToken: { id: string; name: string } };
    expect(apiToken.name).toBe("Integration");
    const personal = apiClient(world.app, token);
    expect((await personal.get("/api/v1/me")).statusCode).toBe(200);
    const listed = (await api.get("/api/v1/me/tokens")).json() as { tokens: { id: string; revokedAt: string | null }[] };
    expect(listed.tokens.map((x) => x.id)).toContain(apiToken.id);
    expect(JSON.stringify(listed)).not.toContain(token);
    expect((await api.delete(`/api/v1/me/tokens/${apiToken.id}`)).statusCode).toBe(204);
    expect((await personal.get("/api/v1/me")).statusCode).toBe(401);
  });

  it("does not let one user revoke another's token (404)", async () => {
    const a = await world.loginAs("plA");
    const { apiToken } = (await a.post("/api/v1/me/tokens", { name: "Mine", expiresInDays: null })).json() as { apiToken: { id: string } };
    const b = await world.loginAs("plB");
    expect((await b.delete(`/api/v1/me/tokens/${apiToken.id}`)).statusCode).toBe(404);
  });

  it("changes the user's language", async () => {
    const api = await world.loginAs("sgA");
    const res = await api.patch("/api/v1/me", { locale: "en" });
    expect(res.statusCode).toBe(200);
    expect((await api.get("/api/v1/me")).json()).toMatchObject({ locale: "en" });
    expect((await api.patch("/api/v1/me", { locale: "fi" })).statusCode).toBe(400);
  });
});
