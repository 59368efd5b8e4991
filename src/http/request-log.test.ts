import { Writable } from "node:stream";
import Fastify, { LogController } from "fastify";
import { describe, expect, it } from "vitest";
import { registerRequestLog } from "./request-log.ts";

async function linesFor(level: string, urls: string[], msg = "request") {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk, _encoding, callback) {
      lines.push(JSON.parse(String(chunk)));
      callback();
    },
  });
  const app = Fastify({ logger: { level, stream }, logController: new LogController({ disableRequestLogging: true }) });
  registerRequestLog(app);
  app.get("/healthz", async () => "ok");
  app.get("/invitation/:token", async () => "hello");
  app.get("/broken", async (_request, reply) => reply.code(503).send("down"));
  for (const url of urls) await app.inject({ url });
  await app.close();
  return lines.filter((l) => l.msg === msg);
}

describe("request log", () => {
  it("writes one line per request, without an invitation's token", async () => {
    const lines = await linesFor("info", ["/invitation/s3cret-token?x=1", "/nowhere"]);
    expect(lines).toEqual([
      expect.objectContaining({ level: 30, method: "GET", url: "/invitation/[token]", status: 200, ms: expect.any(Number) }),
      expect.objectContaining({ level: 30, method: "GET", url: "/nowhere", status: 404 }),
    ]);
    expect(JSON.stringify(lines)).not.toContain("s3cret");
  });

  it("keeps health probes out of the info log but logs server errors as errors", async () => {
    expect(await linesFor("info", ["/healthz", "/broken"])).toEqual([expect.objectContaining({ level: 50, url: "/broken", status: 503 })]);
    expect(await linesFor("debug", ["/healthz"])).toEqual([expect.objectContaining({ level: 20, url: "/healthz", status: 200 })]);
  });

  it("tells at debug level when a request arrives", async () => {
    const lines = await linesFor("debug", ["/invitation/s3cret?x=1"], "request received");
    expect(lines).toEqual([expect.objectContaining({ level: 20, method: "GET", url: "/invitation/[token]" })]);
  });
});
