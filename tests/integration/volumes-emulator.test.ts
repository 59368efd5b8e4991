import { eq } from "drizzle-orm";
import { describe, expect, it, onTestFinished } from "vitest";
import { sandboxEnvironments, sandboxLoadTests } from "../../src/db/schema.ts";
import { readSandboxAuthority } from "../../src/domain/sandbox/sandbox-authority.ts";
import { Initiative } from "../../src/http/routes/initiatives/initiatives.schema.ts";
import { SandboxCertificate } from "../../src/http/routes/sandbox/sandbox.schema.ts";
import { SandboxEnvironment } from "../../src/http/routes/sandbox/sandbox-setup.schema.ts";
import { ActualVolumes } from "../../src/http/routes/volumes/volumes.schema.ts";
import { databaseEnvironments } from "../../src/sandbox/emulator/database-environments.ts";
import { databaseRecorder } from "../../src/sandbox/emulator/database-recorder.ts";
import { startEmulator } from "../../src/sandbox/emulator/emulator-server.ts";
import { environmentPath } from "../../src/sandbox/emulator/environment.ts";
import { DEFAULT_OPERATORS, scenarioById } from "../../src/sandbox/recipients/scenarios.ts";
import { ReferenceSender, signerOf } from "../../src/sandbox/testing/reference-sender.ts";
import { TEST_SECRETS } from "../support/test-secrets.ts";
import { getJson, parseBody, postJson, useTestWorld } from "../support/test-world.ts";

/**
 * The test series end to end, as the issue asks ("the same events … feed the initiative's actual
 * volumes"): an environment enabled and a certificate issued through the API, a reference sender
 * calling the emulator over mutual TLS, the production resolver and recorder writing
 * sandbox_events, and the volumes API reading them back.
 */
describe("actual volumes from the emulator's own recorded calls", () => {
  const world = useTestWorld();

  it("counts the lookups and deliveries the emulator recorded, per operator, and leaves a load test out", async () => {
    const pl = await world.loginAs("plA");
    const { id: initiativeId } = await postJson(pl, "/api/v1/initiatives", { organisationId: world.orgA.id, name: "Bygglov" }, Initiative);
    const { slug } = parseBody(
      await pl.put(`/api/v1/initiatives/${initiativeId}/sandbox/environment`, { enabled: true }),
      SandboxEnvironment,
    );
    if (!slug) throw new Error("an enabled environment has a slug");

    const authority = await readSandboxAuthority(world.db, TEST_SECRETS);
    const recorder = databaseRecorder(world.db, (error) => {
      throw error;
    });
    const emulator = await startEmulator({
      ca: authority.caCertificatePem,
      serverCert: authority.serverCertificatePem,
      serverKey: authority.serverPrivateKeyPem,
      port: 0,
      operators: DEFAULT_OPERATORS.map((o) => ({ id: o.key, name: o.name })),
      // Uncached, so a load test started through the API counts from the next call.
      environments: databaseEnvironments(world.db, { cacheMs: 0 }),
      recorder,
      operatorTimeoutMs: 200,
    });
    onTestFinished(() => emulator.close());
    const certificate = await postJson(pl, `/api/v1/organisations/${world.orgA.id}/sandbox/certificate`, {}, SandboxCertificate);
    const organisation = { organisationNumber: world.orgA.number, organisationName: world.orgA.name };
    const sender = new ReferenceSender({
      baseUrl: `${emulator.url}${environmentPath(slug)}`,
      ca: certificate.caCertificatePem,
      certificate,
      signer: signerOf(certificate, organisation),
      sender: { id: `16${world.orgA.number}`, name: world.orgA.name },
      timeoutMs: 10_000,
    });

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
    const [environment] = await world.db.select().from(sandboxEnvironments).where(eq(sandboxEnvironments.initiativeId, initiativeId));
    if (!environment) throw new Error("no environment");
    const now = Date.now();
    await world.db
      .insert(sandboxLoadTests)
      .values({ environmentId: environment.id, targetRate: 10, startedAt: new Date(now), endsAt: new Date(now + 60_000) });
    for (let i = 0; i < 3; i++) await sender.send(scenarioById("reachable-kivra").recipientId);
    await recorder.flush();

    const [test] = (await getJson(pl, `/api/v1/initiatives/${initiativeId}/volumes/actual`, ActualVolumes)).series;
    expect(test?.kind).toBe("test");
    expect(test).toMatchObject({ excludedLoadTestCalls: 6 });
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
