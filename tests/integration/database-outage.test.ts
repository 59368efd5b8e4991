import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { eq, inArray } from "drizzle-orm";
import type { LightMyRequestResponse } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readConfig } from "../../src/config.ts";
import type { DatabaseHandle } from "../../src/db/database.ts";
import { openDatabase } from "../../src/db/open-database.ts";
import { auditLog, messageFlows } from "../../src/db/schema.ts";
import { type AnslutaApp, buildApp } from "../../src/http/app.ts";
import { Initiative } from "../../src/http/routes/initiatives/initiatives.schema.ts";
import { startTcpProxy, type TcpProxy } from "../support/tcp-proxy.ts";
import { apiAs, browser, seedWorld } from "../support/test-app.ts";
import { createTestDatabaseEnv } from "../support/test-database.ts";
import { TEST_SECRETS } from "../support/test-secrets.ts";
import { parseBody } from "../support/test-world.ts";

/**
 * PostgreSQL goes away under load and comes back: a TCP proxy the test controls sits between the
 * app and the database. While it is cut, every request fails fast with 503 (a Swedish page, or
 * DATABASE_UNAVAILABLE for the API), readiness (/healthz) says 503 and liveness (/livez) 200; once
 * it is restored the same app serves again by itself, and every write it acknowledged is stored.
 *
 * The bounds are the words made generous for a busy 2-core machine: "fail fast" is an
 * answer within 5 s, "within seconds" a recovery within 15 s.
 */
const FAIL_FAST_MS = 5_000;
const RECOVERY_MS = 15_000;

type Outcome = {
  kind: "write" | "read" | "page";
  name?: string;
  status: number;
  ms: number;
  startedAt: number;
  endedAt: number;
  res: LightMyRequestResponse;
};

