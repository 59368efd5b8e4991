import Fastify from "fastify";
import { describe, expect, it } from "vitest";
import { registerSecurityHeaders } from "./security-headers.ts";

async function headersOf(hsts: boolean) {
  const app = Fastify();
  registerSecurityHeaders(app, { hsts });
  app.get("/", async () => "ok");
  const response = await app.inject({ url: "/" });
  await app.close();
  return response.headers;
}

describe("security headers", () => {
  it("sends the policy on every response, the same each time", async () => {
    const headers = await headersOf(false);
    expect(headers["content-security-policy"]).toBe(
      "default-src 'self';script-src 'self';style-src 'self';img-src 'self' data:;font-src 'self';connect-src 'self';form-action 'self';frame-ancestors 'none';base-uri 'none';object-src 'none'",
    );
    expect(headers["x-frame-options"]).toBe("DENY");
    expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
    expect(headers["x-content-type-options"]).toBe("nosniff");
    expect(headers["cross-origin-embedder-policy"]).toBeUndefined();
    expect(headers["strict-transport-security"]).toBeUndefined();
    expect(await headersOf(false)).toMatchObject({ "content-security-policy": headers["content-security-policy"] });
  });

  it("pins HTTPS only behind a TLS-terminating proxy", async () => {
    expect((await headersOf(true))["strict-transport-security"]).toBe("max-age=31536000; includeSubDomains");
  });
});
