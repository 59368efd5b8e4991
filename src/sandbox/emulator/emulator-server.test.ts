import { createPrivateKey, randomUUID, X509Certificate } from "node:crypto";
import { Agent, request } from "node:https";
import { monitorEventLoopDelay } from "node:perf_hooks";
import type { TLSSocket } from "node:tls";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Check, CheckId } from "../checks/check.ts";
import { createValidationPool, type ValidationPool } from "../checks/validation-pool.ts";
import { makePersonalIdentityNumber, makeSyntheticOrganisationNumber } from "../recipients/identity-numbers.ts";
import { ownRecipientScenario } from "../recipients/own-recipient.ts";
import { type ScenarioId, scenarioById } from "../recipients/scenarios.ts";
import { NS } from "../soap/namespaces.ts";
import {
  readDeliverSecureResponse,
  readGetSendersResponse,
  readIsReachableResponse,
  readIsRegisteredResponse,
} from "../soap/read-responses.ts";
import { memoryEnvironments, testEnvironment } from "../testing/memory-environments.ts";
import { deliverSecureRequest, exampleDelivery, soapEnvelope } from "../testing/reference-delivery.ts";
import type { TestCertificate } from "../testing/test-certificate.ts";
import { payloadOf, validateAgainstContract, validateAgainstServedWsdl } from "../testing/xsd.ts";
import { createTestCa, issueClientCertificate, issueServerCertificate, type PemCertificate, type TestCa } from "../tls/test-ca.ts";
import { type RunningEmulator, startEmulator } from "./emulator-server.ts";
import { type EmulatorEnvironment, environmentPath } from "./environment.ts";
import { type EmulatorEvent, memoryRecorder } from "./events.ts";

/**
 * The emulator over real mutual TLS on loopback: a reference sender with a certificate from the
 * installation's test CA looks recipients up, builds and signs deliveries with the testing
 * module's reference code, and sends them to the ServiceAdress it was handed.
 */

const SENDER = { orgnr: "2120002411", name: "Sundsvalls kommun" };
const SENDER_ID = `16${SENDER.orgnr}`;
const OPERATOR_TIMEOUT_MS = 400;
/** 2048-bit keys, though 1024 would be generated faster: OpenSSL 3.5 (Node 24, and 22 today) refuses smaller RSA keys in TLS at its default security level 2 ("ee key too small"). */
const TLS_KEYS = { modulusLength: 2048 };

let ca: TestCa;
let client: PemCertificate;
let foreignClient: PemCertificate;
/** A förmedlare whose certificate comes from a test CA it uploaded. */
let uploadedClient: PemCertificate;
const DISPATCHER = { organisationNumber: "4020000305", organisationName: "Förmedlare Test AB" };
const OTHER_ORGNR = makeSyntheticOrganisationNumber(7);
const OPERATORS = [
  { id: "kivra", name: "Kivra" },
  { id: "minmyndighetspost", name: "Min myndighetspost" },
  { id: "billo", name: "Billo" },
  { id: "fortnox", name: "Fortnox" },
] as const;
let emulator: RunningEmulator;
let serverCertificate: PemCertificate;
/** The sender's environment (with the förmedlare and its uploaded CA), another organisation's, and their paths. */
let envA: EmulatorEnvironment;
let envB: EmulatorEnvironment;
let A: string;
let environments: ReturnType<typeof memoryEnvironments>;
const recorder = memoryRecorder();
/** Every response body, validated against the official XSDs at the end. */
const responses: { name: string; xml: string }[] = [];

type Reply = { status: number; body: string; headers: Record<string, string | string[] | undefined>; resumed: boolean };

function call(
  path: string,
  options: { body?: string | Buffer; method?: string; certificate?: PemCertificate | null; timeoutMs?: number; agent?: Agent } = {},
): Promise<Reply> {
  const certificate = options.certificate === undefined ? client : options.certificate;
  return new Promise((resolve, reject) => {
    const req = request(
      `${emulator.url}${path}`,
      {
        method: options.method ?? "POST",
        ca: ca.certificatePem,
        ...(certificate ? { cert: certificate.certificatePem, key: certificate.privateKeyPem } : {}),
        agent: options.agent ?? false,
        headers: { "content-type": "text/xml; charset=utf-8", soapaction: '""' },
        ...(options.timeoutMs ? { timeout: options.timeoutMs } : {}),
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        const resumed = (res.socket as TLSSocket).isSessionReused();
        res.on("end", () =>
          resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString("utf8"), headers: res.headers, resumed }),
        );
      },
    );
    req.on("timeout", () => req.destroy(new Error("client timeout")));
    req.on("error", reject);
    req.end(options.body);
  });
}

const lastEvent = (): EmulatorEvent => {
  const event = recorder.events.at(-1);
  if (!event) throw new Error("no event recorded");
  return event;
};
const check = (event: EmulatorEvent, id: CheckId) => event.checks.find((c) => c.id === id);

function isReachableRequest(recipientIds: string[], senderOrgNr = SENDER_ID) {
  return soapEnvelope(
    `<rcp3:isReachable xmlns:rcp3="${NS.recipient3}"><rcp3:senderOrgNr>${senderOrgNr}</rcp3:senderOrgNr>${recipientIds
      .map((id) => `<rcp3:recipientId>${id}</rcp3:recipientId>`)
      .join("")}</rcp3:isReachable>`,
  );
}

async function isReachable(id: ScenarioId, base = A) {
  const reply = await call(`${base}/Recipient/v3`, { body: isReachableRequest([scenarioById(id).recipientId]) });
  responses.push({ name: `isReachable ${id}`, xml: reply.body });
  const read = readIsReachableResponse(reply.body);
  if (!read.ok) throw new Error(`isReachable ${id}: ${JSON.stringify(read)}`);
  const [status] = read.value;
  if (!status) throw new Error("no status");
  return status;
}

