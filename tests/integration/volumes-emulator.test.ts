import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sandboxEnvironments, sandboxLoadTests } from "../../src/db/schema.ts";
import { readSandboxAuthority } from "../../src/domain/sandbox/sandbox-authority.ts";
import { databaseEnvironments } from "../../src/sandbox/emulator/database-environments.ts";
import { type DatabaseRecorder, databaseRecorder } from "../../src/sandbox/emulator/database-recorder.ts";
import { type RunningEmulator, startEmulator } from "../../src/sandbox/emulator/emulator-server.ts";
import { environmentPath } from "../../src/sandbox/emulator/environment.ts";
import { DEFAULT_OPERATORS, scenarioById } from "../../src/sandbox/recipients/scenarios.ts";
import { ReferenceSender, signerOf } from "../../src/sandbox/testing/reference-sender.ts";
import { apiAs, seedWorld, startTestApp, type TestApp, type World } from "../support/test-app.ts";
import { TEST_SECRETS } from "../support/test-secrets.ts";

type Api = Awaited<ReturnType<typeof apiAs>>;
type Totals = { lookups: number; deliveries: number; delivered: number; notDelivered: number; faults: number; refused: number };
type Series = { kind: string; excludedLoadTestCalls: number; months: { month: string }[]; totals: Totals & { byOperator: object } };

/**
 * The test series end to end, as the issue asks ("the same events … feed the initiative's actual
 * volumes"): an environment enabled and a certificate issued through the API, a reference sender
 * calling the emulator over mutual TLS, the production resolver and recorder writing
 * sandbox_events, and the volumes API reading them back.
 */
describe("actual volumes from the emulator's own recorded calls", () => {
  let t: TestApp;
  let w: World;
  let pl: Api;
  let initiativeId: string;
  let emulator: RunningEmulator;
  let recorder: DatabaseRecorder;
  let sender: ReferenceSender;

  beforeAll(async () => {
    t = await startTestApp();
    w = await seedWorld(t.db);
    pl = await apiAs(t.app, w.emails.plA);
    initiativeId = ((await pl.post("/api/v1/initiatives", { organisationId: w.orgA.id, name: "Bygglov" })).json() as { id: string }).id;
    const environment = await pl.put(`/api/v1/initiatives/${initiativeId}/sandbox/environment`, { enabled: true });
    expect(environment.statusCode, environment.body).toBe(200);
    const { slug } = environment.json() as { slug: string };

    const authority = await readSandboxAuthority(t.db, TEST_SECRETS);
    recorder = databaseRecorder(t.db, (error) => {
      throw error;
    });
    emulator = await startEmulator({
      ca: authority.caCertificatePem,
      serverCert: authority.serverCertificatePem,
      serverKey: authority.serverPrivateKeyPem,
      port: 0,
      operators: DEFAULT_OPERATORS.map((o) => ({ id: o.key, name: o.name })),
      // Uncached, so a load test started through the API counts from the next call.
      environments: databaseEnvironments(t.db, { cacheMs: 0 }),
      recorder,
      operatorTimeoutMs: 200,
    });
    const issued = await pl.post(`/api/v1/organisations/${w.orgA.id}/sandbox/certificate`, {});
    expect(issued.statusCode, issued.body).toBe(201);
    const certificate = issued.json() as { certificatePem: string; privateKeyPem: string; caCertificatePem: string };
    const organisation = { organisationNumber: w.orgA.number, organisationName: w.orgA.name };
    sender = new ReferenceSender({
      baseUrl: `${emulator.url}${environmentPath(slug)}`,
      ca: certificate.caCertificatePem,
      certificate,
      signer: signerOf(certificate, organisation),
      sender: { id: `16${w.orgA.number}`, name: w.orgA.name },
      timeoutMs: 10_000,
    });
  });
  afterAll(async () => {
    await emulator?.close();
    await t?.close();
  });

  it("counts the lookups and deliveries the emulator recorded, per operator, and leaves a load test out", async () => {
    for (const id of [
      "reachable-kivra",
      "reachable-minmyndighetspost",
      "operator-not-delivered",
      "operator-fault",
      "no-mailbox",
    ] as const) {
      await sender.send(scenarioById(id).recipientId);
    }
    // A load test running in the environment from now, as starting one writes it.
    const [environment] = await t.db.select().from(sandboxEnvironments).where(eq(sandboxEnvironments.initiativeId, initiativeId));
    if (!environment) throw new Error("no environment");
    const now = Date.now();
    await t.db
      .insert(sandboxLoadTests)
      .values({ environmentId: environment.id, targetRate: 10, startedAt: new Date(now), endsAt: new Date(now + 60_000) });
    for (let i = 0; i < 3; i++) await sender.send(scenarioById("reachable-kivra").recipientId);
    await recorder.flush();

    const res = await pl.get(`/api/v1/initiatives/${initiativeId}/volumes/actual`);
    expect(res.statusCode, res.body).toBe(200);
    const [test] = (res.json() as { series: Series[] }).series;
    expect(test?.kind).toBe("test");
    expect(test?.excludedLoadTestCalls).toBe(6);
    expect(test?.months).toHaveLength(1);
    expect(test?.totals).toMatchObject({ lookups: 5, deliveries: 4, delivered: 2, notDelivered: 1, faults: 1, refused: 0 });
    const byOperator: Record<string, { deliveries: number; delivered: number }> = {};
    for (const id of ["reachable-kivra", "reachable-minmyndighetspost", "operator-not-delivered", "operator-fault"] as const) {
      const scenario = scenarioById(id);
      const operator = byOperator[scenario.account.operator ?? ""] ?? { deliveries: 0, delivered: 0 };
      byOperator[scenario.account.operator ?? ""] = {
        deliveries: operator.deliveries + 1,
        delivered: operator.delivered + (scenario.operatorBehaviour === "delivered" ? 1 : 0),
      };
    }
    expect(test?.totals.byOperator).toEqual(byOperator);
  });
});
