import { createPrivateKey, randomUUID, X509Certificate } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CheckId } from "../checks/check.ts";
import { scenarioById } from "../recipients/scenarios.ts";
import { postSoap } from "../sender/transport.ts";
import { NS } from "../soap/namespaces.ts";
import { readDeliverSecureResponse, readIsReachableResponse } from "../soap/read-responses.ts";
import { memoryEnvironments, testEnvironment } from "../testing/memory-environments.ts";
import { type DeliveryInput, exampleDelivery, soapEnvelope } from "../testing/reference-delivery.ts";
import type { TestCertificate } from "../testing/test-certificate.ts";
import { prefixedXmlsec1Request, referenceWayXmlsec1Request, requireXmlsec1 } from "../testing/xmlsec1.ts";
import { payloadOf, validateAgainstContract } from "../testing/xsd.ts";
import { createTestCa, issueClientCertificate, issueServerCertificate, type PemCertificate, type TestCa } from "../tls/test-ca.ts";
import { type RunningEmulator, startEmulator } from "./emulator-server.ts";
import { environmentPath } from "./environment.ts";
import { type EmulatorEvent, memoryRecorder } from "./events.ts";

/**
 * Deliveries signed by xmlsec1, not by this project's code, sent to the emulator over real mutual
 * TLS: a Java-style delivery with prefixes and `ds:` signatures over exclusive c14n, and one signed
 * the reference code's way. An operator accepts both; so must the emulator.
 */

const SENDER = { organisationNumber: "2120002411", organisationName: "Sundsvalls kommun" };
const SENDER_ID = `16${SENDER.organisationNumber}`;
/** 2048-bit keys, though 1024 would be generated faster: OpenSSL 3.5 (Node 24, and 22 today) refuses smaller RSA keys in TLS at its default security level 2 ("ee key too small"). */
const TLS_KEYS = { modulusLength: 2048 };

let ca: TestCa;
let client: PemCertificate;
let signer: TestCertificate;
let emulator: RunningEmulator;
let base: string;
const recorder = memoryRecorder();
const responses: { name: string; xml: string }[] = [];

async function post(path: string, body: string) {
  const reply = await postSoap(`${emulator.url}${path}`, body, { ca: ca.certificatePem, certificate: client });
  if (reply.kind !== "answer") throw new Error(`no answer: ${reply.error}`);
  return reply;
}

/** Looks the recipient up as a sender must, and answers the path of the ServiceAdress handed out. */
async function serviceAddressFor(recipientId: string): Promise<string> {
  const reply = await post(
    `${base}/Recipient/v3`,
    soapEnvelope(
      `<rcp3:isReachable xmlns:rcp3="${NS.recipient3}"><rcp3:senderOrgNr>${SENDER_ID}</rcp3:senderOrgNr><rcp3:recipientId>${recipientId}</rcp3:recipientId></rcp3:isReachable>`,
    ),
  );
  const read = readIsReachableResponse(reply.body);
  const address = read.ok ? read.value[0]?.accountStatus.serviceSupplier?.serviceAdress : undefined;
  if (!address) throw new Error(`no ServiceAdress: ${reply.body}`);
  return new URL(address).pathname;
}

const delivery = (): DeliveryInput => {
  const input = exampleDelivery({ sender: { id: SENDER_ID, name: SENDER.organisationName } });
  return { ...input, messages: input.messages.map((m) => ({ ...m, id: randomUUID() })) };
};

const lastEvent = (): EmulatorEvent => {
  const event = recorder.events.at(-1);
  if (!event) throw new Error("no event recorded");
  return event;
};
const statusOf = (event: EmulatorEvent, id: CheckId) => event.checks.find((c) => c.id === id)?.status;