/** The signer the reference sender uses: the same CA-issued certificate as for TLS, as senders do in practice. */
let signer: TestCertificate;

function signedDelivery(recipientId: string) {
  const input = exampleDelivery({ recipients: [recipientId] });
  const messages = input.messages.map((m) => ({ ...m, id: randomUUID() }));
  return deliverSecureRequest({ ...input, messages }, { sender: signer, intermediary: signer });
}

/** Sends the delivery to a path on the emulator, e.g. the path of a handed-out ServiceAdress. */
async function deliver(recipientId: string, serviceAdress: string, timeoutMs?: number) {
  const path = new URL(serviceAdress).pathname;
  return call(path, { body: signedDelivery(recipientId), ...(timeoutMs ? { timeoutMs } : {}) });
}

beforeAll(async () => {
  let otherCa: TestCa;
  let uploadedCa: TestCa;
  [ca, otherCa, uploadedCa] = await Promise.all([
    createTestCa({ installationName: "emulator test", ...TLS_KEYS }),
    createTestCa(TLS_KEYS),
    createTestCa(TLS_KEYS),
  ]);
  let server: PemCertificate;
  [server, client, foreignClient, uploadedClient] = await Promise.all([
    issueServerCertificate(ca, TLS_KEYS),
    issueClientCertificate(ca, { organisationNumber: SENDER.orgnr, organisationName: SENDER.name }, TLS_KEYS),
    issueClientCertificate(otherCa, { organisationNumber: SENDER.orgnr, organisationName: SENDER.name }, TLS_KEYS),
    issueClientCertificate(uploadedCa, DISPATCHER, TLS_KEYS),
  ]);
  const certificate = new X509Certificate(client.certificatePem);
  signer = {
    privateKey: createPrivateKey(client.privateKeyPem),
    certificatePem: client.certificatePem,
    certificate,
    subjectName: `CN=${SENDER.name} + SERIALNUMBER=${SENDER_ID}, O=${SENDER.name}, C=SE`,
  };
  envA = testEnvironment({
    orgnr: SENDER.orgnr,
    organisationName: SENDER.name,
    intermediaryOrgNr: DISPATCHER.organisationNumber,
    trustedCAs: [uploadedCa.certificatePem],
  });
  // Another organisation that names the same förmedlare but never uploaded its CA.
  envB = testEnvironment({ orgnr: OTHER_ORGNR, organisationName: "Ånge kommun", intermediaryOrgNr: DISPATCHER.organisationNumber });
  A = environmentPath(envA.slug);
  environments = memoryEnvironments([envA, envB]);
  serverCertificate = server;
  emulator = await startEmulator({
    ca: ca.certificatePem,
    serverCert: server.certificatePem,
    serverKey: server.privateKeyPem,
    port: 0,
    operators: OPERATORS,
    environments,
    recorder,
    operatorTimeoutMs: OPERATOR_TIMEOUT_MS,
    limits: { inFlight: 3, held: 1 },
  });
});

afterAll(async () => {
  await emulator?.close();
});

