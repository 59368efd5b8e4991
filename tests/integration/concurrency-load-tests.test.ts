import { and, eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, sandboxEnvironments, sandboxLoadTests } from "../../src/db/schema.ts";
import { apiAs, seedWorld, startTestApp, type TestApp, type World } from "../support/test-app.ts";

type Api = Awaited<ReturnType<typeof apiAs>>;

/**
 * Load tests started and stopped by several people at once: one environment runs one load test,
 * exactly one of several starts wins and exactly one of several stops stops it, and the audit
 * says exactly that. Each request carries its own time, so a request that arrived first may take
 * the environment's lock last; a start must still see the test another start has just opened.
 */
describe("concurrent load tests", () => {
  let t: TestApp;
  let w: World;
  let pl: Api;
  let deltagare: Api;

  beforeAll(async () => {
    t = await startTestApp();
    w = await seedWorld(t.db);
    pl = await apiAs(t.app, w.emails.plA);
    deltagare = await apiAs(t.app, w.emails.consultant);
  });
  afterAll(async () => t.close());

  async function environment(slug: string) {
    const res = await pl.post("/api/v1/initiatives", { organisationId: w.orgA.id, name: `Lasttest ${slug}` });
    const initiativeId = (res.json() as { id: string }).id;
    await t.db.insert(sandboxEnvironments).values({ initiativeId, organisationId: w.orgA.id, slug, enabled: true });
    return `/api/v1/initiatives/${initiativeId}/sandbox/load-tests`;
  }

  const audited = async (ids: string[], action: string) =>
    ids.length
      ? (
          await t.db
            .select()
            .from(auditLog)
            .where(and(inArray(auditLog.entityId, ids), eq(auditLog.action, action)))
        ).length
      : 0;

  it("starts exactly one of eight load tests started at once, in each of three environments", async () => {
    const urls = await Promise.all(["conc000001", "conc000002", "conc000003"].map(environment));
    const answers = await Promise.all(
      urls.flatMap((url) =>
        Array.from({ length: 8 }, (_, i) => (i % 2 ? deltagare : pl).post(url, { targetRate: 5, durationSeconds: 60 })),
      ),
    );
    for (let e = 0; e < urls.length; e++) {
      const own = answers.slice(e * 8, e * 8 + 8);
      expect(own.map((a) => a.statusCode).sort()).toEqual([201, 409, 409, 409, 409, 409, 409, 409]);
    }
    const stored = await t.db.select().from(sandboxLoadTests);
    const created = answers.filter((a) => a.statusCode === 201).map((a) => (a.json() as { id: string }).id);
    expect(stored.map((r) => r.id).sort()).toEqual([...created].sort());
    expect(await audited(created, "sandbox.load_test.start")).toBe(created.length);
  });

  it("stops a running load test exactly once when eight stops come at once", async () => {
    const url = await environment("conc000004");
    const started = await pl.post(url, { targetRate: 5, durationSeconds: 60 });
    expect(started.statusCode).toBe(201);
    const id = (started.json() as { id: string }).id;
    const answers = await Promise.all(Array.from({ length: 8 }, (_, i) => (i % 2 ? deltagare : pl).post(`${url}/${id}/stop`)));
    expect(answers.map((a) => a.statusCode).sort()).toEqual([200, 409, 409, 409, 409, 409, 409, 409]);
    for (const a of answers.filter((x) => x.statusCode === 409)) expect(a.json()).toMatchObject({ code: "LOAD_TEST_NOT_RUNNING" });
    expect(await audited([id], "sandbox.load_test.stop")).toBe(1);
    const [row] = await t.db.select().from(sandboxLoadTests).where(eq(sandboxLoadTests.id, id));
    expect(row?.stoppedAt).not.toBeNull();
  });
});
