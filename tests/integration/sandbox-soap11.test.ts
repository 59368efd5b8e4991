import { createPrivateKey, randomUUID, X509Certificate } from "node:crypto";
import { crc32 } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { readSandboxAuthority } from "../../src/domain/sandbox/sandbox-authority.ts";
import { SandboxCertificate } from "../../src/http/routes/sandbox/sandbox.schema.ts";
import { TestRunCallDetail, TestRunCalls } from "../../src/http/routes/sandbox/test-run.schema.ts";
import type { CheckId } from "../../src/sandbox/checks/check.ts";
import { type RunningSandbox, startSandbox } from "../../src/sandbox/emulator/start-sandbox.ts";
import { scenarioById } from "../../src/sandbox/recipients/scenarios.ts";
import { postSoap } from "../../src/sandbox/sender/transport.ts";
import { elementChildren } from "../../src/sandbox/soap/dom.ts";
import { NS } from "../../src/sandbox/soap/namespaces.ts";
import { readDeliverSecureResponse, readIsReachableResponse } from "../../src/sandbox/soap/read-responses.ts";
import { parseXmlSafely } from "../../src/sandbox/soap/safe-xml.ts";
import { insertTestEnvironment } from "../../src/sandbox/testing/database-environment.ts";
import {
  deliverSecureRequest,
  exampleDelivery,
  type MessageInput,
  soapEnvelope,
  tinyPdf,
} from "../../src/sandbox/testing/reference-delivery.ts";
import { testSigners } from "../../src/sandbox/testing/signers.ts";
import { validateAgainstContract } from "../../src/sandbox/testing/xsd.ts";
import { TEST_SECRETS } from "../support/test-secrets.ts";
import { type Api, getJson, parseBody, useTestWorld } from "../support/test-world.ts";

/**
 * SOAP 1.1 to the letter, over the real mutual-TLS listener with the database behind it, as a
 * sender's stack (WCF, CXF, Spring-WS, zeep) meets it: a UTF-8 byte-order mark before the envelope
 * is XML 1.0 and is accepted; a SOAP 1.2 envelope gets VersionMismatch; a header block addressed to
 * the emulator with mustUnderstand="1" gets MustUnderstand; every fault is HTTP 500; and a call
 * refused before it could be read still records which operation it named and which check failed.
 */

type Certificate = z.infer<typeof SandboxCertificate>;
type Reply = { status: number; contentType: string; body: string };
type CallDetail = z.infer<typeof TestRunCallDetail>;

const BOM = "\uFEFF";
const SOAP12 = "http://www.w3.org/2003/05/soap-envelope";