describe("the emulator over mutual TLS", () => {
  it("isReachable hands out this emulator's Service address, and a delivery there is Delivered=true", async () => {
    const status = await isReachable("reachable-kivra");
    expect(status.senderAccepted).toBe(true);
    expect(status.accountStatus.serviceSupplier?.serviceAdress).toBe(`${emulator.url}${A}/Service/v3/kivra`);
    expect(lastEvent()).toMatchObject({ operation: "isReachable", outcome: "answered", senderOrgNr: SENDER_ID, httpStatus: 200 });

    const reply = await deliver(status.accountStatus.recipientId, status.accountStatus.serviceSupplier?.serviceAdress ?? "");
    responses.push({ name: "deliverSecure delivered", xml: reply.body });
    expect(reply.status).toBe(200);
    const result = readDeliverSecureResponse(reply.body);
    expect(result).toMatchObject({ ok: true, value: { statuses: [{ recipientId: status.accountStatus.recipientId, delivered: true }] } });

    const event = lastEvent();
    expect(event).toMatchObject({
      operation: "deliverSecure",
      operatorId: "kivra",
      outcome: "delivered",
      senderOrgNr: SENDER_ID,
      recipientIds: [status.accountStatus.recipientId],
      client: { ok: true, organisationId: SENDER_ID },
    });
    expect(event.transId).toBe(result.ok ? result.value.transId : null);
    expect(event).toMatchObject({ environmentId: envA.id, organisationId: envA.organisationId, loadTestId: null });
    expect(event.requestBytes).toBeGreaterThan(1000);
    expect(event.messages).toHaveLength(1);
    expect(event.messages[0]).toMatchObject({ position: 0, subject: "Beslut om bygglov", bodyContentType: "text/html" });
    expect(Buffer.from(event.messages[0]?.bodyBase64 ?? "", "base64").toString("utf8")).toContain("<b>beslutet</b>");
    expect(event.messages[0]?.attachments).toEqual([
      expect.objectContaining({
        filename: "beslut.pdf",
        contentType: "application/pdf",
        checksum: expect.stringMatching(/^[0-9a-f]{32}$/i),
      }),
    ]);
    expect(event.durationMs).toBeGreaterThan(0);
    expect(reply.headers["server-timing"]).toMatch(/^emulator;dur=/);
    const notPassing = event.checks.filter((c) => c.status === "fail");
    expect(notPassing).toEqual([]);
    for (const id of [
      "delivery.reachable-checked",
      "delivery.service-address",
      "sender.registered",
      "sender.client-certificate",
    ] as const) {
      expect(check(event, id)?.status, id).toBe("pass");
    }
  });

  it("answers isRegistered and getSenders", async () => {
    const registered = await call(`${A}/Recipient/v3`, {
      body: soapEnvelope(
        `<rcp3:isRegistered xmlns:rcp3="${NS.recipient3}"><rcp3:recipientId>${scenarioById("no-mailbox").recipientId}</rcp3:recipientId></rcp3:isRegistered>`,
      ),
    });
    responses.push({ name: "isRegistered", xml: registered.body });
    expect(readIsRegisteredResponse(registered.body)).toMatchObject({ ok: true, value: [{ type: "Not" }] });

    const senders = await call(`${A}/Authority`, { body: soapEnvelope(`<auth:getSenders xmlns:auth="${NS.authorityWsdl}"/>`) });
    responses.push({ name: "getSenders", xml: senders.body });
    expect(readGetSendersResponse(senders.body)).toEqual({ ok: true, value: [{ id: SENDER_ID, name: SENDER.name }] });
  });

  it("refuses a call without a client certificate with a SOAP fault, and records why", async () => {
    const reply = await call(`${A}/Recipient/v3`, {
      body: isReachableRequest([scenarioById("reachable-kivra").recipientId]),
      certificate: null,
    });
    responses.push({ name: "fault no certificate", xml: reply.body });
    expect(reply.status).toBe(500);
    expect(readIsReachableResponse(reply.body)).toMatchObject({ ok: false, fault: { detail: { fault: { errorCode: 5002 } } } });
    expect(lastEvent()).toMatchObject({ outcome: "refused", client: { ok: false, code: "no-certificate" } });
    expect(check(lastEvent(), "sender.client-certificate")?.status).toBe("fail");
  });

  it("refuses a certificate from a CA it does not trust", async () => {
    const reply = await call(`${A}/Authority`, {
      body: soapEnvelope(`<auth:getSenders xmlns:auth="${NS.authorityWsdl}"/>`),
      certificate: foreignClient,
    });
    responses.push({ name: "getSendersFault untrusted", xml: reply.body });
    expect(reply.status).toBe(500);
    expect(reply.body).toContain("getSendersFault");
    expect(lastEvent()).toMatchObject({ outcome: "refused", client: { ok: false, code: "untrusted" } });
    expect(lastEvent().reason).toMatch(/not a trusted test CA/);
  });

  it("accepts a förmedlare's certificate from an uploaded test CA, sending for a sender it is registered for", async () => {
    const reply = await call(`${A}/Recipient/v3`, {
      body: isReachableRequest([scenarioById("reachable-fortnox").recipientId]),
      certificate: uploadedClient,
    });
    expect(reply.status).toBe(200);
    expect(lastEvent()).toMatchObject({ outcome: "answered", client: { ok: true, organisationId: `16${DISPATCHER.organisationNumber}` } });
    expect(check(lastEvent(), "sender.client-certificate")?.message).toMatch(/registered förmedlare/);
  });

  it("refuses that certificate in another organisation's environment, which did not upload the CA", async () => {
    const reply = await call(`/e/${envB.slug}/Recipient/v3`, {
      body: isReachableRequest([scenarioById("reachable-fortnox").recipientId], `16${OTHER_ORGNR}`),
      certificate: uploadedClient,
    });
    expect(reply.status).toBe(500);
    expect(lastEvent()).toMatchObject({ environmentId: envB.id, outcome: "refused", client: { ok: false, code: "untrusted" } });
  });

  it("refuses a valid certificate of an organisation that is neither the environment's nor its förmedlare", async () => {
    const body = isReachableRequest([scenarioById("reachable-kivra").recipientId], `16${OTHER_ORGNR}`);
    const reply = await call(`/e/${envB.slug}/Recipient/v3`, { body });
    expect(reply.status).toBe(500);
    expect(readIsReachableResponse(reply.body)).toMatchObject({ ok: false, fault: { detail: { fault: { errorCode: 5002 } } } });
    const event = lastEvent();
    expect(event).toMatchObject({
      environmentId: envB.id,
      organisationId: envB.organisationId,
      outcome: "refused",
      requestBytes: Buffer.byteLength(body),
      client: { ok: false, code: "other-organisation" },
    });
    expect(event.reason).toContain(`16${OTHER_ORGNR}`);
    expect(check(event, "sender.client-certificate")?.status).toBe("fail");
  });

  it("still knows the client on a resumed TLS session", async () => {
    const agent = new Agent({ keepAlive: false, maxCachedSessions: 10 });
    const body = soapEnvelope(`<auth:getSenders xmlns:auth="${NS.authorityWsdl}"/>`);
    expect((await call(`${A}/Authority`, { body, agent })).status).toBe(200);
    const second = await call(`${A}/Authority`, { body, agent });
    expect(second).toMatchObject({ status: 200, resumed: true });
    expect(lastEvent()).toMatchObject({ outcome: "answered", client: { ok: true, organisationId: SENDER_ID } });
    agent.destroy();
  });

  it("records calls to addresses and methods it does not serve", async () => {
    expect((await call(`${A}/Recipient/v2`, { body: "<x/>" })).status).toBe(404);
    expect(lastEvent()).toMatchObject({ endpoint: "other", outcome: "refused", httpStatus: 404 });
    expect((await call(`${A}/Service/v3/eboks`, { body: "<x/>" })).status).toBe(404);
    expect((await call(`${A}/Authority`, { method: "PUT", body: "<x/>" })).status).toBe(405);
    expect(lastEvent()).toMatchObject({ endpoint: "authority", outcome: "refused", httpStatus: 405 });
    const wrongPlace = await call(`${A}/Authority`, { body: isReachableRequest([scenarioById("reachable-kivra").recipientId]) });
    expect(wrongPlace.status).toBe(500);
    expect(lastEvent()).toMatchObject({ operation: "isReachable", outcome: "fault", reason: "isReachable is not served at /Authority" });
  });

  it("fails delivery.reachable-checked for a delivery without an isReachable first", async () => {
    const reply = await deliver(scenarioById("reachable-organisation").recipientId, `${emulator.url}${A}/Service/v3/kivra`);
    expect(reply.status).toBe(200);
    expect(check(lastEvent(), "delivery.reachable-checked")).toMatchObject({ status: "fail" });
    expect(check(lastEvent(), "delivery.service-address")).toMatchObject({ status: "fail" });
  });

  it("fails delivery.service-address for a delivery to another operator than the one handed out", async () => {
    const status = await isReachable("reachable-billo");
    const reply = await deliver(status.accountStatus.recipientId, `${emulator.url}${A}/Service/v3/kivra`);
    expect(readDeliverSecureResponse(reply.body)).toMatchObject({ ok: false, fault: { detail: { fault: { errorCode: 5003 } } } });
    expect(check(lastEvent(), "delivery.service-address")).toMatchObject({ status: "fail" });
    expect(check(lastEvent(), "delivery.reachable-checked")).toMatchObject({ status: "pass" });
  });

  it("answers isReachable per scenario for the recipients a sender must not deliver to", async () => {
    expect((await isReachable("sender-not-accepted")).senderAccepted).toBe(false);
    expect((await isReachable("mailbox-pending")).accountStatus.pending).toBe(true);
    const none = await isReachable("no-mailbox");
    expect(none.accountStatus.type).toBe("Not");
    expect(none.accountStatus.serviceSupplier).toBeUndefined();
    const minor = await isReachable("minor");
    expect(minor.senderAccepted).toBe(true);

    // Delivering anyway is graded: the operator may take it, the check fails with the reason.
    const reply = await deliver(minor.accountStatus.recipientId, minor.accountStatus.serviceSupplier?.serviceAdress ?? "");
    expect(reply.status).toBe(200);
    expect(check(lastEvent(), "delivery.reachable-checked")?.message).toMatch(/under 18/);
    const pending = await deliver(scenarioById("mailbox-pending").recipientId, `${emulator.url}${A}/Service/v3/kivra`);
    expect(pending.status).toBe(200);
    expect(check(lastEvent(), "delivery.reachable-checked")?.message).toMatch(/Pending=true/);
    const noMailbox = await deliver(none.accountStatus.recipientId, `${emulator.url}${A}/Service/v3/kivra`);
    expect(readDeliverSecureResponse(noMailbox.body)).toMatchObject({ ok: false, fault: { detail: { fault: { errorCode: 5003 } } } });
  });

  it("answers Delivered=false, a fault, or nothing, as the recipient's operator does", async () => {
    const notDelivered = await isReachable("operator-not-delivered");
    const reply = await deliver(notDelivered.accountStatus.recipientId, notDelivered.accountStatus.serviceSupplier?.serviceAdress ?? "");
    responses.push({ name: "deliverSecure not delivered", xml: reply.body });
    expect(readDeliverSecureResponse(reply.body)).toMatchObject({ ok: true, value: { statuses: [{ delivered: false }] } });
    expect(lastEvent()).toMatchObject({ outcome: "not-delivered", operatorId: "fortnox" });

    const faulting = await isReachable("operator-fault");
    const fault = await deliver(faulting.accountStatus.recipientId, faulting.accountStatus.serviceSupplier?.serviceAdress ?? "");
    responses.push({ name: "deliverSecure operator fault", xml: fault.body });
    expect(fault.status).toBe(500);
    const read = readDeliverSecureResponse(fault.body);
    expect(read).toMatchObject({ ok: false, fault: { faultcode: "soap:Server", detail: { fault: { errorCode: 4999 } } } });
    expect(lastEvent()).toMatchObject({ outcome: "fault", operatorId: "minmyndighetspost" });
    expect(lastEvent().fault?.callId).toHaveLength(36);

    const silent = await isReachable("operator-timeout");
    const before = recorder.events.length;
    await expect(deliver(silent.accountStatus.recipientId, silent.accountStatus.serviceSupplier?.serviceAdress ?? "", 150)).rejects.toThrow(
      /client timeout/,
    );
    await expect.poll(() => recorder.events.length, { timeout: OPERATOR_TIMEOUT_MS * 3 }).toBe(before + 1);
    expect(lastEvent()).toMatchObject({ outcome: "timeout", operatorId: "billo", httpStatus: null });
    expect(lastEvent().durationMs).toBeGreaterThanOrEqual(OPERATOR_TIMEOUT_MS - 5);
  });

  it("refuses an oversized body and what is not XML with a fault, both HTTP 500 as SOAP 1.1 answers a fault", async () => {
    const big = await call(`${A}/Service/v3/kivra`, { body: Buffer.alloc(5 * 1024 * 1024 + 1, "a") });
    responses.push({ name: "fault too large", xml: big.body });
    expect(big.status).toBe(500);
    expect(lastEvent()).toMatchObject({ outcome: "refused", httpStatus: 500, fault: { errorCode: 5004 } });
    expect(check(lastEvent(), "xml.size-limit")?.status).toBe("fail");

    const junk = await call(`${A}/Service/v3/kivra`, { body: "this is not XML" });
    responses.push({ name: "fault not XML", xml: junk.body });
    expect(junk.status).toBe(500);
    expect(lastEvent()).toMatchObject({ outcome: "refused", fault: { errorCode: 5000 } });
    expect(check(lastEvent(), "xml.well-formed")?.status).toBe("fail");

    const bomb = await call(`${A}/Recipient/v3`, { body: '<!DOCTYPE x [<!ENTITY a "aaaa">]><x>&a;</x>' });
    expect(bomb.status).toBe(500);
    expect(lastEvent().reason).toMatch(/DTD/);
  });

  it("faults a delivery whose signature does not verify, as an operator would", async () => {
    const status = await isReachable("reachable-minmyndighetspost");
    const body = signedDelivery(status.accountStatus.recipientId).replace("Beslut om bygglov", "Beslut om rivningslov");
    const reply = await call(new URL(status.accountStatus.serviceSupplier?.serviceAdress ?? "").pathname, { body });
    responses.push({ name: "deliverSecure bad signature", xml: reply.body });
    expect(readDeliverSecureResponse(reply.body)).toMatchObject({ ok: false, fault: { detail: { fault: { errorCode: 5001 } } } });
    expect(check(lastEvent(), "signature.sender")?.status).toBe("fail");
  });

  it("serves the WSDLs with the emulator's addresses", async () => {
    const recipient = await call(`${A}/Recipient/v3?wsdl`, { method: "GET" });
    expect(recipient.status).toBe(200);
    expect(recipient.body).toContain(`<soap:address location="${emulator.url}${A}/Recipient/v3"/>`);
    expect(recipient.body).toContain(`schemaLocation="${emulator.url}/schema/v3/Recipient.xsd"`);
    const service = await call(`${A}/Service/v3/fortnox?wsdl`, { method: "GET" });
    expect(service.body).toContain(`<soap:address location="${emulator.url}${A}/Service/v3/fortnox"/>`);
    const schema = await call("/schema/v3/Recipient.xsd", { method: "GET" });
    expect(schema.body).toContain("targetNamespace");
    expect((await call("/schema/../Recipient.wsdl", { method: "GET" })).status).toBe(404);
  });

  it("serves the Authority WSDL, without a client certificate, whose schemas resolve and judge its answers", async () => {
    const wsdl = await call(`${A}/Authority?wsdl`, { method: "GET", certificate: null });
    expect(wsdl.status).toBe(200);
    expect(wsdl.headers["content-type"]).toMatch(/^text\/xml/);
    expect(lastEvent()).toMatchObject({ operation: "wsdl", outcome: "answered", httpStatus: 200 });
    expect(wsdl.body).toContain('targetNamespace="http://minameddelanden.gov.se/Authority"');
    expect(wsdl.body).toContain('<wsdl:port binding="authority:AuthorityBinding" name="AuthorityPort">');
    expect(wsdl.body).toContain(`<soap:address location="${emulator.url}${A}/Authority"/>`);
    expect(wsdl.body).toContain(`schemaLocation="${emulator.url}/schema/Sender.xsd"`);
    expect(wsdl.body).not.toContain('schemaLocation="schema/');

    const senders = await call(`${A}/Authority`, { body: soapEnvelope(`<auth:getSenders xmlns:auth="${NS.authorityWsdl}"/>`) });
    const refused = await call(`${A}/Authority`, {
      body: soapEnvelope(`<auth:getSenders xmlns:auth="${NS.authorityWsdl}"/>`),
      certificate: foreignClient,
    });
    expect(refused.body).toContain("getSendersFault");
    const served = await validateAgainstServedWsdl({
      wsdl: wsdl.body,
      wsdlUrl: `${emulator.url}${A}/Authority?wsdl`,
      fetchText: async (url) => {
        expect(url.startsWith(`${emulator.url}/schema/`)).toBe(true);
        const schema = await call(new URL(url).pathname, { method: "GET", certificate: null });
        if (schema.status !== 200) throw new Error(`${url}: HTTP ${schema.status}`);
        return schema.body;
      },
      documents: [
        { name: "getSendersResponse", xml: payloadOf(senders.body) },
        { name: "getSendersFault", xml: payloadOf(refused.body) },
      ],
    });
    // Sender.xsd imports Recipient.xsd, which imports Authority.xsd and Common.xsd: all four are served.
    expect(served.schemaUrls.map((u) => new URL(u).pathname).sort()).toEqual([
      "/schema/Authority.xsd",
      "/schema/Common.xsd",
      "/schema/Recipient.xsd",
      "/schema/Sender.xsd",
    ]);
    expect(served.results.filter((r) => !r.valid)).toEqual([]);
  });

  it("sends only responses the official XSDs accept", async () => {
    expect(responses.length).toBeGreaterThanOrEqual(10);
    const results = await validateAgainstContract([
      ...responses.map((r) => ({ name: r.name, xml: payloadOf(r.xml) })),
      ...responses.map((r) => ({ name: `${r.name} (whole envelope)`, xml: r.xml })),
    ]);
    expect(results.filter((r) => !r.valid)).toEqual([]);
  });
});

