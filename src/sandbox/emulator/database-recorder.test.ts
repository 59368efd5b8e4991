import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../../../tests/support/test-database.ts";
import type { DatabaseHandle } from "../../db/database.ts";
import { findSandboxAuthority, recentSandboxEvents, sandboxSenders } from "../../db/repositories/sandbox-repository.ts";
import { SYSTEM_ACTOR } from "../../domain/access/actor.ts";
import { createOrganisation } from "../../domain/organisations/create-organisation.ts";
import type { OrganisationNumber } from "../../domain/organisations/organisation-number.ts";
import { loadOrCreateSandboxAuthority } from "../../domain/sandbox/sandbox-authority.ts";
import { readCertificates } from "../tls/test-ca.ts";
import { databaseRecorder, senderOrganisationNumber } from "./database-recorder.ts";
import type { EmulatorEvent } from "./events.ts";

/** The sandbox's persistence against the test database: one authority per installation, and events attributed to their sender. */

const ORGNR = "2120002411";
let handle: DatabaseHandle;
let organisationId: string;

const event = (fields: Partial<EmulatorEvent>): EmulatorEvent => ({
  callId: crypto.randomUUID(),
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

describe("the sandbox authority", () => {
  it("is made once per installation, even when two app servers start together", async () => {
    const now = new Date();
    const [first, second] = await Promise.all([
      loadOrCreateSandboxAuthority(handle.db, { now }),
      loadOrCreateSandboxAuthority(handle.db, { now }),
    ]);
    expect(first.caCertificatePem).toBe(second.caCertificatePem);
    expect((await loadOrCreateSandboxAuthority(handle.db, { now })).caCertificatePem).toBe(first.caCertificatePem);
    expect((await findSandboxAuthority(handle.db))?.serverPrivateKeyPem).toBe(first.serverPrivateKeyPem);
    const [ca, server] = readCertificates([first.caCertificatePem, first.serverCertificatePem]);
    expect(ca?.ca).toBe(true);
    expect(server && ca && server.checkIssued(ca)).toBe(true);
  });

  it("lists every organisation as a sender", async () => {
    expect(await sandboxSenders(handle.db)).toEqual([{ orgnr: ORGNR, name: "Sundsvalls kommun" }]);
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
