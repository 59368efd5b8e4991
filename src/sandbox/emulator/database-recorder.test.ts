import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../../../tests/support/test-database.ts";
import type { DatabaseHandle } from "../../db/database.ts";
import { recentSandboxEvents, sandboxMessagesOf } from "../../db/repositories/sandbox-repository.ts";
import { sandboxLoadTests, sandboxRecipients, sandboxTrustedCas } from "../../db/schema.ts";
import { SYSTEM_ACTOR } from "../../domain/access/actor.ts";
import { createOrganisation } from "../../domain/organisations/create-organisation.ts";
import type { OrganisationNumber } from "../../domain/organisations/organisation-number.ts";
import { makePersonalIdentityNumber } from "../recipients/identity-numbers.ts";
import { SCENARIOS } from "../recipients/scenarios.ts";
import { insertTestEnvironment } from "../testing/database-environment.ts";
import { databaseEnvironments, loadEnvironment } from "./database-environments.ts";
import { databaseRecorder, senderOrganisationNumber } from "./database-recorder.ts";
import type { EmulatorEvent } from "./events.ts";
import { RefusalBudget } from "./refusal-budget.ts";

/** The sandbox's persistence against the test database: one authority per installation, and events attributed to their sender. */

const ORGNR = "2120002411";
let handle: DatabaseHandle;
let organisationId: string;

const event = (fields: Partial<EmulatorEvent>): EmulatorEvent => ({
  callId: crypto.randomUUID(),
  environmentId: null,
  organisationId: null,
  loadTestId: null,
  receivedAt: new Date("2026-11-27T10:00:00Z"),
  durationMs: 1.25,
  method: "POST",
  path: "/Recipient/v3",
  endpoint: "recipient",
  operation: "isReachable",
  operatorId: null,
  client: { ok: false, code: "no-certificate", reason: "no client certificate was presented (mutual TLS is required)" },
  senderOrgNr: null,
  recipientIds: [],
  requestBytes: 0,
  httpStatus: 200,
  outcome: "answered",
  reason: null,
  fault: null,
  checks: [],
  transId: null,
  messages: [],
  ...fields,
});

beforeAll(async () => {
  handle = await createTestDatabase();
  const organisation = await createOrganisation({
    db: handle.db,
    actor: SYSTEM_ACTOR,
    now: new Date(),
    input: { name: "Sundsvalls kommun", number: ORGNR as OrganisationNumber, kind: "kommun" },
  });
  organisationId = organisation.id;
});
afterAll(async () => handle?.close());

