import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import fastifyStatic from "@fastify/static";
import type { RegisteredApiRoute } from "../../api/api-route.ts";
import { buildOpenApi } from "../../api/openapi.ts";
import type { AppScope } from "../../app-scope.ts";

const require = createRequire(import.meta.url);
const here = path.dirname(fileURLToPath(import.meta.url));
const version = (JSON.parse(readFileSync(path.join(here, "../../../../package.json"), "utf8")) as { version: string }).version;

export async function systemRoutes({ app, handle }: AppScope, registry: readonly RegisteredApiRoute[]) {
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

  await app.register(fastifyStatic, {
    root: path.join(here, "../../../ui/assets"),
    prefix: "/assets/",
    maxAge: "1h",
  });
  // Designsystemet's compiled CSS and its default theme, served from the pinned package.
  const cssDir = path.dirname(require.resolve("@digdir/designsystemet-css"));
  const files = {
    "index.css": readFileSync(path.join(cssDir, "index.css")),
    "theme.css": readFileSync(path.resolve(cssDir, "../theme/designsystemet.css")),
  };
  app.get<{ Params: { file: string } }>("/assets/designsystemet/:file", async (request, reply) => {
    const body = files[request.params.file as keyof typeof files];
    if (!body) return reply.callNotFound();
    return reply.type("text/css; charset=utf-8").header("cache-control", "public, max-age=86400").send(body);
  });
}
