import { readFileSync } from "node:fs";
import { fromProjectRoot } from "../../../project-root.ts";
import { findAsset } from "../../../ui/static-assets.ts";
import type { RegisteredApiRoute } from "../../api/api-route.ts";
import { buildOpenApi } from "../../api/openapi.ts";
import type { AppScope } from "../../app-scope.ts";

const HASH = /^[0-9a-f]{12}$/;

const version = (JSON.parse(readFileSync(fromProjectRoot("package.json"), "utf8")) as { version: string }).version;

export async function systemRoutes({ app, handle }: AppScope, registry: readonly RegisteredApiRoute[]) {
  // Liveness: the process serves requests. It touches nothing else, so a database outage never gets
  // a healthy process restarted (which would not bring the database back).
  app.get("/livez", async (_request, reply) => reply.header("cache-control", "no-store").send({ status: "ok" }));

  // Readiness: this server can do its work, i.e. the database answers, within PING_TIMEOUT_MS.
  app.get("/healthz", async (_request, reply) => {
    const ok = await handle.ping();
    return reply
      .code(ok ? 200 : 503)
      .header("cache-control", "no-store")
      .send(ok ? { status: "ok" } : { status: "unavailable" });
  });

  // Built lazily: every module has registered its routes by the time the first client asks.
  let openApi: unknown;
  app.get("/api/openapi.json", async () => {
    openApi ??= buildOpenApi(registry, version);
    return openApi;
  });

  // Under its hashed name an asset never changes, so a browser may keep it for a year; under its
  // plain name, or a hash this server does not know (a page from before a deploy), only briefly.
  app.get<{ Params: { "*": string } }>("/assets/*", async (request, reply) => {
    const [first = "", ...rest] = request.params["*"].split("/");
    const hashed = HASH.test(first) && rest.length > 0;
    const asset = findAsset(hashed ? rest.join("/") : request.params["*"]);
    if (!asset) return reply.callNotFound();
    const immutable = hashed && asset.hash === first;
    return reply
      .type(asset.type)
      .header("cache-control", immutable ? "public, max-age=31536000, immutable" : "public, max-age=3600")
      .send(asset.body);
  });
  app.get("/favicon.ico", async (_request, reply) => {
    const icon = findAsset("favicon.ico");
    if (!icon) return reply.callNotFound();
    return reply.type("image/x-icon").header("cache-control", "public, max-age=86400").send(icon.body);
  });
}
