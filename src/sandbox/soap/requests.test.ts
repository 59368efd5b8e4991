import { describe, expect, it } from "vitest";
import { exampleDelivery, sealedDelivery, soapEnvelope } from "../testing/reference-delivery.ts";
import { NS } from "./namespaces.ts";
import { parseSenderRequest } from "./requests.ts";

const isReachable = (inner: string) => soapEnvelope(`<rcp3:isReachable xmlns:rcp3="${NS.recipient3}">${inner}</rcp3:isReachable>`);

describe("parsing a sender's requests", () => {
  it("reads isReachable with its sender and recipients in order", () => {
    const xml = isReachable(
      "<rcp3:senderOrgNr>162120002411</rcp3:senderOrgNr><rcp3:recipientId>183701012399</rcp3:recipientId><rcp3:recipientId>164020020102</rcp3:recipientId>",
    );
    expect(parseSenderRequest(xml)).toMatchObject({
      kind: "ok",
      request: { operation: "isReachable", senderOrgNr: "162120002411", recipientIds: ["183701012399", "164020020102"] },
    });
  });

  it("refuses an isReachable the contract does not allow, saying why", () => {
    const missingSender = parseSenderRequest(isReachable("<rcp3:recipientId>183701012399</rcp3:recipientId>"));
    expect(missingSender).toMatchObject({ kind: "invalid", operation: "isReachable", issues: ["isReachable: missing rcp3:senderOrgNr"] });
    const tooMany = `<rcp3:senderOrgNr>162120002411</rcp3:senderOrgNr>${"<rcp3:recipientId>183701012399</rcp3:recipientId>".repeat(1001)}`;
    expect(parseSenderRequest(isReachable(tooMany))).toMatchObject({
      kind: "invalid",
      issues: [expect.stringContaining("at most 1000 times")],
    });
    const badIds = parseSenderRequest(
      isReachable("<rcp3:senderOrgNr>5566778899</rcp3:senderOrgNr><rcp3:recipientId>19810105</rcp3:recipientId>"),
    );
    expect(badIds).toMatchObject({
      kind: "invalid",
      issues: [expect.stringContaining("senderOrgNr"), expect.stringContaining("RecipientId pattern")],
    });
    const wrongNamespace = soapEnvelope(`<isReachable xmlns="${NS.recipient}"><senderOrgNr>162120002411</senderOrgNr></isReachable>`);
    expect(parseSenderRequest(wrongNamespace)).toMatchObject({
      kind: "invalid",
      operation: null,
      issues: ["unknown operation rcp:isReachable"],
    });
  });

  it("reads isRegistered and getSenders", () => {
    const registered = soapEnvelope(`<isRegistered xmlns="${NS.recipient3}"><recipientId>183701012399</recipientId></isRegistered>`);
    expect(parseSenderRequest(registered)).toMatchObject({
      kind: "ok",
      request: { operation: "isRegistered", recipientIds: ["183701012399"] },
    });
    expect(parseSenderRequest(soapEnvelope(`<isRegistered xmlns="${NS.recipient3}"/>`))).toMatchObject({
      kind: "invalid",
      operation: "isRegistered",
    });
    expect(parseSenderRequest(soapEnvelope(`<a:getSenders xmlns:a="${NS.authorityWsdl}"/>`))).toMatchObject({
      kind: "ok",
      request: { operation: "getSenders" },
    });
  });

  it("locates a deliverSecure's SealedDelivery, leaving its content to the checks", () => {
    const sealed = sealedDelivery(exampleDelivery(), { sender: null, intermediary: null });
    const inner = sealed
      .replace(/^<SealedDelivery xmlns="[^"]+">/, `<deliverSecure xmlns="${NS.service3}">`)
      .replace("<SignedDelivery>", `<SignedDelivery xmlns="${NS.message3}">`)
      .replace("<Seal>", `<Seal xmlns="${NS.message3}">`)
      .replace(/<\/SealedDelivery>$/, "</deliverSecure>");
    const wrapped = (namespace: string) => soapEnvelope(`<deliverSecure xmlns="${namespace}">${inner}</deliverSecure>`);
    expect(parseSenderRequest(wrapped(NS.service3))).toMatchObject({
      kind: "ok",
      request: { operation: "deliverSecure", delivery: { sender: { id: "162120002411" }, recipients: ["183701012399"] } },
    });
    expect(parseSenderRequest(wrapped(NS.message3))).toMatchObject({
      kind: "invalid",
      operation: "deliverSecure",
      issues: [expect.stringContaining("Service v3 requires")],
    });
  });

  it("refuses what is not SOAP 1.1, or not safe", () => {
    expect(parseSenderRequest("<isReachable/>")).toMatchObject({ kind: "invalid", issues: ["the request is not a SOAP 1.1 envelope"] });
    expect(parseSenderRequest('<!DOCTYPE x [<!ENTITY a "b">]><x/>')).toMatchObject({ kind: "refused", refusal: { code: "dtd" } });
  });

  it("takes an Envelope of another version as a VersionMismatch, still naming the operation it carried", () => {
    const soap12 = `<s:Envelope xmlns:s="${NS.soap12}"><s:Body><a:getSenders xmlns:a="${NS.authorityWsdl}"/></s:Body></s:Envelope>`;
    expect(parseSenderRequest(soap12)).toMatchObject({
      kind: "soap-fault",
      faultcode: "soap:VersionMismatch",
      operation: "getSenders",
      message: expect.stringContaining("SOAP 1.2"),
    });
    expect(parseSenderRequest('<Envelope xmlns="urn:not-soap"><Body/></Envelope>')).toMatchObject({
      kind: "soap-fault",
      faultcode: "soap:VersionMismatch",
      operation: null,
    });
  });

  it("takes a header block addressed to it with mustUnderstand as a MustUnderstand before reading the Body", () => {
    const withHeader = (attributes: string, body = "<broken/>") =>
      soapEnvelope(body).replace("<soap:Body>", `<soap:Header><w:To xmlns:w="urn:w" ${attributes}>x</w:To></soap:Header><soap:Body>`);
    expect(parseSenderRequest(withHeader('soap:mustUnderstand="1"'))).toMatchObject({
      kind: "soap-fault",
      faultcode: "soap:MustUnderstand",
      message: expect.stringContaining("{urn:w}To"),
    });
    expect(parseSenderRequest(withHeader('soap:mustUnderstand="true"'))).toMatchObject({ faultcode: "soap:MustUnderstand" });
    expect(parseSenderRequest(withHeader(`soap:mustUnderstand="1" soap:actor="http://schemas.xmlsoap.org/soap/actor/next"`))).toMatchObject(
      { faultcode: "soap:MustUnderstand" },
    );
    const getSenders = `<a:getSenders xmlns:a="${NS.authorityWsdl}"/>`;
    for (const notForUs of ['soap:mustUnderstand="0"', 'soap:mustUnderstand="1" soap:actor="urn:elsewhere"', 'mustUnderstand="1"']) {
      expect(parseSenderRequest(withHeader(notForUs, getSenders)), notForUs).toMatchObject({ kind: "ok" });
    }
  });
});
