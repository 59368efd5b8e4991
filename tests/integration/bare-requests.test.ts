import { describe, expect, it } from "vitest";
import { CSRF_COOKIE, SESSION_COOKIE } from "../../src/http/cookies.ts";
import { useTestWorld } from "../support/test-world.ts";

describe("bare requests: assets and health probes set no cookie", () => {
  const world = useTestWorld({ empty: true });
  const cookie = `${SESSION_COOKIE}=not-a-session; ${CSRF_COOKIE}=short`;

  it("answers probes and assets without a form-token cookie, whatever cookies came with them", async () => {
    const login = await world.app.inject({ method: "GET", url: "/login" });
    const stylesheet = login.body.match(/\/assets\/[0-9a-f]{12}\/ansluta\.css/)?.[0];
    expect(stylesheet).toBeDefined();
    for (const url of ["/healthz", "/livez", "/favicon.ico", stylesheet ?? ""]) {
      const res = await world.app.inject({ method: "GET", url, headers: { cookie } });
      expect(res.statusCode, url).toBe(200);
      expect(res.headers["set-cookie"], url).toBeUndefined();
    }
  });

  it("still gives a page a fresh form token in place of a malformed one", async () => {
    const res = await world.app.inject({ method: "GET", url: "/login", headers: { cookie } });
    expect(String(res.headers["set-cookie"])).toMatch(new RegExp(`^${CSRF_COOKIE}=[A-Za-z0-9_-]{32}`));
  });
});
