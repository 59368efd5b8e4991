import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import type { LightMyRequestResponse } from "fastify";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { auditLog, sandboxEvents, sandboxLoadTests } from "../../src/db/schema.ts";
import { ErrorBody } from "../../src/http/api/api-route.ts";
import { Deliverable } from "../../src/http/routes/deliverables/deliverables.schema.ts";
import { ConformanceReportCreated } from "../../src/http/routes/sandbox/sandbox.schema.ts";
import { LoadTest, LoadTestWithSummary } from "../../src/http/routes/sandbox/test-run.schema.ts";
import { seedTestEnvironment } from "../support/sandbox-fixtures.ts";
import { type Api, getJson, parseBody, postJson, useTestWorld } from "../support/test-world.ts";

const LoadTests = z.object({ loadTests: z.array(LoadTest) });

describe("load-test mode", () => {
  const world = useTestWorld();

  /** A new initiative of organisation A with a test environment, and where its load tests are. */
  const loadTestEnvironment = async (name = "Lasttestat initiativ", enabled = true) => {
    const { initiative, environment } = await seedTestEnvironment(world, { name, enabled });
    return { initiativeId: initiative.id, environmentId: environment.id, url: `/api/v1/initiatives/${initiative.id}/sandbox/load-tests` };
  };
  const start = (pl: Api, url: string, body = { targetRate: 20, durationSeconds: 600 }) => postJson(pl, url, body, LoadTestWithSummary);
  /** The error an answer carries, after checking its status. */
  const codeOf = (res: LightMyRequestResponse, status: number) => parseBody(res, ErrorBody, status).code;

  it("validates the rate and the duration (400 with the field)", async () => {
    const pl = await world.loginAs("plA");
    const { url } = await loadTestEnvironment();
    for (const body of [
      { targetRate: 0.05, durationSeconds: 60 },
      { targetRate: 501, durationSeconds: 60 },
      { targetRate: 10, durationSeconds: 9 },
      { targetRate: 10, durationSeconds: 3601 },
      { targetRate: 10, durationSeconds: 60.5 },
      { targetRate: "fast", durationSeconds: 60 },
      {},
    ]) {
      const res = await pl.post(url, body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(codeOf(res, 400)).toBe("VALIDATION_FAILED");
    }
  });

  it("starts one (201, audited), refuses a second while it runs (409), and stops it (audited)", async () => {
    const pl = await world.loginAs("plA");
    const { url } = await loadTestEnvironment();
    const run = await start(pl, url);
    expect(run).toMatchObject({ status: "running", targetRate: 20, durationSeconds: 600, summary: { running: true, calls: 0 } });

    expect(codeOf(await pl.post(url, { targetRate: 5, durationSeconds: 60 }), 409)).toBe("LOAD_TEST_RUNNING");

    expect(parseBody(await pl.post(`${url}/${run.id}/stop`), LoadTestWithSummary).status).toBe("stopped");
    expect(codeOf(await pl.post(`${url}/${run.id}/stop`), 409)).toBe("LOAD_TEST_NOT_RUNNING");

    const audit = await world.db.select().from(auditLog).where(eq(auditLog.entityId, run.id));
    expect(audit.map((a) => a.action).sort()).toEqual(["sandbox.load_test.start", "sandbox.load_test.stop"]);

    expect((await pl.post(url, { targetRate: 5, durationSeconds: 60 })).statusCode).toBe(201);
  });

  it("needs an enabled environment (409 SANDBOX_NOT_ENABLED)", async () => {
    const pl = await world.loginAs("plA");
    const { id: without } = await world.seedInitiative({ name: "Utan testmiljö" });
    const none = await pl.post(`/api/v1/initiatives/${without}/sandbox/load-tests`, { targetRate: 1, durationSeconds: 60 });
    expect(codeOf(none, 409)).toBe("SANDBOX_NOT_ENABLED");
    const disabled = await loadTestEnvironment("Avstängd testmiljö", false);
    const off = await pl.post(disabled.url, { targetRate: 1, durationSeconds: 60 });
    expect(codeOf(off, 409)).toBe("SANDBOX_NOT_ENABLED");
  });

  it("answers 404 to an outsider and 403 to a member without the sandbox role", async () => {
    const pl = await world.loginAs("plA");
    const { url } = await loadTestEnvironment();
    const { id } = await start(pl, url);
    const outsider = await world.loginAs("plB");
    const reader = await world.loginAs("readerA");
    for (const [client, status] of [
      [outsider, 404],
      [reader, 403],
    ] as const) {
      expect((await client.post(url, { targetRate: 1, durationSeconds: 60 })).statusCode).toBe(status);
      expect((await client.get(url)).statusCode).toBe(status);
      expect((await client.get(`${url}/${id}`)).statusCode).toBe(status);
      expect((await client.post(`${url}/${id}/stop`)).statusCode).toBe(status);
    }
    // A run of another initiative's environment is not found through this one.
    const other = await loadTestEnvironment("Annat lasttest");
    expect((await pl.get(`${other.url}/${id}`)).statusCode).toBe(404);
  });

  it("lists the runs newest first and sums up a run from the calls in its window made by the environment's own caller", async () => {
    const pl = await world.loginAs("plA");
    const { url, environmentId } = await loadTestEnvironment();
    // A stopped run, then a running one.
    const stopped = await start(pl, url);
    expect((await pl.post(`${url}/${stopped.id}/stop`)).statusCode).toBe(200);
    await start(pl, url, { targetRate: 5, durationSeconds: 60 });
    const runs = (await getJson(pl, url, LoadTests)).loadTests;
    expect(runs.map((r) => r.status)).toEqual(["running", "stopped"]);
    const [run] = runs;
    if (!run) throw new Error("no load test listed");
    const started = new Date(run.startedAt).getTime();
    const durations = [10, 20, 30, 40];
    for (const [i, durationMs] of durations.entries()) {
      await world.db.insert(sandboxEvents).values({
        id: randomUUID(),
        at: new Date(started + i * 100),
        organisationId: world.orgA.id,
        environmentId,
        loadTestId: run.id,
        clientOrgNr: `16${world.orgA.number}`,
        endpoint: "service",
        operation: "deliverSecure",
        outcome: i === 3 ? "fault" : "delivered",
        faultCode: i === 3 ? 5001 : null,
        durationMs,
        checks: i === 3 ? [{ id: "signature.sender", status: "fail", message: "does not verify" }] : [],
      });
    }
    // Not the run's: a call anyone could make (no accepted certificate), and one before the run began.
    const outsider = {
      organisationId: world.orgA.id,
      environmentId,
      endpoint: "service",
      operation: "deliverSecure",
      durationMs: 5,
      checks: [],
    };
    await world.db.insert(sandboxEvents).values([
      { ...outsider, id: randomUUID(), at: new Date(started + 50), loadTestId: run.id, clientOrgNr: null, outcome: "refused" },
      { ...outsider, id: randomUUID(), at: new Date(started - 1), clientOrgNr: `16${world.orgA.number}`, outcome: "delivered" },
    ]);
    const { summary } = await getJson(pl, `${url}/${run.id}`, LoadTestWithSummary);
    expect(summary).toMatchObject({
      calls: 4,
      deliveries: 4,
      latencyMs: { p50: 20, p95: 40, p99: 40, max: 40 },
      errors: { faults: 1, failedChecks: 1, timeouts: 0 },
      faultCodes: [{ errorCode: 5001, count: 1 }],
    });
  });

  describe("as pages", () => {
    /** A new environment's load-test pages, and the projektledare's browser. */
    const pagesOf = async () => {
      const { initiativeId, url } = await loadTestEnvironment();
      return { url, pages: `/initiatives/${initiativeId}/sandbox/load-tests`, session: await world.browserAs("plA") };
    };

    it("lists the runs and offers the start form", async () => {
      const { url, pages, session } = await pagesOf();
      await start(await world.loginAs("plA"), url);
      const res = await session.get(pages);
      expect(res.statusCode).toBe(200);
      expect(res.body).toContain('name="targetRate"');
      expect(res.body).toContain("Pågår");
    });

    it("says so when a test already runs (409), and shows the form's errors (400)", async () => {
      const { url, pages, session } = await pagesOf();
      await start(await world.loginAs("plA"), url);
      const busy = await session.post(pages, { targetRate: "2,5", durationSeconds: "60" });
      expect(busy.statusCode).toBe(409);
      expect(busy.body).toContain("Ett lasttest pågår redan");
      const wrong = await session.post(pages, { targetRate: "", durationSeconds: "5" });
      expect(wrong.statusCode).toBe(400);
      expect(wrong.body).toContain('id="error-summary"');
    });

    it("shows a running test with a refresh link and a stop button, and stops it", async () => {
      const { url, pages, session } = await pagesOf();
      const pl = await world.loginAs("plA");
      const running = await start(pl, url);
      const page = await session.get(`${pages}/${running.id}`);
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain(`href="${pages}/${running.id}"`);
      expect(page.body).toContain(`action="${pages}/${running.id}/stop"`);
      expect(page.body).toContain("<svg");
      const stop = await session.post(`${pages}/${running.id}/stop`, {});
      expect(stop.statusCode).toBe(303);
      expect((await getJson(pl, `${url}/${running.id}`, LoadTestWithSummary)).status).toBe("stopped");
    });

    it("starts a test from the form, taking a decimal comma, and goes to its page", async () => {
      const { pages, session } = await pagesOf();
      const res = await session.post(pages, { targetRate: "2,5", durationSeconds: "30" });
      expect(res.statusCode, res.body).toBe(303);
      expect(res.headers.location).toMatch(new RegExp(`^${pages}/[0-9a-f-]{36}$`));
      const run = await getJson(await world.loginAs("plA"), `/api/v1${res.headers.location}`, LoadTestWithSummary);
      expect(run).toMatchObject({ targetRate: 2.5, durationSeconds: 30, status: "running" });
    });
  });

  it("lets only one of two starts at the same moment win, and only one of two stops", async () => {
    const pl = await world.loginAs("plA");
    const { url: runsUrl } = await loadTestEnvironment("Samtidiga lasttester");
    const body = { targetRate: 5, durationSeconds: 60 };
    const starts = await Promise.all([pl.post(runsUrl, body), pl.post(runsUrl, body)]);
    expect(starts.map((r) => r.statusCode).sort()).toEqual([201, 409]);
    const winner = starts.find((r) => r.statusCode === 201);
    if (!winner) throw new Error("neither start won");
    const run = parseBody(winner, LoadTestWithSummary, 201);
    const stops = await Promise.all([pl.post(`${runsUrl}/${run.id}/stop`), pl.post(`${runsUrl}/${run.id}/stop`)]);
    expect(stops.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    const audit = await world.db.select().from(auditLog).where(eq(auditLog.entityId, run.id));
    expect(audit.map((a) => a.action).sort()).toEqual(["sandbox.load_test.start", "sandbox.load_test.stop"]);
  });

  it("puts the latest finished load test into the testrapporter's performance section", async () => {
    const pl = await world.loginAs("plA");
    const { initiativeId: id, environmentId: environment } = await loadTestEnvironment("Lasttest i testrapporten");
    const startedAt = new Date(Date.now() - 3_600_000);
    const [run] = await world.db
      .insert(sandboxLoadTests)
      .values({ environmentId: environment, targetRate: 4, startedAt, endsAt: new Date(startedAt.getTime() + 10_000) })
      .returning();
    for (let i = 0; i < 20; i++) {
      await world.db.insert(sandboxEvents).values({
        id: randomUUID(),
        at: new Date(startedAt.getTime() + i * 500),
        organisationId: world.orgA.id,
        environmentId: environment,
        loadTestId: run?.id ?? null,
        clientOrgNr: `16${world.orgA.number}`,
        endpoint: "service",
        operation: "deliverSecure",
        outcome: "delivered",
        durationMs: 10 + i,
        checks: [],
      });
    }
    const created = await postJson(pl, `/api/v1/initiatives/${id}/sandbox/conformance-report`, {}, ConformanceReportCreated);
    const deliverable = await getJson(pl, `/api/v1/deliverables/${created.deliverableId}`, Deliverable);
    const performance = deliverable.versions.at(-1)?.sections.prestandatest ?? "";
    expect(performance).toContain("### Senaste avslutade lasttest");
    expect(performance).toContain("- Måltakt: 4 leveranser per sekund");
    expect(performance).toContain("- Uppnådd takt: 2 leveranser per sekund (50 % av måltakten)");
    expect(performance).toContain("- Leveranser: 20, varav levererade (Delivered=true): 20");
    // The load test's calls are its own evidence, not the conformance run's.
    expect(performance).toContain("- Leveranser (deliverSecure): 0");
  });
});