describe("test environments read from the database", () => {
  const SLUG = "envdbtest1";
  const ownPerson = makePersonalIdentityNumber("1802-03-04", 517);
  let environmentId: string;

  beforeAll(async () => {
    environmentId = (await insertTestEnvironment(handle.db, { organisationId, slug: SLUG, intermediaryOrgNr: "4020000305" })).id;
    await handle.db.insert(sandboxTrustedCas).values({
      organisationId,
      certificatePem: "-----BEGIN CERTIFICATE-----\nuploaded\n-----END CERTIFICATE-----",
      subject: "CN=Uploaded",
      fingerprint256: "AB:CD",
      validTo: new Date("2030-01-01T00:00:00Z"),
    });
    const own = { organisationId, accountType: "Secure", operatorId: "billo", operatorBehaviour: "not-delivered" };
    await handle.db.insert(sandboxRecipients).values([
      { ...own, recipientId: ownPerson, label: "Egen testperson" },
      // Rows that no longer make sense play no part: a fixed scenario's number, an operator that is gone.
      { ...own, recipientId: SCENARIOS[0]?.recipientId ?? "", label: "fixed" },
      { ...own, recipientId: makePersonalIdentityNumber("1802-03-05", 518), operatorId: "eboks" },
    ]);
    await handle.db.insert(sandboxLoadTests).values([
      { environmentId, targetRate: 5, startedAt: new Date("2026-11-27T10:00:00Z"), endsAt: new Date("2026-11-27T10:10:00Z") },
      {
        environmentId,
        targetRate: 5,
        startedAt: new Date("2026-11-27T11:00:00Z"),
        endsAt: new Date("2026-11-27T11:10:00Z"),
        stoppedAt: new Date("2026-11-27T11:01:00Z"),
      },
    ]);
  });

  it("reads the environment with its organisation, uploaded CAs, own recipients after the fixed ones, and the load test running now", async () => {
    const environment = await loadEnvironment(handle.db, SLUG, new Date("2026-11-27T10:05:00Z"));
    expect(environment).toMatchObject({
      id: environmentId,
      slug: SLUG,
      organisationId,
      orgnr: ORGNR,
      organisationName: "Sundsvalls kommun",
      enabled: true,
      intermediaryOrgNr: "4020000305",
      trustedCAs: [expect.stringContaining("uploaded")],
      loadTest: { id: expect.any(String), endsAt: new Date("2026-11-27T10:10:00Z") },
    });
    expect(environment?.recipients.slice(0, SCENARIOS.length)).toEqual(SCENARIOS);
    expect(environment?.recipients.slice(SCENARIOS.length)).toEqual([
      expect.objectContaining({
        recipientId: ownPerson,
        description: "Egen testperson",
        account: { type: "Secure", pending: false, operator: "billo", senderAccepted: true },
        operatorBehaviour: "not-delivered",
      }),
    ]);
    expect((await loadEnvironment(handle.db, SLUG, new Date("2026-11-27T10:10:00Z")))?.loadTest).toBeNull();
    expect((await loadEnvironment(handle.db, SLUG, new Date("2026-11-27T11:05:00Z")))?.loadTest).toBeNull();
    expect(await loadEnvironment(handle.db, "nosuchslug", new Date())).toBeNull();
  });

  it("caches a slug for a moment, then sees changes under a new version", async () => {
    const resolve = databaseEnvironments(handle.db, { cacheMs: 2_000 });
    const at = new Date("2026-11-27T12:00:00Z");
    const first = await resolve(SLUG, at);
    await handle.db.insert(sandboxRecipients).values({
      organisationId,
      recipientId: makePersonalIdentityNumber("1802-03-06", 519),
      accountType: "Not",
      operatorBehaviour: "delivered",
    });
    const cached = await resolve(SLUG, new Date(at.getTime() + 1_999));
    expect(cached?.version).toBe(first?.version);
    const fresh = await resolve(SLUG, new Date(at.getTime() + 2_000));
    expect(fresh?.version).not.toBe(first?.version);
    expect(fresh?.recipients.at(-1)).toMatchObject({ account: { type: "Not" }, expected: { deliver: false, reason: "no-mailbox" } });
  });
});

