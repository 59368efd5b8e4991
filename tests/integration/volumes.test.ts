import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sandboxEnvironments, sandboxEvents, sandboxLoadTests } from "../../src/db/schema.ts";
import { apiAs, browser, seedWorld, startTestApp, type TestApp, type World } from "../support/test-app.ts";

type Api = Awaited<ReturnType<typeof apiAs>>;
type Series = {
  kind: string;
  source: string;
  label: string;
  excludedLoadTestCalls: number;
  months: { month: string; lookups: number; deliveries: number; delivered: number; faults: number; byOperator: Record<string, unknown> }[];
  totals: { lookups: number; deliveries: number; delivered: number; notDelivered: number; faults: number; refused: number };
};

/**
 * The emulator's calls to an initiative's test environment, read back as the initiative's actual
 * volumes: a test series, by Stockholm month, without load tests. The rows are written as the
 * emulator's recorder writes them, so the test does not depend on the emulator running.
 */
describe("actual volumes: the test series from the emulator", () => {
  let t: TestApp;
  let w: World;
  let pl: Api;
  let initiativeId: string;
  let url: string;

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
    clientOrgNr: `16${w.orgA.number}`,
    ...fields,
  });

  beforeAll(async () => {
    t = await startTestApp();
    w = await seedWorld(t.db);
    pl = await apiAs(t.app, w.emails.plA);
    const create = async (api: Api, organisationId: string, name: string) =>
      ((await api.post("/api/v1/initiatives", { organisationId, name })).json() as { id: string }).id;
    initiativeId = await create(pl, w.orgA.id, "Digitala bygglovsbeslut");
    const otherInitiativeId = await create(pl, w.orgA.id, "Fakturor");
    url = `/api/v1/initiatives/${initiativeId}/volumes/actual`;

    const [env] = await t.db
      .insert(sandboxEnvironments)
      .values({ initiativeId, organisationId: w.orgA.id, slug: "bygglov001" })
      .returning({ id: sandboxEnvironments.id });
    const [other] = await t.db
      .insert(sandboxEnvironments)
      .values({ initiativeId: otherInitiativeId, organisationId: w.orgA.id, slug: "faktura001" })
      .returning({ id: sandboxEnvironments.id });
    if (!env || !other) throw new Error("environments not created");
    const [loadTest] = await t.db
      .insert(sandboxLoadTests)
      .values({
        environmentId: env.id,
        targetRate: 50,
        startedAt: new Date("2026-05-20T10:00:00Z"),
        endsAt: new Date("2026-05-20T10:05:00Z"),
      })
      .returning({ id: sandboxLoadTests.id });
    const a = (at: string, fields: Partial<typeof sandboxEvents.$inferInsert> = {}) => call(env.id, w.orgA.id, at, fields);
    await t.db.insert(sandboxEvents).values([
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
      call(other.id, w.orgA.id, "2026-05-12T09:00:00Z", {}),
      // A call to no environment at all.
      { ...call(env.id, w.orgA.id, "2026-05-12T09:00:00Z", {}), environmentId: null },
    ]);
  });
  afterAll(async () => t.close());

  it("answers the environment's calls as a test series by Stockholm month, load tests left out", async () => {
    const res = await pl.get(url);
    expect(res.statusCode, res.body).toBe(200);
    const { series } = res.json() as { series: Series[] };
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
    await pl.patch("/api/v1/me", { locale: "en" });
    const { series } = (await pl.get(url)).json() as { series: Series[] };
    expect(series[0]?.label).toBe("Test series from Ansluta's emulator – not real volumes");
    await pl.patch("/api/v1/me", { locale: "sv" });
  });

  it("is readable by every reader of the initiative, hidden from other organisations", async () => {
    const reader = await apiAs(t.app, w.emails.readerA);
    expect((await reader.get(url)).statusCode).toBe(200);
    const outsider = await apiAs(t.app, w.emails.plB);
    expect((await outsider.get(url)).statusCode).toBe(404);
    expect((await pl.get("/api/v1/initiatives/not-a-uuid/volumes/actual")).statusCode).toBe(400);
  });

  it("answers an empty test series for an initiative without a test environment", async () => {
    const id = ((await pl.post("/api/v1/initiatives", { organisationId: w.orgA.id, name: "Utan testmiljö" })).json() as { id: string }).id;
    const { series } = (await pl.get(`/api/v1/initiatives/${id}/volumes/actual`)).json() as { series: Series[] };
    expect(series).toEqual([expect.objectContaining({ kind: "test", months: [], excludedLoadTestCalls: 0 })]);
  });

  it("shows the test series on a page linked from the overview, tagged and named as a test series", async () => {
    const session = browser(t.app);
    await session.login(w.emails.readerA);
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

    const outsider = browser(t.app);
    await outsider.login(w.emails.plB);
    expect((await outsider.get(`/initiatives/${initiativeId}/volumes`)).statusCode).toBe(404);
    expect((await outsider.get("/initiatives/not-a-uuid/volumes")).statusCode).toBe(404);
  });
});
