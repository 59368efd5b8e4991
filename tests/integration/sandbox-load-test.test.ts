import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, sandboxEnvironments, sandboxEvents, sandboxLoadTests } from "../../src/db/schema.ts";
import { apiAs, browser, seedWorld, startTestApp, type TestApp, type World } from "../support/test-app.ts";

type Api = Awaited<ReturnType<typeof apiAs>>;
type Run = {
  id: string;
  status: string;
  targetRate: number;
  durationSeconds: number;
  startedAt: string;
  summary: {
    running: boolean;
    calls: number;
    deliveries: number;
    achievedRate: number | null;
    ratio: number | null;
    latencyMs: { p50: number; p95: number; p99: number; max: number } | null;
    errors: Record<string, number>;
    faultCodes: { errorCode: number; count: number }[];
  };
};

describe("load-test mode", () => {
  let t: TestApp;
  let w: World;
  let pl: Api;
  let initiativeId: string;
  let environmentId: string;
  let url: string;

  const newInitiative = async (name: string) =>
    ((await pl.post("/api/v1/initiatives", { organisationId: w.orgA.id, name })).json() as { id: string }).id;
  const environmentFor = async (id: string, slug: string, enabled = true) =>
    (await t.db.insert(sandboxEnvironments).values({ initiativeId: id, organisationId: w.orgA.id, slug, enabled }).returning())[0]?.id ??
    "";

  beforeAll(async () => {
    t = await startTestApp();
    w = await seedWorld(t.db);
    pl = await apiAs(t.app, w.emails.plA);
    initiativeId = await newInitiative("Lasttestat initiativ");
    environmentId = await environmentFor(initiativeId, "load000001");
    url = `/api/v1/initiatives/${initiativeId}/sandbox/load-tests`;
  });
  afterAll(async () => t.close());

  it("validates the rate and the duration (400 with the field)", async () => {
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
      expect((res.json() as { code: string }).code).toBe("VALIDATION_FAILED");
    }
  });

  it("starts one (201, audited), refuses a second while it runs (409), and stops it (audited)", async () => {
    const res = await pl.post(url, { targetRate: 20, durationSeconds: 600 });
    expect(res.statusCode, res.body).toBe(201);
    const run = res.json() as Run;
    expect(run).toMatchObject({ status: "running", targetRate: 20, durationSeconds: 600, summary: { running: true, calls: 0 } });

    const second = await pl.post(url, { targetRate: 5, durationSeconds: 60 });
    expect(second.statusCode).toBe(409);
    expect((second.json() as { code: string }).code).toBe("LOAD_TEST_RUNNING");

    const stopped = await pl.post(`${url}/${run.id}/stop`);
    expect(stopped.statusCode, stopped.body).toBe(200);
    expect((stopped.json() as Run).status).toBe("stopped");
    const again = await pl.post(`${url}/${run.id}/stop`);
    expect(again.statusCode).toBe(409);
    expect((again.json() as { code: string }).code).toBe("LOAD_TEST_NOT_RUNNING");

    const audit = await t.db.select().from(auditLog).where(eq(auditLog.entityId, run.id));
    expect(audit.map((a) => a.action).sort()).toEqual(["sandbox.load_test.start", "sandbox.load_test.stop"]);

    expect((await pl.post(url, { targetRate: 5, durationSeconds: 60 })).statusCode).toBe(201);
  });

  it("needs an enabled environment (409 SANDBOX_NOT_ENABLED)", async () => {
    const without = await newInitiative("Utan testmiljö");
    const none = await pl.post(`/api/v1/initiatives/${without}/sandbox/load-tests`, { targetRate: 1, durationSeconds: 60 });
    expect(none.statusCode).toBe(409);
    expect((none.json() as { code: string }).code).toBe("SANDBOX_NOT_ENABLED");
    const disabled = await newInitiative("Avstängd testmiljö");
    await environmentFor(disabled, "load000002", false);
    const off = await pl.post(`/api/v1/initiatives/${disabled}/sandbox/load-tests`, { targetRate: 1, durationSeconds: 60 });
    expect((off.json() as { code: string }).code).toBe("SANDBOX_NOT_ENABLED");
  });

  it("answers 404 to an outsider and 403 to a member without the sandbox role", async () => {
    const outsider = await apiAs(t.app, w.emails.plB);
    const reader = await apiAs(t.app, w.emails.readerA);
    const runs = (await pl.get(url)).json() as { loadTests: Run[] };
    const id = runs.loadTests[0]?.id ?? "";
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
    const other = await newInitiative("Annat lasttest");
    await environmentFor(other, "load000003");
    expect((await pl.get(`/api/v1/initiatives/${other}/sandbox/load-tests/${id}`)).statusCode).toBe(404);
  });

  it("lists the runs newest first and sums up a run from the calls in its window made by the environment's own caller", async () => {
    const runs = ((await pl.get(url)).json() as { loadTests: Run[] }).loadTests;
    expect(runs.map((r) => r.status)).toEqual(["running", "stopped"]);
    const run = runs[0] as Run;
    const started = new Date(run.startedAt).getTime();
    const durations = [10, 20, 30, 40];
    for (const [i, durationMs] of durations.entries()) {
      await t.db.insert(sandboxEvents).values({
        id: randomUUID(),
        at: new Date(started + i * 100),
        organisationId: w.orgA.id,
        environmentId,
        loadTestId: run.id,
        clientOrgNr: `16${w.orgA.number}`,
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
      organisationId: w.orgA.id,
      environmentId,
      endpoint: "service",
      operation: "deliverSecure",
      durationMs: 5,
      checks: [],
    };
    await t.db.insert(sandboxEvents).values([
      { ...outsider, id: randomUUID(), at: new Date(started + 50), loadTestId: run.id, clientOrgNr: null, outcome: "refused" },
      { ...outsider, id: randomUUID(), at: new Date(started - 1), clientOrgNr: `16${w.orgA.number}`, outcome: "delivered" },
    ]);
    const res = await pl.get(`${url}/${run.id}`);
    expect(res.statusCode).toBe(200);
    const { summary } = res.json() as Run;
    expect(summary).toMatchObject({
      calls: 4,
      deliveries: 4,
      latencyMs: { p50: 20, p95: 40, p99: 40, max: 40 },
      errors: { faults: 1, failedChecks: 1, timeouts: 0 },
      faultCodes: [{ errorCode: 5001, count: 1 }],
    });
  });

  describe("as pages", () => {
    let session: ReturnType<typeof browser>;
    const pages = () => `/initiatives/${initiativeId}/sandbox/load-tests`;
    beforeAll(async () => {
      session = browser(t.app);
      await session.login(w.emails.plA);
    });

    it("lists the runs and offers the start form", async () => {
      const res = await session.get(pages());
      expect(res.statusCode).toBe(200);
      expect(res.body).toContain('name="targetRate"');
      expect(res.body).toContain("Pågår");
    });

    it("says so when a test already runs (409), and shows the form's errors (400)", async () => {
      const busy = await session.post(pages(), { targetRate: "2,5", durationSeconds: "60" });
      expect(busy.statusCode).toBe(409);
      expect(busy.body).toContain("Ett lasttest pågår redan");
      const wrong = await session.post(pages(), { targetRate: "", durationSeconds: "5" });
      expect(wrong.statusCode).toBe(400);
      expect(wrong.body).toContain('id="error-summary"');
    });

    it("shows a running test with a refresh link and a stop button, and stops it", async () => {
      const runs = ((await pl.get(url)).json() as { loadTests: Run[] }).loadTests;
      const running = runs.find((r) => r.status === "running") as Run;
      const page = await session.get(`${pages()}/${running.id}`);
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain(`href="${pages()}/${running.id}"`);
      expect(page.body).toContain(`action="${pages()}/${running.id}/stop"`);
      expect(page.body).toContain("<svg");
      const stop = await session.post(`${pages()}/${running.id}/stop`, {});
      expect(stop.statusCode).toBe(303);
      expect(((await pl.get(`${url}/${running.id}`)).json() as Run).status).toBe("stopped");
    });

    it("starts a test from the form, taking a decimal comma, and goes to its page", async () => {
      const res = await session.post(pages(), { targetRate: "2,5", durationSeconds: "30" });
      expect(res.statusCode, res.body).toBe(303);
      expect(res.headers.location).toMatch(new RegExp(`^${pages()}/[0-9a-f-]{36}$`));
      const run = (await pl.get(`/api/v1${res.headers.location}`)).json() as Run;
      expect(run).toMatchObject({ targetRate: 2.5, durationSeconds: 30, status: "running" });
    });
  });

  it("lets only one of two starts at the same moment win, and only one of two stops", async () => {
    const id = await newInitiative("Samtidiga lasttester");
    await environmentFor(id, "load000009");
    const runsUrl = `/api/v1/initiatives/${id}/sandbox/load-tests`;
    const body = { targetRate: 5, durationSeconds: 60 };
    const starts = await Promise.all([pl.post(runsUrl, body), pl.post(runsUrl, body)]);
    expect(starts.map((r) => r.statusCode).sort()).toEqual([201, 409]);
    const run = (starts.find((r) => r.statusCode === 201)?.json() ?? {}) as Run;
    const stops = await Promise.all([pl.post(`${runsUrl}/${run.id}/stop`), pl.post(`${runsUrl}/${run.id}/stop`)]);
    expect(stops.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    const audit = await t.db.select().from(auditLog).where(eq(auditLog.entityId, run.id));
    expect(audit.map((a) => a.action).sort()).toEqual(["sandbox.load_test.start", "sandbox.load_test.stop"]);
  });

  it("puts the latest finished load test into the testrapporter's performance section", async () => {
    const id = await newInitiative("Lasttest i testrapporten");
    const environment = await environmentFor(id, "load000010");
    const startedAt = new Date(Date.now() - 3_600_000);
    const [run] = await t.db
      .insert(sandboxLoadTests)
      .values({ environmentId: environment, targetRate: 4, startedAt, endsAt: new Date(startedAt.getTime() + 10_000) })
      .returning();
    for (let i = 0; i < 20; i++) {
      await t.db.insert(sandboxEvents).values({
        id: randomUUID(),
        at: new Date(startedAt.getTime() + i * 500),
        organisationId: w.orgA.id,
        environmentId: environment,
        loadTestId: run?.id ?? null,
        clientOrgNr: `16${w.orgA.number}`,
        endpoint: "service",
        operation: "deliverSecure",
        outcome: "delivered",
        durationMs: 10 + i,
        checks: [],
      });
    }
    const created = (await pl.post(`/api/v1/initiatives/${id}/sandbox/conformance-report`, {})).json() as { deliverableId: string };
    const deliverable = (await pl.get(`/api/v1/deliverables/${created.deliverableId}`)).json() as {
      versions: { sections: Record<string, string> }[];
    };
    const performance = deliverable.versions.at(-1)?.sections.prestandatest ?? "";
    expect(performance).toContain("### Senaste avslutade lasttest");
    expect(performance).toContain("- Måltakt: 4 leveranser per sekund");
    expect(performance).toContain("- Uppnådd takt: 2 leveranser per sekund (50 % av måltakten)");
    expect(performance).toContain("- Leveranser: 20, varav levererade (Delivered=true): 20");
    // The load test's calls are its own evidence, not the conformance run's.
    expect(performance).toContain("- Leveranser (deliverSecure): 0");
  });
});