function postTo(url: string, body: string, certificate: PemCertificate | null) {
  return new Promise<{ status: number; body: string }>((resolve, reject) => {
    const req = request(
      url,
      {
        method: "POST",
        ca: ca.certificatePem,
        agent: false,
        ...(certificate ? { cert: certificate.certificatePem, key: certificate.privateKeyPem } : {}),
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString("utf8") }));
      },
    );
    req.on("error", reject);
    req.end(body);
  });
}

/** A request whose body is still being sent: it counts as in progress until it is destroyed. */
function openPartial(path: string) {
  const req = request(`${emulator.url}${path}`, {
    method: "POST",
    ca: ca.certificatePem,
    cert: client.certificatePem,
    key: client.privateKeyPem,
    agent: false,
    headers: { "content-type": "text/xml; charset=utf-8", "content-length": "1000" },
  });
  req.on("error", () => {});
  req.write("<soap:Envelope");
  return req;
}

describe("test environments", () => {
  const getSenders = soapEnvelope(`<auth:getSenders xmlns:auth="${NS.authorityWsdl}"/>`);

  it("answers a call to no environment or an unknown one with 404, and records where to call instead", async () => {
    const bare = await call("/Recipient/v3", { body: isReachableRequest([scenarioById("reachable-kivra").recipientId]) });
    expect(bare.status).toBe(404);
    expect(lastEvent()).toMatchObject({ environmentId: null, outcome: "refused", httpStatus: 404, endpoint: "other" });
    expect(lastEvent().reason).toMatch(/every endpoint is under \/e\/\{slug\}\//);

    const unknown = await call("/e/zzzzzzzzzz/Authority", { body: getSenders });
    expect(unknown.status).toBe(404);
    expect(unknown.body).toMatch(/no test environment \/e\/zzzzzzzzzz/);
    expect(lastEvent()).toMatchObject({ environmentId: null, organisationId: null, outcome: "refused", httpStatus: 404 });
    expect(lastEvent().client).toMatchObject({ ok: true, organisationId: SENDER_ID });
  });

  it("refuses every call to a disabled environment with a fault that says so", async () => {
    const disabled = testEnvironment({ orgnr: SENDER.orgnr, enabled: false });
    environments.environments.push(disabled);
    const reply = await call(`/e/${disabled.slug}/Authority`, { body: getSenders });
    expect(reply.status).toBe(500);
    expect(readGetSendersResponse(reply.body)).toMatchObject({ ok: false, fault: { detail: { fault: { errorCode: 5002 } } } });
    expect(lastEvent()).toMatchObject({ environmentId: disabled.id, outcome: "refused", endpoint: "authority" });
    expect(lastEvent().reason).toMatch(/disabled/);
  });

  it("registers the environment's organisation as the only sender", async () => {
    const viaIntermediary = await call(`${A}/Authority`, { body: getSenders, certificate: uploadedClient });
    expect(readGetSendersResponse(viaIntermediary.body)).toEqual({ ok: true, value: [{ id: SENDER_ID, name: SENDER.name }] });
  });

  it("tags a load test's calls with it and keeps no message content", async () => {
    const loadTestId = randomUUID();
    const loaded = testEnvironment({
      orgnr: SENDER.orgnr,
      organisationName: SENDER.name,
      loadTest: { id: loadTestId, endsAt: new Date(Date.now() + 60_000) },
    });
    environments.environments.push(loaded);
    const status = await isReachable("reachable-kivra", environmentPath(loaded.slug));
    expect(lastEvent()).toMatchObject({ environmentId: loaded.id, loadTestId });
    const serviceAdress = status.accountStatus.serviceSupplier?.serviceAdress ?? "";
    expect(serviceAdress).toBe(`${emulator.url}/e/${loaded.slug}/Service/v3/kivra`);
    const reply = await deliver(status.accountStatus.recipientId, serviceAdress);
    expect(reply.status).toBe(200);
    expect(lastEvent()).toMatchObject({ environmentId: loaded.id, loadTestId, outcome: "delivered", messages: [] });
    expect(lastEvent().requestBytes).toBeGreaterThan(1000);
  });

  it("keeps an environment's lookups when its configuration changes, and serves the new recipients", async () => {
    const first = testEnvironment({ orgnr: SENDER.orgnr, organisationName: SENDER.name });
    environments.environments.push(first);
    const path = environmentPath(first.slug);
    const status = await isReachable("reachable-kivra", path);
    const own = ownRecipientScenario({
      id: randomUUID(),
      recipientId: makePersonalIdentityNumber("1801-02-03", 412),
      label: "Egen testperson",
      account: { type: "Secure", pending: false, operator: "fortnox", senderAccepted: true },
      operatorBehaviour: "delivered",
    });
    const index = environments.environments.indexOf(first);
    environments.environments[index] = { ...first, recipients: [...first.recipients, own], version: "2" };

    await deliver(status.accountStatus.recipientId, status.accountStatus.serviceSupplier?.serviceAdress ?? "");
    expect(check(lastEvent(), "delivery.reachable-checked")?.status).toBe("pass");
    const reply = await call(`${path}/Recipient/v3`, { body: isReachableRequest([own.recipientId]) });
    expect(readIsReachableResponse(reply.body)).toMatchObject({
      ok: true,
      value: [{ accountStatus: { type: "Secure", serviceSupplier: { serviceAdress: `${emulator.url}${path}/Service/v3/fortnox` } } }],
    });
    // Another environment of the same organisation has its own lookups.
    await deliver(status.accountStatus.recipientId, `${emulator.url}${A}/Service/v3/kivra`);
    expect(lastEvent().environmentId).toBe(envA.id);
  });

  it("holds at most its limit of calls for the timeout operator and answers the next at once", async () => {
    // Its own server, whose operator holds a call until the server closes: which of two calls is held does not matter.
    const holdingRecorder = memoryRecorder();
    const holding = await startEmulator({
      ca: ca.certificatePem,
      serverCert: serverCertificate.certificatePem,
      serverKey: serverCertificate.privateKeyPem,
      operators: OPERATORS,
      environments,
      recorder: holdingRecorder,
      operatorTimeoutMs: 60_000,
      limits: { held: 1 },
    });
    const base = `${holding.url}${A}`;
    await postTo(`${base}/Recipient/v3`, isReachableRequest([scenarioById("operator-timeout").recipientId]), client);
    const recipientId = scenarioById("operator-timeout").recipientId;
    const calls = [0, 1].map(() => postTo(`${base}/Service/v3/billo`, signedDelivery(recipientId), client).catch((e: Error) => e));
    const answered = await Promise.race(calls);
    expect(answered).toMatchObject({ status: 500 });
    expect(holdingRecorder.events.at(-1)).toMatchObject({ outcome: "fault", operatorId: "billo", fault: { errorCode: 4999 } });
    expect(holdingRecorder.events.at(-1)?.reason).toMatch(/simulated timeout.*holds 1 call/);
    await holding.close();
    await Promise.all(calls);
    expect(holdingRecorder.events.map((e) => e.outcome)).toEqual(["answered", "fault", "timeout"]);
  });

  it("answers a busy fault beyond its limit of calls in progress, and takes calls again when they end", async () => {
    const busy = testEnvironment({ orgnr: SENDER.orgnr, organisationName: SENDER.name });
    environments.environments.push(busy);
    const path = `${environmentPath(busy.slug)}/Authority`;
    const partials = [openPartial(path), openPartial(path), openPartial(path)];
    // Served until all three are in progress on the server, then refused.
    await expect.poll(async () => (await call(path, { body: getSenders })).status, { timeout: 3000 }).toBe(500);
    expect(lastEvent()).toMatchObject({ environmentId: busy.id, outcome: "refused" });
    expect(lastEvent().reason).toMatch(/busy: 3 calls are in progress/);
    // Other environments are not affected.
    expect((await call(`${A}/Authority`, { body: getSenders })).status).toBe(200);

    for (const partial of partials) partial.destroy();
    await expect.poll(async () => (await call(path, { body: getSenders })).status, { timeout: 2000 }).toBe(200);
  });
});

describe("the benchmark floor", () => {
  it("answers every POST with an acceptable certificate with an empty envelope, without parsing", async () => {
    const floorRecorder = memoryRecorder();
    const floor = await startEmulator({
      ca: ca.certificatePem,
      serverCert: serverCertificate.certificatePem,
      serverKey: serverCertificate.privateKeyPem,
      port: 0,
      operators: OPERATORS,
      environments,
      recorder: floorRecorder,
      answerEmpty: true,
    });
    try {
      const post = (body: string, certificate: PemCertificate | null) => postTo(`${floor.url}${A}/Service/v3/kivra`, body, certificate);
      const answered = await post("this is not even XML", client);
      expect(answered.status).toBe(200);
      expect(answered.body).toMatch(/<soap:Body\/><\/soap:Envelope>$/);
      expect(floorRecorder.events.at(-1)).toMatchObject({ outcome: "answered", checks: [], requestBytes: 20, environmentId: envA.id });
      expect((await post("this is not even XML", null)).status).toBe(500);
      expect(floorRecorder.events.at(-1)).toMatchObject({ outcome: "refused", client: { ok: false, code: "no-certificate" } });
    } finally {
      await floor.close();
    }
  });
});

describe("validation on worker threads", () => {
  /** A server of its own that validates with `pool`, and a sender with an isReachable behind it in each given environment. */
  async function emulatorWith(pool: ValidationPool, own: EmulatorEnvironment[], limits: { validations?: number } = {}) {
    const ownRecorder = memoryRecorder();
    const server = await startEmulator({
      ca: ca.certificatePem,
      serverCert: serverCertificate.certificatePem,
      serverKey: serverCertificate.privateKeyPem,
      operators: OPERATORS,
      environments: memoryEnvironments(own),
      recorder: ownRecorder,
      validationPool: pool,
      limits,
    });
    const recipientId = scenarioById("reachable-kivra").recipientId;
    for (const environment of own) {
      await postTo(`${server.url}${environmentPath(environment.slug)}/Recipient/v3`, isReachableRequest([recipientId]), client);
    }
    const deliverIn = (environment: EmulatorEnvironment, body = signedDelivery(recipientId)) =>
      postTo(`${server.url}${environmentPath(environment.slug)}/Service/v3/kivra`, body, client);
    return { server, recorder: ownRecorder, deliverIn, recipientId };
  }
  const wasDelivered = (reply: { status: number; body: string }) => {
    const read = readDeliverSecureResponse(reply.body);
    return reply.status === 200 && read.ok && read.value.statuses[0].delivered;
  };

  it("answers a delivery whose validation worker crashed with an internal fault, records it, and validates the next", async () => {
    const pool = createValidationPool({ size: 1, module: new URL("../checks/validation-pool.fixture-worker.ts", import.meta.url) });
    const environment = testEnvironment({ orgnr: SENDER.orgnr, organisationName: SENDER.name });
    const { server, recorder: crashRecorder, deliverIn, recipientId } = await emulatorWith(pool, [environment]);
    try {
      const crashed = await deliverIn(environment, `${signedDelivery(recipientId)}<!--crash-->`);
      expect(crashed.status).toBe(500);
      expect(crashed.body).toMatch(/ErrorCode>4999</);
      // The worker died reading the request, so which operation it was is not known.
      expect(crashRecorder.events.at(-1)).toMatchObject({
        endpoint: "service",
        operation: null,
        outcome: "fault",
        fault: { errorCode: 4999 },
      });
      expect(crashRecorder.events.at(-1)?.reason).toMatch(/emulator error: the validation worker stopped/);

      expect(wasDelivered(await deliverIn(environment))).toBe(true);
      expect(crashRecorder.events.at(-1)?.checks.find((c) => c.id === "signature.sender")?.status).toBe("pass");
    } finally {
      await server.close();
      await pool.close();
    }
  });

  it("refuses an environment's deliveries beyond its validation limit while another environment's are validated and delivered", async () => {
    const flooding = testEnvironment({ orgnr: SENDER.orgnr, organisationName: SENDER.name });
    const other = testEnvironment({ orgnr: SENDER.orgnr, organisationName: SENDER.name });
    // One worker, and the flooding environment's validations held until released: nothing depends on timing.
    const real = createValidationPool({ size: 1 });
    let release = () => {};
    const released = new Promise<void>((resolve) => {
      release = resolve;
    });
    const heldFor: string[] = [];
    const pool: ValidationPool = {
      ...real,
      readSenderRequest: async (body, options) => {
        if (options.queue === flooding.id) {
          heldFor.push(options.queue);
          await released;
        }
        return real.readSenderRequest(body, options);
      },
    };
    const { server, recorder: floodRecorder, deliverIn } = await emulatorWith(pool, [flooding, other], { validations: 2 });
    try {
      const first = [deliverIn(flooding), deliverIn(flooding)];
      await expect.poll(() => heldFor.length).toBe(2);
      const flood = await Promise.all([deliverIn(flooding), deliverIn(flooding), deliverIn(flooding)]);
      expect(flood.map((r) => r.status)).toEqual([500, 500, 500]);
      const refused = floodRecorder.events.filter((e) => e.environmentId === flooding.id && e.outcome === "refused");
      expect(refused).toHaveLength(3);
      expect(refused[0]?.reason).toMatch(/busy: 2 calls are being read and checked/);

      // The other environment's delivery is validated and delivered while the flood is still held.
      expect(wasDelivered(await deliverIn(other))).toBe(true);
      const otherEvent = floodRecorder.events.at(-1);
      expect(otherEvent).toMatchObject({ environmentId: other.id, outcome: "delivered" });
      expect(otherEvent?.checks.some((c: Check) => c.id === "signature.intermediary" && c.status === "pass")).toBe(true);

      release();
      expect((await Promise.all(first)).map(wasDelivered)).toEqual([true, true]);
      expect(wasDelivered(await deliverIn(flooding))).toBe(true);
    } finally {
      await server.close();
      await real.close();
    }
  });

  it("reads four 4.7 MB uploads of 1.2 million elements on a worker, refusing each by its element count, while the event loop stays free", async () => {
    const pool = createValidationPool({ size: 1 });
    const environment = testEnvironment({ orgnr: SENDER.orgnr, organisationName: SENDER.name });
    const { server, recorder: flatRecorder, deliverIn } = await emulatorWith(pool, [environment]);
    // The probe's document: building its tree took xmldom about 5 s of this event loop per call.
    const flat = `<r>${"<e/>".repeat(1_200_000)}</r>`;
    const delay = monitorEventLoopDelay({ resolution: 10 });
    try {
      delay.enable();
      const replies = await Promise.all(Array.from({ length: 4 }, () => deliverIn(environment, flat)));
      delay.disable();
      expect(replies.map((r) => r.status)).toEqual([500, 500, 500, 500]);
      for (const reply of replies) {
        expect(reply.body).toMatch(/ErrorCode>5000</);
        expect(reply.body).toContain("more than 10000 elements");
      }
      const refused = flatRecorder.events.filter((e) => e.outcome === "refused");
      expect(refused).toHaveLength(4);
      for (const event of refused) expect(event.checks.find((c) => c.id === "xml.element-limit")?.status).toBe("fail");
      // Sending and receiving 19 MB over TLS in this one process takes some of the loop; a parse here would take seconds.
      expect(delay.max / 1e6).toBeLessThan(1000);
    } finally {
      delay.disable();
      await server.close();
      await pool.close();
    }
  });

  it("stops a request whose reading runs over the time budget with a fault, and reads the next on a fresh worker", async () => {
    const pool = createValidationPool({
      size: 1,
      timeoutMs: 2000,
      module: new URL("../checks/validation-pool.fixture-worker.ts", import.meta.url),
    });
    const environment = testEnvironment({ orgnr: SENDER.orgnr, organisationName: SENDER.name });
    const { server, recorder: budgetRecorder, deliverIn, recipientId } = await emulatorWith(pool, [environment]);
    try {
      const stopped = await deliverIn(environment, `${signedDelivery(recipientId)}<!--spin-->`);
      expect(stopped.status).toBe(500);
      expect(stopped.body).toMatch(/ErrorCode>5000</);
      expect(stopped.body).toContain("VALIDATION_TIMEOUT: reading and checking the request took longer than 2000 ms");
      expect(budgetRecorder.events.at(-1)).toMatchObject({ endpoint: "service", outcome: "refused", fault: { errorCode: 5000 } });

      expect(wasDelivered(await deliverIn(environment))).toBe(true);
      await expect.poll(() => pool.threads()).toBe(1);
    } finally {
      await server.close();
      await pool.close();
    }
  });

  it("leaves a validation pool it was given to its maker to close (its own it closes, see validation-pool.test.ts)", async () => {
    const pool = createValidationPool({ size: 2 });
    const given = await startEmulator({
      ca: ca.certificatePem,
      serverCert: serverCertificate.certificatePem,
      serverKey: serverCertificate.privateKeyPem,
      operators: OPERATORS,
      environments,
      recorder: memoryRecorder(),
      validationPool: pool,
    });
    await given.close();
    // A pool it was given stays its maker's to close.
    expect(pool.threads()).toBe(2);
    await pool.close();
    expect(pool.threads()).toBe(0);
  });
});