// PGlite runs inside the process: there is no connection between the app and its database to cut.
describe.runIf(process.env.DATABASE_URL)(
  "a PostgreSQL outage under load (PostgreSQL only: the embedded database has no connection to cut)",
  () => {
    const dir = mkdtempSync(path.join(tmpdir(), "ansluta-outage-"));
    let drop: () => Promise<void> = async () => {};
    let proxy: TcpProxy;
    let handle: DatabaseHandle;
    /** A connection of the test's own, past the proxy, to count what is stored. */
    let direct: DatabaseHandle;
    let app: AnslutaApp;

    beforeAll(async () => {
      const made = await createTestDatabaseEnv(path.join(dir, "data"));
      drop = made.drop;
      const url = new URL(made.env.DATABASE_URL as string);
      proxy = await startTcpProxy({ host: url.hostname, port: Number(url.port || 5432) });
      const viaProxy = new URL(url);
      viaProxy.hostname = "127.0.0.1";
      viaProxy.port = String(proxy.port);
      handle = await openDatabase({ kind: "postgres", url: viaProxy.toString() });
      direct = await openDatabase({ kind: "postgres", url: url.toString() });
      app = await buildApp({
        handle,
        config: readConfig({ LOG_LEVEL: "silent", PUBLIC_URL: "http://ansluta.test" }),
        secrets: TEST_SECRETS,
        logger: false,
      });
      await app.ready();
    });
    // Minutes, not the default minute: once (CI, a busy machine, 7 December 2026) this teardown ran
    // past 60 s after the test itself had passed, and it did not happen again in four runs. Each step
    // that takes long says so, so a recurrence names the step (the app's close, the pool, or DROP
    // DATABASE behind other test files' CREATE DATABASE).
    afterAll(async () => {
      const step = async (name: string, work: () => Promise<unknown> | undefined) => {
        const startedAt = performance.now();
        await work();
        const ms = performance.now() - startedAt;
        if (ms > 5_000) process.stderr.write(`database-outage teardown: ${name} took ${Math.round(ms)} ms\n`);
      };
      await step("app.close()", () => app?.close());
      // The proxy first: a query still held by a hang would otherwise keep the pool from ending.
      await step("proxy.close()", () => proxy?.close());
      await step("the app's pool", () => handle?.close());
      await step("the test's own pool", () => direct?.close());
      await step("drop database", () => drop());
      rmSync(dir, { recursive: true, force: true });
    }, 240_000);

    it("answers 503 fast while the database is cut, recovers by itself when it is back, and loses no acknowledged write", async () => {
      const world = await seedWorld(handle.db);
      const pl = await apiAs(app, world.emails.plA);
      const initiative = parseBody(
        await pl.post("/api/v1/initiatives", { organisationId: world.orgA.id, name: "Avbrott" }),
        Initiative,
        201,
      );
      const page = browser(app);
      await page.login(world.emails.plA);

      const outcomes: Outcome[] = [];
      let attempt = 0;
      let running = true;
      const time = async (kind: Outcome["kind"], call: () => Promise<LightMyRequestResponse>, name?: string) => {
        const startedAt = performance.now();
        const res = await call();
        const endedAt = performance.now();
        outcomes.push({ kind, status: res.statusCode, ms: endedAt - startedAt, startedAt, endedAt, res, ...(name ? { name } : {}) });
      };
      // Six clients, each writing a flow, reading the API and a page in turn, with no pause: load, not a trickle.
      const client = async () => {
        while (running) {
          const name = `Flöde ${attempt++}`;
          await time(
            "write",
            () => pl.post(`/api/v1/initiatives/${initiative.id}/flows`, { name, recipientType: "privatperson", annualVolume: 100 }),
            name,
          );
          await time("read", () => pl.get("/api/v1/me"));
          await time("page", () => page.get(`/initiatives/${initiative.id}`));
        }
      };
      const clients = Array.from({ length: 6 }, client);

      await sleep(1_500);
      const cutAt = performance.now();
      await proxy.cut();
      const cutDone = performance.now();
      await sleep(3_000);
      const health = await timed(() => app.inject({ method: "GET", url: "/healthz" }));
      const live = await timed(() => app.inject({ method: "GET", url: "/livez" }));
      await sleep(500);
      const restoredAt = performance.now();
      await proxy.restore();

      // Recovered: a write through the same app succeeds again, with nothing restarted.
      let recoveredAt = Number.POSITIVE_INFINITY;
      while (performance.now() - restoredAt < RECOVERY_MS + 5_000) {
        const ok = outcomes.find((o) => o.kind === "write" && o.startedAt > restoredAt && o.status === 201);
        if (ok) {
          recoveredAt = ok.endedAt;
          break;
        }
        await sleep(50);
      }
      await sleep(1_000);
      running = false;
      await Promise.all(clients);
      const healthAfter = await app.inject({ method: "GET", url: "/healthz" });

      // While the proxy was cut: only 503s, each answered fast, the API's as JSON, the pages' as the Swedish page.
      const during = outcomes.filter((o) => o.startedAt >= cutDone && o.endedAt <= restoredAt);
      expect(during.length, "requests were made during the outage").toBeGreaterThan(20);
      expect(new Set(during.map((o) => o.status))).toEqual(new Set([503]));
      for (const o of during) {
        expect(o.res.headers["retry-after"]).toBe("5");
        if (o.kind === "page") {
          expect(o.res.headers["content-type"]).toContain("text/html");
          expect(o.res.body).toContain("Ansluta når inte sin databas just nu");
        } else {
          expect(o.res.json()).toEqual({
            code: "DATABASE_UNAVAILABLE",
            message: expect.stringContaining("the database does not answer"),
            retryAfterSeconds: 5,
          });
        }
        // Nothing about the fault reaches the client: no stack, no socket error, no address.
        expect(o.res.body).not.toMatch(/ECONNREFUSED|Connection terminated|127\.0\.0\.1|\bat [\w.<>]+ \(|node_modules/);
      }
      const slowestFailure = Math.max(...during.map((o) => o.ms));
      expect(slowestFailure).toBeLessThanOrEqual(FAIL_FAST_MS);
      // Requests under way at the cut end too, fast, as a 2xx or a 503, never a 500.
      const straddling = outcomes.filter((o) => o.startedAt < cutDone && o.endedAt > cutAt);
      for (const o of straddling) expect([200, 201, 503]).toContain(o.status);
      expect(outcomes.filter((o) => o.status === 500).map((o) => o.res.body)).toEqual([]);

      expect(health.res.statusCode).toBe(503);
      expect(health.res.json()).toEqual({ status: "unavailable" });
      expect(health.ms).toBeLessThanOrEqual(FAIL_FAST_MS);
      expect(live.res.statusCode).toBe(200);
      expect(live.res.json()).toEqual({ status: "ok" });

      const recoveryMs = recoveredAt - restoredAt;
      expect(recoveryMs).toBeLessThanOrEqual(RECOVERY_MS);
      expect(healthAfter.statusCode).toBe(200);
      // After recovery everything answers as before.
      const after = outcomes.filter((o) => o.startedAt > recoveredAt);
      expect(after.length).toBeGreaterThan(0);
      expect(after.filter((o) => o.status >= 300).map((o) => `${o.kind} ${o.status}`)).toEqual([]);

      // Every write answered 201 is stored with its audit entry; nothing is stored that was never sent.
      const acknowledged = outcomes.filter((o) => o.kind === "write" && o.status === 201).map((o) => o.name as string);
      const attempted = new Set(outcomes.filter((o) => o.kind === "write").map((o) => o.name as string));
      const stored = await direct.db.select().from(messageFlows).where(eq(messageFlows.initiativeId, initiative.id));
      const storedNames = new Set(stored.map((f) => f.name));
      expect(acknowledged.filter((n) => !storedNames.has(n))).toEqual([]);
      expect([...storedNames].filter((n) => !attempted.has(n))).toEqual([]);
      const audited = await direct.db
        .select({ entityId: auditLog.entityId })
        .from(auditLog)
        .where(
          inArray(
            auditLog.entityId,
            stored.map((f) => f.id),
          ),
        );
      expect(new Set(audited.map((a) => a.entityId)).size).toBe(stored.length);

      console.info(
        `database outage: ${during.length} requests during the cut, all 503, slowest ${Math.round(slowestFailure)} ms; ` +
          `/healthz ${Math.round(health.ms)} ms; recovered ${Math.round(recoveryMs)} ms after the restore; ` +
          `${acknowledged.length} writes acknowledged, ${stored.length} stored, of ${attempted.size} attempted`,
      );
    }, 90_000);

    it("answers /healthz 503 within its timeout while the database hangs, and /livez 200", async () => {
      expect((await app.inject({ method: "GET", url: "/healthz" })).statusCode).toBe(200);
      proxy.hang();
      try {
        const health = await timed(() => app.inject({ method: "GET", url: "/healthz" }));
        const live = await timed(() => app.inject({ method: "GET", url: "/livez" }));
        expect(health.res.statusCode).toBe(503);
        expect(health.ms).toBeLessThanOrEqual(FAIL_FAST_MS);
        expect(live.res.statusCode).toBe(200);
        expect(live.ms).toBeLessThanOrEqual(1_000);
      } finally {
        proxy.unhang();
      }
      // What was held back arrives, and the connections go on.
      const deadline = performance.now() + RECOVERY_MS;
      let status = 0;
      while (performance.now() < deadline && status !== 200) {
        status = (await app.inject({ method: "GET", url: "/healthz" })).statusCode;
        if (status !== 200) await sleep(100);
      }
      expect(status).toBe(200);
    }, 60_000);
  },
);

async function timed(call: () => Promise<LightMyRequestResponse>) {
  const started = performance.now();
  const res = await call();
  return { res, ms: performance.now() - started };
}
