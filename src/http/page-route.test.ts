import Fastify from "fastify";
import { describe, expect, it } from "vitest";
import { pageRoute } from "./page-route.ts";

describe("a page route", () => {
  it("is done when its handler answered itself, whether or not it returned the reply", async () => {
    // Fastify logs, rather than hands to the error handler, what goes wrong after the reply was sent.
    const logged: string[] = [];
    const app = Fastify({ logger: { level: "warn", stream: { write: (line: string) => logged.push(line) } } });
    app.decorateRequest("locale", "sv");
    const errors: unknown[] = [];
    app.setErrorHandler((error, _request, reply) => {
      errors.push(error);
      return reply.code(500).send("error");
    });
    pageRoute(app, {
      method: "GET",
      url: "/download",
      access: "public",
      handle: async ({ reply }) => {
        await reply.type("text/plain").send("the file");
        return undefined as never;
      },
    });
    const res = await app.inject({ method: "GET", url: "/download" });
    expect(res.statusCode).toBe(200);
    expect(res.body).toBe("the file");
    expect(errors).toEqual([]);
    expect(logged).toEqual([]);
    await app.close();
  });
});