describe("the emulator and the validator as a SOAP 1.1 stack meets them", () => {
  const world = useTestWorld();
  let sandbox: RunningSandbox;
  let certificate: Certificate;
  let pl: Api;
  let initiativeId: string;
  let base: string;
  let senderId: string;
  /** Every SOAP answer the emulator gave, validated as whole envelopes at the end. */
  const answers: { name: string; xml: string }[] = [];

  async function post(
    path: string,
    body: string | Buffer,
    options: { certificate?: Certificate | null; contentType?: string; soapAction?: string } = {},
  ): Promise<Reply> {
    const reply = await postSoap(`${sandbox.url}${path}`, body, {
      ca: certificate.caCertificatePem,
      certificate: options.certificate === undefined ? certificate : options.certificate,
      ...(options.contentType ? { contentType: options.contentType } : {}),
      ...(options.soapAction ? { soapAction: options.soapAction } : {}),
    });
    if (reply.kind === "no-answer") throw new Error(`no answer from the emulator: ${reply.error}`);
    return reply;
  }

  const isReachableBody = (recipientId: string) =>
    `<rcp3:isReachable xmlns:rcp3="${NS.recipient3}"><rcp3:senderOrgNr>${senderId}</rcp3:senderOrgNr><rcp3:recipientId>${recipientId}</rcp3:recipientId></rcp3:isReachable>`;

  /** A signed delivery to the recipient, as the reference sender builds it, with a fresh message id (and `attachments`, if given). */
  function delivery(recipientId: string, attachments?: MessageInput["attachments"]) {
    const signer = {
      privateKey: createPrivateKey(certificate.privateKeyPem),
      certificatePem: certificate.certificatePem,
      certificate: new X509Certificate(certificate.certificatePem),
      subjectName: certificate.subject,
    };
    const input = exampleDelivery({ sender: { id: senderId, name: world.orgA.name }, recipients: [recipientId] });
    const messages = input.messages.map((m) => ({ ...m, id: randomUUID(), ...(attachments ? { attachments } : {}) }));
    return deliverSecureRequest({ ...input, messages }, { sender: signer, intermediary: signer });
  }

  /** Looks the recipient up and answers the path of the ServiceAdress it was given. */
  async function serviceAddressOf(scenario: "reachable-kivra" | "reachable-billo") {
    const recipientId = scenarioById(scenario).recipientId;
    const read = readIsReachableResponse((await post(`${base}/Recipient/v3`, soapEnvelope(isReachableBody(recipientId)))).body);
    if (!read.ok) throw new Error(`isReachable: ${JSON.stringify(read)}`);
    return { recipientId, path: new URL(read.value[0]?.accountStatus.serviceSupplier?.serviceAdress ?? "").pathname };
  }

  /**
   * What the test-run view recorded for the call answered by `send`. Calls are recorded after they
   * are answered, so an earlier lookup may land while this one is sent: with `operation`, the new
   * call of that operation is the one, not merely the newest.
   */
  async function recorded(send: () => Promise<Reply>, operation?: string): Promise<{ reply: Reply; call: CallDetail }> {
    const before = new Set((await getJson(pl, `/api/v1/initiatives/${initiativeId}/sandbox/calls`, TestRunCalls)).calls.map((c) => c.id));
    const reply = await send();
    let id = "";
    await expect
      .poll(async () => {
        const { calls } = await getJson(pl, `/api/v1/initiatives/${initiativeId}/sandbox/calls`, TestRunCalls);
        id = calls.find((c) => !before.has(c.id) && (operation === undefined || c.operation === operation))?.id ?? "";
        return id !== "";
      })
      .toBe(true);
    const { call } = await getJson(pl, `/api/v1/initiatives/${initiativeId}/sandbox/calls/${id}`, z.object({ call: TestRunCallDetail }));
    return { reply, call };
  }

  const statusOf = (call: CallDetail, id: CheckId) => call.checks.find((c) => c.id === id)?.status;

  /** The SOAP 1.1 fault in an answer: its faultcode resolved to a namespace and local name, and whether it has a detail. */
  function faultIn(xml: string) {
    const parsed = parseXmlSafely(xml);
    if (!parsed.ok) throw new Error(parsed.refusal.message);
    const envelope = parsed.document.documentElement;
    const body = envelope ? elementChildren(envelope).find((e) => e.localName === "Body") : undefined;
    const fault = body ? elementChildren(body)[0] : undefined;
    if (!envelope || envelope.namespaceURI !== NS.soap11 || !fault || fault.localName !== "Fault")
      throw new Error(`no SOAP 1.1 fault: ${xml}`);
    const code = elementChildren(fault).find((e) => e.localName === "faultcode");
    const [prefix, local] = (code?.textContent ?? "").trim().split(":");
    return {
      namespace: code?.lookupNamespaceURI(prefix ?? null) ?? null,
      code: local,
      faultstring: elementChildren(fault).find((e) => e.localName === "faultstring")?.textContent ?? "",
      hasDetail: elementChildren(fault).some((e) => e.localName === "detail"),
    };
  }

  beforeAll(async () => {
    pl = await world.loginAs("plA");
    senderId = `16${world.orgA.number}`;
    certificate = parseBody(await pl.post(`/api/v1/organisations/${world.orgA.id}/sandbox/certificate`), SandboxCertificate, 201);
    const environment = await insertTestEnvironment(world.db, { organisationId: world.orgA.id, slug: "soap11env1" });
    initiativeId = environment.initiativeId;
    base = `/e/${environment.slug}`;
    sandbox = await startSandbox({
      db: world.db,
      authority: await readSandboxAuthority(world.db, TEST_SECRETS),
      host: "127.0.0.1",
      port: 0,
    });
  });
  afterAll(async () => sandbox?.close());

  describe("a UTF-8 byte-order mark before the envelope (XML 1.0 §4.3.3)", () => {
    it("is accepted by the emulator's listener, for a lookup and for a signed delivery", async () => {
      const lookup = await recorded(() =>
        post(`${base}/Recipient/v3`, Buffer.from(BOM + soapEnvelope(isReachableBody(scenarioById("reachable-kivra").recipientId)))),
      );
      expect(lookup.reply.status, lookup.reply.body).toBe(200);
      expect(lookup.call).toMatchObject({ operation: "isReachable", outcome: "answered" });

      const { recipientId, path } = await serviceAddressOf("reachable-kivra");
      const delivered = await recorded(() => post(path, Buffer.from(BOM + delivery(recipientId))), "deliverSecure");
      expect(readDeliverSecureResponse(delivered.reply.body)).toMatchObject({ ok: true, value: { statuses: [{ delivered: true }] } });
      expect(delivered.call.outcome).toBe("delivered");
      expect(delivered.call.checks.filter((c) => c.status === "fail")).toEqual([]);
    });

    it("is accepted by the validator's API and page", async () => {
      const signed = BOM + deliverSecureRequest(exampleDelivery(), testSigners());
      const reader = await world.loginAs("readerA");
      const res = await world.app.inject({
        method: "POST",
        url: "/api/v1/sandbox/validate",
        headers: { "content-type": "text/xml; charset=utf-8", authorization: `Bearer ${reader.token}` },
        payload: Buffer.from(signed),
      });
      expect(res.statusCode).toBe(200);
      const failing = (res.json() as { checks: { id: string; status: string }[] }).checks.filter((c) => c.status === "fail");
      expect(failing).toEqual([]);

      const page = await (await world.browserAs("readerA")).post("/sandbox/validate", { xml: signed });
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain('data-status="pass"');
      expect(page.body).not.toContain('data-status="fail"');
    });
  });

  describe("SOAP 1.1 faults as the note defines them (§4.4)", () => {
    it("answers a SOAP 1.2 envelope with a VersionMismatch fault, in SOAP 1.1, without detail", async () => {
      const soap12 = `<?xml version="1.0" encoding="UTF-8"?><env:Envelope xmlns:env="${SOAP12}"><env:Body>${isReachableBody(
        scenarioById("reachable-kivra").recipientId,
      )}</env:Body></env:Envelope>`;
      const { reply, call } = await recorded(() =>
        post(`${base}/Recipient/v3`, soap12, { contentType: "application/soap+xml; charset=utf-8" }),
      );
      answers.push({ name: "VersionMismatch", xml: reply.body });
      expect(reply.status).toBe(500);
      expect(reply.contentType).toMatch(/^text\/xml/);
      expect(faultIn(reply.body)).toMatchObject({ namespace: NS.soap11, code: "VersionMismatch", hasDetail: false });
      expect(faultIn(reply.body).faultstring).toMatch(/SOAP 1\.2/);
      expect(readIsReachableResponse(reply.body)).toMatchObject({ ok: false, fault: { faultcode: "soap:VersionMismatch" } });
      expect(call).toMatchObject({ operation: "isReachable", outcome: "fault", httpStatus: 500 });
      expect(statusOf(call, "envelope.soap11")).toBe("fail");
    });

    it('answers a header block addressed to it with mustUnderstand="1" with a MustUnderstand fault, and does not deliver', async () => {
      const { recipientId, path } = await serviceAddressOf("reachable-billo");
      const header = `<soap:Header><tx:Transaction xmlns:tx="urn:example:transactions" soap:mustUnderstand="1">5</tx:Transaction></soap:Header>`;
      const withHeader = delivery(recipientId).replace("<soap:Body>", `${header}<soap:Body>`);
      const { reply, call } = await recorded(() => post(path, withHeader), "deliverSecure");
      answers.push({ name: "MustUnderstand", xml: reply.body });
      expect(reply.status).toBe(500);
      expect(faultIn(reply.body)).toMatchObject({ namespace: NS.soap11, code: "MustUnderstand", hasDetail: false });
      expect(faultIn(reply.body).faultstring).toContain("{urn:example:transactions}Transaction");
      expect(call).toMatchObject({ operation: "deliverSecure", outcome: "fault", transId: null });
      expect(statusOf(call, "envelope.must-understand")).toBe("fail");

      // The same block for another actor, or without mustUnderstand, is not the emulator's to understand.
      for (const attributes of [
        'soap:mustUnderstand="0"',
        'soap:mustUnderstand="1" soap:actor="urn:example:some-intermediary"',
        'mustUnderstand="1"',
      ]) {
        const harmless = delivery(recipientId).replace(
          "<soap:Body>",
          `<soap:Header><tx:Transaction xmlns:tx="urn:example:transactions" ${attributes}>5</tx:Transaction></soap:Header><soap:Body>`,
        );
        const answered = await recorded(() => post(path, harmless), "deliverSecure");
        expect(answered.call.outcome, attributes).toBe("delivered");
        expect(statusOf(answered.call, "envelope.must-understand"), attributes).toBe("pass");
      }
      const next = delivery(recipientId).replace(
        "<soap:Body>",
        `<soap:Header><tx:Transaction xmlns:tx="urn:example:transactions" soap:actor="http://schemas.xmlsoap.org/soap/actor/next" soap:mustUnderstand="1">5</tx:Transaction></soap:Header><soap:Body>`,
      );
      expect(faultIn((await post(path, next)).body).code).toBe("MustUnderstand");
    });

    it("answers an oversized body with HTTP 500 and its fault, recording the operation and the failed check", async () => {
      const { recipientId, path } = await serviceAddressOf("reachable-kivra");
      const signed = delivery(recipientId);
      const padding = `<!--${"x".repeat(5 * 1024 * 1024)}-->`;
      const { reply, call } = await recorded(
        () => post(path, signed.replace("</soap:Envelope>", `</soap:Envelope>${padding}`)),
        "deliverSecure",
      );
      answers.push({ name: "too large", xml: reply.body });
      expect(reply.status).toBe(500);
      expect(readDeliverSecureResponse(reply.body)).toMatchObject({
        ok: false,
        fault: { faultcode: "soap:Client", detail: { fault: { errorCode: 5004 } } },
      });
      expect(call).toMatchObject({ operation: "deliverSecure", outcome: "refused", httpStatus: 500, faultCode: 5004 });
      expect(statusOf(call, "xml.size-limit")).toBe("fail");
    });

    it("records a SOAP 1.1 body sent as application/soap+xml with a warning, and answers it", async () => {
      const body = soapEnvelope(isReachableBody(scenarioById("reachable-kivra").recipientId));
      const { reply, call } = await recorded(() =>
        post(`${base}/Recipient/v3`, body, { contentType: "application/soap+xml; charset=utf-8" }),
      );
      expect(reply.status).toBe(200);
      expect(call.outcome).toBe("answered");
      expect(call.checks.find((c) => c.id === "envelope.content-type")).toMatchObject({
        status: "warn",
        message: expect.stringContaining("text/xml"),
      });
      const plain = await recorded(() => post(`${base}/Recipient/v3`, body));
      expect(statusOf(plain.call, "envelope.content-type")).toBe("pass");
    });
  });

  describe("refused calls keep their diagnosis", () => {
    it("records the failed check and the operation of a lookup with a DTD", async () => {
      const withDtd = soapEnvelope(isReachableBody(scenarioById("reachable-kivra").recipientId)).replace(
        "<soap:Envelope",
        '<!DOCTYPE x [<!ENTITY a "aaaa">]><soap:Envelope',
      );
      const { reply, call } = await recorded(() => post(`${base}/Recipient/v3`, withDtd));
      answers.push({ name: "DTD", xml: reply.body });
      expect(reply.status).toBe(500);
      expect(call).toMatchObject({ operation: "isReachable", outcome: "refused", faultCode: 5000 });
      expect(statusOf(call, "xml.no-dtd")).toBe("fail");
    });

    it("records the operation of a call without a client certificate, by its body or else its SOAPAction", async () => {
      const { recipientId, path } = await serviceAddressOf("reachable-kivra");
      const { reply, call } = await recorded(() => post(path, delivery(recipientId), { certificate: null }), "deliverSecure");
      answers.push({ name: "no certificate", xml: reply.body });
      expect(reply.status).toBe(500);
      expect(call).toMatchObject({ operation: "deliverSecure", outcome: "refused", clientOrgNr: null, faultCode: 5002 });
      expect(statusOf(call, "sender.client-certificate")).toBe("fail");

      const oversized = await recorded(() =>
        post(path, Buffer.alloc(5 * 1024 * 1024 + 1, 0x20), {
          certificate: null,
          soapAction: '"http://minameddelanden.gov.se/Service/v3/deliverSecure"',
        }),
      );
      expect(oversized.reply.status).toBe(500);
      expect(oversized.call).toMatchObject({ operation: "deliverSecure", outcome: "refused" });
      expect(statusOf(oversized.call, "sender.client-certificate")).toBe("fail");
    });

    it("shows the operation in the test-run view instead of 'okänd operation'", async () => {
      const b = await world.browserAs("plA");
      const page = await b.get(`/initiatives/${initiativeId}/sandbox/calls`);
      expect(page.statusCode).toBe(200);
      expect(page.body).not.toContain("okänd operation");
    });
  });

  describe("content encoded twice, as an independent .NET client sent it (issue 10 §6)", () => {
    it("records a PDF sent as base64 of base64 as a failure with the hint, and names CRC-32 over the content decoded twice", async () => {
      const pdf = tinyPdf();
      const { recipientId, path } = await serviceAddressOf("reachable-kivra");
      const { reply, call } = await recorded(
        () =>
          post(
            path,
            delivery(recipientId, [
              {
                contentType: "application/pdf",
                content: Buffer.from(pdf.toString("base64")),
                filename: "beslut.pdf",
                checksum: String(crc32(pdf)),
              },
            ]),
          ),
        "deliverSecure",
      );
      // Content is the recipient's problem, not the operator's: delivered, with the diagnosis recorded.
      expect(readDeliverSecureResponse(reply.body)).toMatchObject({ ok: true });
      const check = (id: CheckId) => call.checks.find((c) => c.id === id);
      expect(check("delivery.attachment.base64")).toMatchObject({
        status: "fail",
        message: expect.stringContaining("base64-encoded twice"),
      });
      expect(check("delivery.attachment.pdf-magic")).toMatchObject({
        status: "fail",
        message: expect.stringContaining("base64 text of a PDF: it looks base64-encoded twice"),
      });
      expect(check("delivery.attachment.checksum")).toMatchObject({
        status: "warn",
        message: expect.stringContaining("Checksum is the CRC-32 of the content decoded twice"),
      });
    });
  });

  it("sends only faults that the SOAP 1.1 envelope schema and the contract's XSDs accept, as whole envelopes", async () => {
    expect(answers.map((a) => a.name)).toEqual(["VersionMismatch", "MustUnderstand", "too large", "DTD", "no certificate"]);
    const results = await validateAgainstContract(answers);
    expect(results.filter((r) => !r.valid)).toEqual([]);
  });
});
