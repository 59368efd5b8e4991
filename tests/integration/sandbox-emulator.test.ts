import { createPrivateKey, X509Certificate } from "node:crypto";
import { sql } from "drizzle-orm";
import { describe, expect, it, onTestFinished } from "vitest";
import { z } from "zod";
import { readSandboxAuthority } from "../../src/domain/sandbox/sandbox-authority.ts";
import { SandboxCertificate, SandboxEvent } from "../../src/http/routes/sandbox/sandbox.schema.ts";
import type { EmulatorOperator } from "../../src/sandbox/emulator/emulator-server.ts";
import { startSandbox } from "../../src/sandbox/emulator/start-sandbox.ts";
import { scenarioById } from "../../src/sandbox/recipients/scenarios.ts";
import { postSoap } from "../../src/sandbox/sender/transport.ts";
import { NS } from "../../src/sandbox/soap/namespaces.ts";
import { readDeliverSecureResponse, readIsReachableResponse } from "../../src/sandbox/soap/read-responses.ts";
import { insertTestEnvironment } from "../../src/sandbox/testing/database-environment.ts";
import { deliverSecureRequest, exampleDelivery, soapEnvelope } from "../../src/sandbox/testing/reference-delivery.ts";
import { TEST_SECRETS } from "../support/test-secrets.ts";
import { getJson, parseBody, type TestWorld, useTestWorld } from "../support/test-world.ts";

/**
 * The emulator wired into the product: an organisation gets a test certificate through the API,
 * its system calls the emulator with it over real mutual TLS, and the call shows up among the
 * organisation's sandbox events, and nobody else's.
 */

type Certificate = z.infer<typeof SandboxCertificate>;
const Events = z.object({ events: z.array(SandboxEvent) });

async function post(url: string, certificate: Certificate, body: string) {
  const reply = await postSoap(url, body, { ca: certificate.caCertificatePem, certificate });
  if (reply.kind !== "answer") throw new Error(`no answer: ${reply.error}`);
  return reply;
}

function isReachable(url: string, certificate: Certificate, senderOrgNr: string, recipientId: string) {
  const body = soapEnvelope(
    `<rcp3:isReachable xmlns:rcp3="${NS.recipient3}"><rcp3:senderOrgNr>${senderOrgNr}</rcp3:senderOrgNr><rcp3:recipientId>${recipientId}</rcp3:recipientId></rcp3:isReachable>`,
  );
  return post(`${url}/Recipient/v3`, certificate, body);
}

/** A test certificate for organisation A, issued through the API as its projektledare. */
async function issueCertificate(world: TestWorld): Promise<Certificate> {
  const pl = await world.loginAs("plA");
  return parseBody(await pl.post(`/api/v1/organisations/${world.orgA.id}/sandbox/certificate`), SandboxCertificate, 201);
}

/**
 * The installation's emulator for one test, closed when the test ends, also when it fails first;
 * `close` stops it earlier, once every call it received is recorded.
 */
async function emulatorFor(world: TestWorld, operators?: readonly EmulatorOperator[]) {
  const running = await startSandbox({
    db: world.db,
    authority: await readSandboxAuthority(world.db, TEST_SECRETS),
    host: "127.0.0.1",
    port: 0,
    ...(operators ? { operators } : {}),
  });
  let closing: Promise<void> | undefined;
  const close = () => {
    closing ??= running.close();
    return closing;
  };
  onTestFinished(close);
  return { url: running.url, close };
}