describe("the database recorder", () => {
  it("attributes a call to its client certificate's organisation, not to the sender it names", () => {
    const naming = event({
      senderOrgNr: `16${ORGNR}`,
      client: { ok: true, organisationId: "165566778899", subject: "CN=b", issuer: "CN=ca", fingerprint256: "BB" },
    });
    expect(senderOrganisationNumber(naming)).toBe("5566778899");
    expect(senderOrganisationNumber(event({ senderOrgNr: `16${ORGNR}` }))).toBe(ORGNR);
  });

  it("attributes an event without a valid certificate to the organisation named as sender, else to the client certificate's, else to nobody", async () => {
    const failures: unknown[] = [];
    const recorder = databaseRecorder(handle.db, (error) => failures.push(error));
    const bySender = event({ senderOrgNr: `16${ORGNR}`, receivedAt: new Date("2026-11-27T10:00:01Z") });
    const byCertificate = event({
      operation: "getSenders",
      endpoint: "authority",
      receivedAt: new Date("2026-11-27T10:00:02Z"),
      client: { ok: true, organisationId: `16${ORGNR}`, subject: "CN=x", issuer: "CN=ca", fingerprint256: "AA" },
    });
    const unknownSender = event({ senderOrgNr: "165560000000", receivedAt: new Date("2026-11-27T10:00:03Z") });
    const faulted = event({
      senderOrgNr: `16${ORGNR}`,
      receivedAt: new Date("2026-11-27T10:00:04Z"),
      outcome: "fault",
      httpStatus: 500,
      fault: { errorCode: 6004, description: "operator fault", callId: "x" },
      checks: [{ id: "sender.registered", status: "pass", message: "registered" }],
      reason: "operator fault",
    });
    for (const e of [bySender, byCertificate, unknownSender, faulted]) recorder.record(e);
    await recorder.flush();
    expect(failures).toEqual([]);

    const rows = await recentSandboxEvents(handle.db, organisationId, 10);
    expect(rows.map((r) => r.id)).toEqual([faulted.callId, byCertificate.callId, bySender.callId]);
    expect(rows[0]).toMatchObject({
      outcome: "fault",
      faultCode: 6004,
      httpStatus: 500,
      durationMs: 1.25,
      senderOrgNr: `16${ORGNR}`,
      checks: [{ id: "sender.registered", status: "pass", message: "registered" }],
    });
    expect(rows[1]).toMatchObject({ clientOrgNr: `16${ORGNR}`, senderOrgNr: null, endpoint: "authority" });
    expect((await recentSandboxEvents(handle.db, organisationId, 1)).map((r) => r.id)).toEqual([faulted.callId]);
  });

  it("writes an environment's call under the environment's organisation, with its load test, size and messages", async () => {
    const environment = await insertTestEnvironment(handle.db, { organisationId, slug: "envrecord1" });
    const failures: unknown[] = [];
    const recorder = databaseRecorder(handle.db, (error) => failures.push(error));
    const delivery = event({
      environmentId: environment.id,
      organisationId,
      endpoint: "service",
      operation: "deliverSecure",
      receivedAt: new Date("2026-11-27T10:00:05Z"),
      // A förmedlare's certificate: the environment, not the certificate, says whose call it is.
      client: { ok: true, organisationId: "164020000305", subject: "CN=f", issuer: "CN=ca", fingerprint256: "CC" },
      requestBytes: 23_456,
      outcome: "delivered",
      messages: [
        {
          position: 0,
          messageId: "m-1",
          subject: "Beslut",
          bodyContentType: "text/plain",
          bodyBase64: Buffer.from("Hej").toString("base64"),
          attachments: [{ filename: "a.pdf", contentType: "application/pdf", checksum: "abc", base64: "JVBERi0=" }],
        },
        { position: 1, messageId: null, subject: null, bodyContentType: null, bodyBase64: null, attachments: [] },
      ],
    });
    recorder.record(delivery);
    await recorder.flush();
    expect(failures).toEqual([]);
    const [row] = await recentSandboxEvents(handle.db, organisationId, 1);
    expect(row).toMatchObject({
      id: delivery.callId,
      environmentId: environment.id,
      requestBytes: 23_456,
      loadTestId: null,
      clientOrgNr: "164020000305",
    });
    const messages = await sandboxMessagesOf(handle.db, delivery.callId);
    expect(messages).toEqual([
      {
        eventId: delivery.callId,
        position: 0,
        messageId: "m-1",
        subject: "Beslut",
        bodyContentType: "text/plain",
        bodyBase64: "SGVq",
        attachments: [{ filename: "a.pdf", contentType: "application/pdf", checksum: "abc", base64: "JVBERi0=" }],
      },
      { eventId: delivery.callId, position: 1, messageId: null, subject: null, bodyContentType: null, bodyBase64: null, attachments: [] },
    ]);
  });

  it("writes neither the event nor its messages when the messages cannot be stored", async () => {
    const failures: unknown[] = [];
    const recorder = databaseRecorder(handle.db, (error) => failures.push(error));
    const message = { position: 0, messageId: null, subject: null, bodyContentType: null, bodyBase64: null, attachments: [] };
    const broken = event({ organisationId, receivedAt: new Date("2026-11-27T09:00:00Z"), messages: [message, message] });
    recorder.record(broken);
    await recorder.flush();
    expect(failures).toHaveLength(1);
    expect((await recentSandboxEvents(handle.db, organisationId, 100)).map((r) => r.id)).not.toContain(broken.callId);
  });

  it("reports an event it could not store instead of throwing into the emulator", async () => {
    const failures: unknown[] = [];
    const recorder = databaseRecorder(handle.db, (error) => failures.push(error));
    const once = event({ senderOrgNr: `16${ORGNR}` });
    recorder.record(once);
    recorder.record(once);
    await recorder.flush();
    expect(failures).toHaveLength(1);
  });
});

describe("calls anyone could make", () => {
  it("are recorded up to the environment's budget per minute; the organisation's own calls always", async () => {
    const environment = await insertTestEnvironment(handle.db, { organisationId, slug: "budget0001" });
    const recorder = databaseRecorder(
      handle.db,
      (error) => {
        throw error;
      },
      new RefusalBudget(2),
    );
    const at = new Date("2026-11-27T11:00:00Z");
    const own = { ok: true as const, organisationId: `16${ORGNR}`, subject: "CN=x", issuer: "CN=ca", fingerprint256: "AA" };
    for (let i = 0; i < 4; i++) recorder.record(event({ environmentId: environment.id, organisationId, receivedAt: at }));
    for (let i = 0; i < 3; i++) recorder.record(event({ environmentId: environment.id, organisationId, receivedAt: at, client: own }));
    await recorder.flush();
    const recorded = (await recentSandboxEvents(handle.db, organisationId, 100)).filter((e) => e.environmentId === environment.id);
    expect(recorded.filter((e) => e.clientOrgNr === null)).toHaveLength(2);
    expect(recorded.filter((e) => e.clientOrgNr !== null)).toHaveLength(3);
  });
});
