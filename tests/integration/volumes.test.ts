import { randomUUID } from "node:crypto";
import { describe, expect, it, onTestFinished } from "vitest";
import { sandboxEvents, sandboxLoadTests } from "../../src/db/schema.ts";
import { Initiative } from "../../src/http/routes/initiatives/initiatives.schema.ts";
import { ActualVolumes } from "../../src/http/routes/volumes/volumes.schema.ts";
import { seedTestEnvironment } from "../support/sandbox-fixtures.ts";
import { getJson, postJson, useTestWorld } from "../support/test-world.ts";

/**
 * The emulator's calls to an initiative's test environment, read back as the initiative's actual
 * volumes: a test series, by Stockholm month, without load tests. The rows are written as the
 * emulator's recorder writes them, so the test does not depend on the emulator running.
 */
describe("actual volumes: the test series from the emulator", () => {
  const world = useTestWorld();

  const call = (environmentId: string, organisationId: string, at: string, fields: Partial<typeof sandboxEvents.$inferInsert>) => ({
    id: randomUUID(),
    at: new Date(at),
    organisationId,
    environmentId,
    endpoint: "service",
    operation: "deliverSecure",
    recipientIds: ["191212121212"],
    operatorId: "kivra",
    outcome: "delivered",
    httpStatus: 200,
    durationMs: 12,
    checks: [],
    // Made with the organisation's own accepted certificate, unless told otherwise.
    clientOrgNr: `16${world.orgA.number}`,
    ...fields,
  });

  /**
   * An initiative whose test environment received calls in April and May 2026, some in a load test,
   * beside another initiative's environment and a call to no environment at all.
   */
  async function initiativeWithCalls() {
    const { initiative, environment: env } = await seedTestEnvironment(world, { name: "Digitala bygglovsbeslut" });
    const { environment: other } = await seedTestEnvironment(world, { name: "Fakturor" });
    const [loadTest] = await world.db
      .insert(sandboxLoadTests)
      .values({
        environmentId: env.id,
        targetRate: 50,
        startedAt: new Date("2026-05-20T10:00:00Z"),
        endsAt: new Date("2026-05-20T10:05:00Z"),
      })
      .returning({ id: sandboxLoadTests.id });
    const a = (at: string, fields: Partial<typeof sandboxEvents.$inferInsert> = {}) => call(env.id, world.orgA.id, at, fields);
    await world.db.insert(sandboxEvents).values([
      a("2026-04-30T21:59:00Z", { endpoint: "recipient", operation: "isReachable", operatorId: null, outcome: "answered" }),
      // 00:30 on 1 May in Stockholm.
      a("2026-04-30T22:30:00Z", { endpoint: "recipient", operation: "isReachable", operatorId: null, outcome: "answered" }),
      a("2026-04-30T22:31:00Z"),
      a("2026-05-12T09:00:00Z", { operatorId: "fortnox", outcome: "fault", httpStatus: 500, faultCode: 5000 }),
      a("2026-05-12T09:01:00Z", { operation: null, outcome: "refused", httpStatus: 500 }),
      a("2026-05-12T09:02:00Z", { operation: "wsdl", outcome: "answered" }),
      // Anyone who knows the address can call it without a certificate: recorded, but no volume.
      a("2026-05-12T09:03:00Z", { clientOrgNr: null, operation: "deliverSecure", outcome: "refused" }),
      ...Array.from({ length: 5 }, (_, i) => a(`2026-05-20T10:00:0${i}Z`, { loadTestId: loadTest?.id })),
      // Another initiative's environment of the same organisation: its own volumes.
      call(other.id, world.orgA.id, "2026-05-12T09:00:00Z", {}),
      // A call to no environment at all.
      { ...call(env.id, world.orgA.id, "2026-05-12T09:00:00Z", {}), environmentId: null },
    ]);
    return { initiativeId: initiative.id, url: `/api/v1/initiatives/${initiative.id}/volumes/actual` };
  }

  it("answers the environment's calls as a test series by Stockholm month, load tests left out", async () => {
    const pl = await world.loginAs("plA");
    const { url } = await initiativeWithCalls();
    const { series } = await getJson(pl, url, ActualVolumes);
    expect(series).toHaveLength(1);
    const [test] = series;
    expect(test).toMatchObject({
      kind: "test",
      source: "ansluta-emulator",
      label: "Testserie från Anslutas emulator – inte verkliga volymer",
      excludedLoadTestCalls: 5,
    });
    expect(test?.months.map((m) => [m.month, m.lookups, m.deliveries, m.delivered, m.faults])).toEqual([
      ["2026-04", 1, 0, 0, 0],
      ["2026-05", 1, 3, 1, 1],
    ]);
    expect(test?.totals).toMatchObject({ lookups: 2, deliveries: 3, delivered: 1, notDelivered: 0, faults: 1, refused: 1 });
    expect(test?.months[1]?.byOperator).toEqual({ kivra: { deliveries: 2, delivered: 1 }, fortnox: { deliveries: 1, delivered: 0 } });
  });

  it("labels the series in the reader's language", async () => {
    const pl = await world.loginAs("plA");
    const { url } = await initiativeWithCalls();
    // The projektledare reads Swedish again after this test, whatever happens in it.
    onTestFinished(async () => {
      await pl.patch("/api/v1/me", { locale: "sv" });
    });
    await pl.patch("/api/v1/me", { locale: "en" });
    const { series } = await getJson(pl, url, ActualVolumes);
    expect(series[0]?.label).toBe("Test series from Ansluta's emulator – not real volumes");
  });

  it("is readable by every reader of the initiative, hidden from other organisations", async () => {
    const pl = await world.loginAs("plA");
    const { url } = await initiativeWithCalls();
    const reader = await world.loginAs("readerA");
    expect((await reader.get(url)).statusCode).toBe(200);
    const outsider = await world.loginAs("plB");
    expect((await outsider.get(url)).statusCode).toBe(404);
    expect((await pl.get("/api/v1/initiatives/not-a-uuid/volumes/actual")).statusCode).toBe(400);
  });

  it("answers an empty test series for an initiative without a test environment", async () => {
    const pl = await world.loginAs("plA");
    const { id } = await postJson(pl, "/api/v1/initiatives", { organisationId: world.orgA.id, name: "Utan testmiljö" }, Initiative);
    const { series } = await getJson(pl, `/api/v1/initiatives/${id}/volumes/actual`, ActualVolumes);
    expect(series).toEqual([expect.objectContaining({ kind: "test", months: [], excludedLoadTestCalls: 0 })]);
  });

  it("shows the test series on a page linked from the overview, tagged and named as a test series", async () => {
    const { initiativeId } = await initiativeWithCalls();
    const session = await world.browserAs("readerA");
    const overview = await session.get(`/initiatives/${initiativeId}`);
    expect(overview.body).toContain(`href="/initiatives/${initiativeId}/volumes"`);
    const page = await session.get(`/initiatives/${initiativeId}/volumes`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain("Faktiska volymer");
    expect(page.body).toMatch(/<h2[^>]*>Testserie från Anslutas emulator – inte verkliga volymer <span[^>]*>Testdata<\/span><\/h2>/);
    expect(page.body).toContain("april 2026");
    expect(page.body).toContain("maj 2026");
    expect(page.body).toContain("5 anrop under lasttester räknas inte med");
    expect(page.body).toContain("Fortnox");
    expect(page.body).toContain("Inga produktionsvolymer är inrapporterade ännu.");

    const outsider = await world.browserAs("plB");
    expect((await outsider.get(`/initiatives/${initiativeId}/volumes`)).statusCode).toBe(404);
    expect((await outsider.get("/initiatives/not-a-uuid/volumes")).statusCode).toBe(404);
  });
});
