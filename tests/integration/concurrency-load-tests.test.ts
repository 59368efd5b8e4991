import { and, eq, inArray } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog, sandboxLoadTests } from "../../src/db/schema.ts";
import { LoadTestWithSummary } from "../../src/http/routes/sandbox/test-run.schema.ts";
import { seedTestEnvironment } from "../support/sandbox-fixtures.ts";
import { parseBody, useTestWorld } from "../support/test-world.ts";

/**
 * Load tests started and stopped by several people at once: one environment runs one load test,
 * exactly one of several starts wins and exactly one of several stops stops it, and the audit
 * says exactly that. Each request carries its own time, so a request that arrived first may take
 * the environment's lock last; a start must still see the test another start has just opened.
 */
describe("concurrent load tests", () => {
  const world = useTestWorld();

  /** A new environment of organisation A's: its id, and where its load tests are started. */
  async function environment() {
    const { initiative, environment } = await seedTestEnvironment(world, { name: "Lasttest" });
    return { id: environment.id, url: `/api/v1/initiatives/${initiative.id}/sandbox/load-tests` };
  }

  const audited = async (ids: string[], action: string) =>
    ids.length
      ? (
          await world.db
            .select()
            .from(auditLog)
            .where(and(inArray(auditLog.entityId, ids), eq(auditLog.action, action)))
        ).length
      : 0;

  it("starts exactly one of eight load tests started at once, in each of three environments", async () => {
    const [pl, deltagare] = [await world.loginAs("plA"), await world.loginAs("consultant")];
    const environments = await Promise.all([environment(), environment(), environment()]);
    const answers = await Promise.all(
      environments.flatMap(({ url }) =>
        Array.from({ length: 8 }, (_, i) => (i % 2 ? deltagare : pl).post(url, { targetRate: 5, durationSeconds: 60 })),
      ),
    );
    for (let e = 0; e < environments.length; e++) {
      const own = answers.slice(e * 8, e * 8 + 8);
      expect(own.map((a) => a.statusCode).sort()).toEqual([201, 409, 409, 409, 409, 409, 409, 409]);
    }
    const stored = await world.db
      .select()
      .from(sandboxLoadTests)
      .where(
        inArray(
          sandboxLoadTests.environmentId,
          environments.map((e) => e.id),
        ),
      );
    const created = answers.filter((a) => a.statusCode === 201).map((a) => parseBody(a, LoadTestWithSummary, 201).id);
    expect(stored.map((r) => r.id).sort()).toEqual([...created].sort());
    expect(await audited(created, "sandbox.load_test.start")).toBe(created.length);
  });

  it("stops a running load test exactly once when eight stops come at once", async () => {
    const [pl, deltagare] = [await world.loginAs("plA"), await world.loginAs("consultant")];
    const { url } = await environment();
    const { id } = parseBody(await pl.post(url, { targetRate: 5, durationSeconds: 60 }), LoadTestWithSummary, 201);
    const answers = await Promise.all(Array.from({ length: 8 }, (_, i) => (i % 2 ? deltagare : pl).post(`${url}/${id}/stop`)));
    expect(answers.map((a) => a.statusCode).sort()).toEqual([200, 409, 409, 409, 409, 409, 409, 409]);
    for (const a of answers.filter((x) => x.statusCode === 409)) expect(a.json()).toMatchObject({ code: "LOAD_TEST_NOT_RUNNING" });
    expect(await audited([id], "sandbox.load_test.stop")).toBe(1);
    const [row] = await world.db.select().from(sandboxLoadTests).where(eq(sandboxLoadTests.id, id));
    expect(row?.stoppedAt).not.toBeNull();
  });
});