beforeAll(async () => {
  requireXmlsec1();
  ca = await createTestCa({ installationName: "signature test", ...TLS_KEYS });
  let server: PemCertificate;
  [server, client] = await Promise.all([issueServerCertificate(ca, TLS_KEYS), issueClientCertificate(ca, SENDER, TLS_KEYS)]);
  signer = {
    privateKey: createPrivateKey(client.privateKeyPem),
    certificatePem: client.certificatePem,
    certificate: new X509Certificate(client.certificatePem),
    subjectName: `CN=${SENDER.organisationName} + SERIALNUMBER=${SENDER_ID}, O=${SENDER.organisationName}, C=SE`,
  };
  const environment = testEnvironment({ orgnr: SENDER.organisationNumber, organisationName: SENDER.organisationName });
  base = environmentPath(environment.slug);
  emulator = await startEmulator({
    ca: ca.certificatePem,
    serverCert: server.certificatePem,
    serverKey: server.privateKeyPem,
    port: 0,
    operators: [{ id: "kivra", name: "Kivra" }],
    environments: memoryEnvironments([environment]),
    recorder,
  });
});

afterAll(async () => {
  await emulator?.close();
});

describe("deliveries signed by xmlsec1, over mutual TLS", () => {
  const recipient = scenarioById("reachable-kivra").recipientId;

  it("delivers a prefixed delivery with ds: signatures over exclusive c14n, with no fault", async () => {
    const path = await serviceAddressFor(recipient);
    const reply = await post(path, prefixedXmlsec1Request(delivery(), { sender: signer, intermediary: signer }));
    responses.push({ name: "prefixed xmlsec1 delivery", xml: reply.body });
    expect(reply.status).toBe(200);
    expect(readDeliverSecureResponse(reply.body)).toMatchObject({
      ok: true,
      value: { statuses: [{ recipientId: recipient, delivered: true }] },
    });
    const event = lastEvent();
    expect(event.outcome).toBe("delivered");
    expect(event.checks.filter((c) => c.status !== "pass")).toEqual([]);
    expect(event.checks.find((c) => c.id === "signature.intermediary")?.message).toContain("verifies as standard W3C XML-DSig");
  });

  it("delivers a delivery xmlsec1 signed the reference code's way", async () => {
    const path = await serviceAddressFor(recipient);
    const reply = await post(path, referenceWayXmlsec1Request(delivery(), { sender: signer, intermediary: signer }));
    responses.push({ name: "reference-way xmlsec1 delivery", xml: reply.body });
    expect(readDeliverSecureResponse(reply.body)).toMatchObject({ ok: true, value: { statuses: [{ delivered: true }] } });
    const event = lastEvent();
    expect([statusOf(event, "signature.sender"), statusOf(event, "signature.intermediary")]).toEqual(["pass", "pass"]);
    expect([statusOf(event, "signature.sender.strict"), statusOf(event, "signature.intermediary.strict")]).toEqual(["warn", "warn"]);
  });

  it("faults an xmlsec1-signed prefixed delivery changed after signing with 5001", async () => {
    const path = await serviceAddressFor(recipient);
    const changed = prefixedXmlsec1Request(delivery(), { sender: signer, intermediary: signer }).replace(
      "Beslut om bygglov",
      "Beslut om rivningslov",
    );
    const reply = await post(path, changed);
    responses.push({ name: "changed xmlsec1 delivery", xml: reply.body });
    expect(reply.status).toBe(500);
    expect(readDeliverSecureResponse(reply.body)).toMatchObject({ ok: false, fault: { detail: { fault: { errorCode: 5001 } } } });
    expect(statusOf(lastEvent(), "signature.sender")).toBe("fail");
  });

  it("answers only what the official XSDs accept", async () => {
    expect(responses).toHaveLength(3);
    const results = await validateAgainstContract([
      ...responses.map((r) => ({ name: r.name, xml: payloadOf(r.xml) })),
      ...responses.map((r) => ({ name: `${r.name} (whole envelope)`, xml: r.xml })),
    ]);
    expect(results.filter((r) => !r.valid)).toEqual([]);
  });
});
