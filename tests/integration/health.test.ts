import { describe, expect, it } from "vitest";
import { useTestWorld } from "../support/test-world.ts";

describe("health and API description", () => {
  const world = useTestWorld({ empty: true });

  it("answers 200 ok when the database answers", async () => {
    const res = await world.app.inject({ method: "GET", url: "/healthz" });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: "ok" });
  });

  it("describes every API route in an OpenAPI 3.1 document", async () => {
    const res = await world.app.inject({ method: "GET", url: "/api/openapi.json" });
    expect(res.statusCode).toBe(200);
    const doc = res.json() as { openapi: string; paths: Record<string, Record<string, { security: unknown[] }>> };
    expect(doc.openapi).toBe("3.1.0");
    for (const r of world.app.apiRoutes) {
      const path = r.url.replace(/:(\w+)/g, "{$1}");
      expect(doc.paths[path]?.[r.method.toLowerCase()], `${r.method} ${path}`).toBeDefined();
    }
    expect(doc.paths["/api/v1/me"]?.get?.security).toEqual([{ bearerAuth: [] }]);
    // Every reference must resolve inside this document.
    for (const ref of JSON.stringify(doc).match(/"\$ref":"[^"]+"/g) ?? []) expect(ref).toContain("#/components/schemas/");
    expect(doc.paths["/api/v1/auth/login"]?.post?.security).toEqual([]);
  });

  it("answers 404 JSON for an unknown API route and a 404 page for an unknown page", async () => {
    const api = await world.app.inject({ method: "GET", url: "/api/v1/nothing-here" });
    expect(api.statusCode).toBe(404);
    expect(api.json()).toMatchObject({ code: "NOT_FOUND" });
    const page = await world.app.inject({ method: "GET", url: "/nothing-here" });
    expect(page.statusCode).toBe(404);
    expect(page.headers["content-type"]).toContain("text/html");
    expect(page.body).toContain("Sidan hittades inte");
  });

  it("sets the security headers on pages", async () => {
    const res = await world.app.inject({ method: "GET", url: "/login" });
    const csp = String(res.headers["content-security-policy"]);
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain("unsafe-inline");
    expect(res.headers["x-content-type-options"]).toBe("nosniff");
    expect(res.headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
    expect(res.headers["x-frame-options"]).toBe("DENY");
  });

  it("answers /livez 200 without the database", async () => {
    const res = await world.app.inject({ method: "GET", url: "/livez" });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: "ok" });
    expect(res.headers["cache-control"]).toBe("no-store");
  });

  // Last: it closes the database. tests/integration/database-outage.test.ts cuts a live PostgreSQL under load.
  it("answers 503 when the database does not: /healthz, the API as DATABASE_UNAVAILABLE, pages with a Swedish page; /livez still 200", async () => {
    await world.handle.close();
    const res = await world.app.inject({ method: "GET", url: "/healthz" });
    expect(res.statusCode).toBe(503);
    expect(res.json()).toEqual({ status: "unavailable" });
    expect((await world.app.inject({ method: "GET", url: "/livez" })).statusCode).toBe(200);

    const api = await world.app.inject({
      method: "POST",
      url: "/api/v1/auth/login",
      payload: { email: "a@test.example", password: "x".repeat(12) },
    });
    expect(api.statusCode).toBe(503);
    expect(api.headers["retry-after"]).toBe("5");
    expect(api.json()).toMatchObject({ code: "DATABASE_UNAVAILABLE", retryAfterSeconds: 5 });
    const page = await world.app.inject({ method: "GET", url: "/", headers: { cookie: "ansluta_session=whatever" } });
    expect(page.statusCode).toBe(503);
    expect(page.headers["content-type"]).toContain("text/html");
    expect(page.body).toContain("Ansluta når inte sin databas just nu");
    expect(page.body).not.toMatch(/PGlite|Pool|node_modules/);
  });
});