describe("the sandbox: test certificates, the emulator and its events", () => {
  const world = useTestWorld();
  const eventsUrl = () => `/api/v1/organisations/${world.orgA.id}/sandbox/events`;

  it("issues a certificate for the organisation's organisationsnummer and audits it without the key", async () => {
    const pl = await world.loginAs("plA");
    const res = await pl.post(`/api/v1/organisations/${world.orgA.id}/sandbox/certificate`);
    expect(res.headers["cache-control"]).toBe("no-store");
    const certificate = parseBody(res, SandboxCertificate, 201);
    expect(certificate.subject).toContain(`16${world.orgA.number}`);
    expect(certificate.privateKeyPem).toMatch(/^-----BEGIN PRIVATE KEY-----/);
    // The issue's own entry: other tests in the file issue certificates too.
    const audit = (await world.db.execute(
      sql`select after::text as after from audit_log where action = 'sandbox.certificate.issue' and entity_id = ${certificate.serialNumber}`,
    )) as unknown as { rows: { after: string }[] };
    expect(audit.rows).toHaveLength(1);
    expect(audit.rows[0]?.after).toContain(certificate.serialNumber);
    expect(audit.rows[0]?.after).not.toContain("PRIVATE KEY");
    const stored = (await world.db.execute(
      sql`select count(*)::int as n from audit_log where after::text like '%PRIVATE KEY%'`,
    )) as unknown as {
      rows: { n: number }[];
    };
    expect(stored.rows[0]?.n).toBe(0);

    const ca = await pl.get("/api/v1/sandbox/ca.pem");
    expect(ca.statusCode).toBe(200);
    expect(ca.headers["content-type"]).toContain("application/x-pem-file");
    expect(ca.body).toBe(certificate.caCertificatePem);
  });

  it("answers a mutual-TLS isReachable made with that certificate in the initiative's environment and shows the call among the organisation's events", async () => {
    const [pl, outsider] = [await world.loginAs("plA"), await world.loginAs("plB")];
    const certificate = await issueCertificate(world);
    const environment = await insertTestEnvironment(world.db, { organisationId: world.orgA.id, slug: "orgaenv001" });
    const otherEnvironment = await insertTestEnvironment(world.db, { organisationId: world.orgB.id, slug: "orgbenv001" });
    const sandbox = await emulatorFor(world, [{ id: "kivra", name: "Kivra Test" }]);
    // The organisation's events are the file's too: this test's are the ones that come after these.
    const earlier = new Set((await getJson(pl, `${eventsUrl()}?limit=500`, Events)).events.map((e) => e.id));
    const recipient = scenarioById("reachable-kivra").recipientId;
    const reply = await isReachable(`${sandbox.url}/e/${environment.slug}`, certificate, `16${world.orgA.number}`, recipient);
    expect(reply.status).toBe(200);
    const read = readIsReachableResponse(reply.body);
    expect(read).toMatchObject({
      ok: true,
      value: [
        {
          senderAccepted: true,
          accountStatus: {
            recipientId: recipient,
            serviceSupplier: { name: "Kivra Test", serviceAdress: `${sandbox.url}/e/${environment.slug}/Service/v3/kivra` },
          },
        },
      ],
    });

    // Organisation A's certificate is no good in organisation B's environment; the refusal is B's to see.
    const refused = await isReachable(`${sandbox.url}/e/${otherEnvironment.slug}`, certificate, `16${world.orgA.number}`, recipient);
    expect(refused.status).toBe(500);
    await sandbox.close();
    const rows = (await world.db.execute(
      sql`select environment_id, organisation_id, request_bytes, outcome from sandbox_events where environment_id in (${environment.id}, ${otherEnvironment.id}) order by at`,
    )) as unknown as { rows: { environment_id: string; organisation_id: string; request_bytes: number; outcome: string }[] };
    expect(rows.rows).toEqual([
      { environment_id: environment.id, organisation_id: world.orgA.id, request_bytes: expect.any(Number), outcome: "answered" },
      { environment_id: otherEnvironment.id, organisation_id: world.orgB.id, request_bytes: expect.any(Number), outcome: "refused" },
    ]);
    expect(rows.rows[0]?.request_bytes).toBeGreaterThan(200);

    const events = (await getJson(pl, `${eventsUrl()}?limit=5`, Events)).events.filter((e) => !earlier.has(e.id));
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      operation: "isReachable",
      outcome: "answered",
      senderOrgNr: `16${world.orgA.number}`,
      clientOrgNr: `16${world.orgA.number}`,
      recipientIds: [recipient],
    });
    const forB = await getJson(outsider, `/api/v1/organisations/${world.orgB.id}/sandbox/events`, Events);
    // Refused before its XML was parsed, the call still names the operation its body was readable enough to show.
    expect(forB.events).toMatchObject([{ outcome: "refused", clientOrgNr: null, operation: "isReachable" }]);
  });

  it("keeps what a delivery carried in sandbox_messages", async () => {
    const certificate = await issueCertificate(world);
    const environment = await insertTestEnvironment(world.db, { organisationId: world.orgA.id, slug: "orgaenv002" });
    const sandbox = await emulatorFor(world);
    const base = `${sandbox.url}/e/${environment.slug}`;
    const sender = `16${world.orgA.number}`;
    const recipient = scenarioById("reachable-kivra").recipientId;
    const looked = readIsReachableResponse((await isReachable(base, certificate, sender, recipient)).body);
    const serviceAdress = looked.ok ? (looked.value[0]?.accountStatus.serviceSupplier?.serviceAdress ?? "") : "";
    const signer = {
      privateKey: createPrivateKey(certificate.privateKeyPem),
      certificatePem: certificate.certificatePem,
      certificate: new X509Certificate(certificate.certificatePem),
      subjectName: certificate.subject,
    };
    const delivery = exampleDelivery({ sender: { id: sender, name: world.orgA.name }, recipients: [recipient] });
    const reply = await post(serviceAdress, certificate, deliverSecureRequest(delivery, { sender: signer, intermediary: signer }));
    expect(readDeliverSecureResponse(reply.body)).toMatchObject({ ok: true, value: { statuses: [{ delivered: true }] } });
    await sandbox.close();

    const stored = (await world.db.execute(
      sql`select m.subject, m.body_content_type, m.attachments from sandbox_messages m join sandbox_events e on e.id = m.event_id where e.environment_id = ${environment.id}`,
    )) as unknown as { rows: { subject: string; body_content_type: string; attachments: { filename: string }[] }[] };
    expect(stored.rows).toEqual([
      { subject: "Beslut om bygglov", body_content_type: "text/html", attachments: [expect.objectContaining({ filename: "beslut.pdf" })] },
    ]);
  });

  it("lets the organisation's projektledare and deltagare use the sandbox, refuses other members, and hides it from outsiders", async () => {
    const [pl, outsider, deltagare] = [await world.loginAs("plA"), await world.loginAs("plB"), await world.loginAs("consultant")];
    expect((await deltagare.get(eventsUrl())).statusCode).toBe(200);
    const reader = await world.loginAs("readerA");
    expect((await reader.get(eventsUrl())).statusCode).toBe(403);
    expect((await reader.post(`/api/v1/organisations/${world.orgA.id}/sandbox/certificate`)).statusCode).toBe(403);
    expect((await outsider.get(eventsUrl())).statusCode).toBe(404);
    expect((await outsider.post(`/api/v1/organisations/${world.orgA.id}/sandbox/certificate`)).statusCode).toBe(404);
    expect((await pl.get(`${eventsUrl()}?limit=0`)).statusCode).toBe(400);
  });
});
