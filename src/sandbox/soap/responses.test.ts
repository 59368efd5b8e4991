import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { reachabilityFor, SCENARIOS } from "../recipients/scenarios.ts";
import { payloadOf, validateAgainstContract, type XsdResult } from "../testing/xsd.ts";
import { NS } from "./namespaces.ts";
import { readDeliverSecureResponse, readGetSendersResponse, readIsReachableResponse, readIsRegisteredResponse } from "./read-responses.ts";
import {
  buildDeliverSecureResponse,
  buildGetSendersResponse,
  buildIsReachableResponse,
  buildIsRegisteredResponse,
  buildSoapFault,
} from "./responses.ts";
import type { DeliveryResult, ReachabilityStatus } from "./types.ts";

const serviceAdressFor = (o: { key: string }) => `https://sandbox.ansluta.test/operators/${o.key}/service/v3`;
const statuses: ReachabilityStatus[] = SCENARIOS.map((s) => reachabilityFor(s, { serviceAdressFor }));
const deliveryResult: DeliveryResult = {
  transId: "3832352f-fa74-4c17-ab6a-a6e3ab8324f3",
  statuses: [{ recipientId: "183701012399", delivered: true }],
};
const senders = [
  { id: "162120002411", name: "Sundsvalls kommun" },
  { id: "162321000206", name: "Region Västernorrland", attention: "Digital post <test> & co" },
];
const callId = "5f0c6a0e-2b8e-4a7c-9d1e-3f4a5b6c7d8e";

/** Everything the contract layer builds, one of each shape. */
const built = {
  isReachableResponse: buildIsReachableResponse(statuses),
  isReachableResponseEmpty: buildIsReachableResponse([]),
  isRegisteredResponse: buildIsRegisteredResponse(statuses.map((s) => s.accountStatus)),
  deliverSecureResponse: buildDeliverSecureResponse(deliveryResult),
  deliverSecureResponseNotDelivered: buildDeliverSecureResponse({
    ...deliveryResult,
    statuses: [{ recipientId: "162040200201", delivered: false }],
  }),
  getSendersResponse: buildGetSendersResponse(senders),
  getSendersResponseEmpty: buildGetSendersResponse([]),
  applicationFault: buildSoapFault({
    faultcode: "soap:Server",
    faultstring: "Recipient not reachable at this operator",
    detail: { element: "applicationFault", fault: { errorCode: 5003, description: "Mottagaren finns inte hos operatören", callId } },
  }),
  getSendersFault: buildSoapFault({
    faultcode: "soap:Client",
    faultstring: "Schema validation failed",
    detail: { element: "getSendersFault", fault: { errorCode: 5000, description: "Felaktig begäran", callId } },
  }),
};

/** The faults about the envelope and its header (SOAP 1.1 §4.4.1): nothing in detail, so they are validated whole only. */
const envelopeFaults = {
  versionMismatch: buildSoapFault({ faultcode: "soap:VersionMismatch", faultstring: "this is a SOAP 1.2 envelope" }),
  mustUnderstand: buildSoapFault({ faultcode: "soap:MustUnderstand", faultstring: "the header block {urn:x}Tx is not understood" }),
};

describe("responses the contract layer builds", () => {
  let results: XsdResult[];
  let wholeEnvelopes: XsdResult[];
  beforeAll(async () => {
    [results, wholeEnvelopes] = await Promise.all([
      validateAgainstContract(Object.entries(built).map(([name, xml]) => ({ name, xml: payloadOf(xml) }))),
      validateAgainstContract(Object.entries({ ...built, ...envelopeFaults }).map(([name, xml]) => ({ name, xml }))),
    ]);
  });

  it.each(Object.keys(built))("%s is valid against the official XSDs", (name) => {
    const result = results.find((r) => r.name === name);
    expect(result?.errors, name).toEqual([]);
    expect(result?.valid).toBe(true);
  });

  it.each(Object.keys({ ...built, ...envelopeFaults }))("%s is a valid SOAP 1.1 envelope whose content the XSDs accept", (name) => {
    const result = wholeEnvelopes.find((r) => r.name === name);
    expect(result?.errors, name).toEqual([]);
  });

  it("writes VersionMismatch and MustUnderstand in the SOAP 1.1 namespace, without detail, and reads them back", () => {
    expect(envelopeFaults.versionMismatch).toContain(`<soap:Envelope xmlns:soap="${NS.soap11}">`);
    expect(envelopeFaults.versionMismatch).toContain("<faultcode>soap:VersionMismatch</faultcode>");
    expect(envelopeFaults.mustUnderstand).not.toContain("<detail>");
    expect(readIsReachableResponse(envelopeFaults.mustUnderstand)).toEqual({
      ok: false,
      fault: { faultcode: "soap:MustUnderstand", faultstring: "the header block {urn:x}Tx is not understood" },
    });
    expect(readIsReachableResponse(envelopeFaults.versionMismatch)).toMatchObject({
      ok: false,
      fault: { faultcode: "soap:VersionMismatch" },
    });
  });

  it("fails a whole envelope whose fault or detail breaks a schema, so the validation above can fail", async () => {
    const [noFaultcode, badDetail] = await validateAgainstContract([
      { name: "no faultcode", xml: envelopeFaults.mustUnderstand.replace(/<faultcode>.*<\/faultcode>/, "") },
      { name: "ErrorCode 0 in detail", xml: built.applicationFault.replace("<cmn3:ErrorCode>5003<", "<cmn3:ErrorCode>0<") },
    ]);
    expect(noFaultcode?.valid).toBe(false);
    expect(badDetail?.errors.join(" ")).toContain("ErrorCode");
  });

  it("fails the XSDs when a rule is broken, so the validation above can fail", async () => {
    const [wrongNamespace, badId] = await validateAgainstContract([
      { name: "TransId in v3", xml: payloadOf(built.deliverSecureResponse.replaceAll("svc:TransId", "svc3:TransId")) },
      { name: "short id", xml: payloadOf(built.deliverSecureResponse.replace("183701012399", "1837")) },
    ]);
    expect(wrongNamespace?.valid).toBe(false);
    expect(badId?.errors.join(" ")).toContain("pattern");
  });

  it("reads back what it builds", () => {
    expect(readIsReachableResponse(built.isReachableResponse)).toEqual({ ok: true, value: statuses });
    expect(readIsRegisteredResponse(built.isRegisteredResponse)).toEqual({ ok: true, value: statuses.map((s) => s.accountStatus) });
    expect(readDeliverSecureResponse(built.deliverSecureResponse)).toEqual({ ok: true, value: deliveryResult });
    expect(readGetSendersResponse(built.getSendersResponse)).toEqual({ ok: true, value: senders });
    expect(readDeliverSecureResponse(built.applicationFault)).toEqual({
      ok: false,
      fault: {
        faultcode: "soap:Server",
        faultstring: "Recipient not reachable at this operator",
        detail: { element: "applicationFault", fault: { errorCode: 5003, description: "Mottagaren finns inte hos operatören", callId } },
      },
    });
    expect(readGetSendersResponse(built.getSendersFault)).toMatchObject({ ok: false, fault: { detail: { element: "getSendersFault" } } });
  });

  it("writes the misspelt contract names and each element in its own namespace", () => {
    expect(built.isReachableResponse).toContain(
      "<rcp:ServiceAdress>https://sandbox.ansluta.test/operators/kivra/service/v3</rcp:ServiceAdress>",
    );
    expect(built.isReachableResponse).toContain("<rcp:InternalServiceAdress></rcp:InternalServiceAdress>");
    expect(built.deliverSecureResponse).toMatch(/<svc3:return><svc:TransId>/);
    expect(built.getSendersResponse).toContain("<return><snd:Id>162120002411</snd:Id>");
    expect(built.getSendersResponse).toContain("Digital post &lt;test&gt; &amp; co");
  });

  it("refuses fault values outside the contract's ranges", () => {
    const fault = (errorCode: number, id = callId) =>
      buildSoapFault({
        faultcode: "soap:Server",
        faultstring: "x",
        detail: { element: "applicationFault", fault: { errorCode, description: "x", callId: id } },
      });
    expect(() => fault(0)).toThrow(/ErrorCode/);
    expect(() => fault(9999)).toThrow(/ErrorCode/);
    expect(() => fault(5000, "too-short")).toThrow(/CallId/);
    expect(() => buildIsRegisteredResponse([])).toThrow();
  });
});

describe("recorded real responses (contract examples)", () => {
  const dir = join(import.meta.dirname, "..", "contract", "examples");
  const example = (name: string) => readFileSync(join(dir, name), "utf8");

  it("has the examples this test expects", () => {
    expect(readdirSync(dir).sort()).toEqual([
      "deliverSecure-kivra.xml",
      "skatteverket-faulty-recipient.xml",
      "skatteverket-kivra-recipient.xml",
      "test1_sendDigitalMailToPrivatePerson-deliverSecure.xml",
      "test1_sendDigitalMailToPrivatePerson-recipient.xml",
      "test2_hasAvailableMailboxes-recipient.xml",
      "test3_sendDigitalMailToOrganization-recipient.xml",
    ]);
  });

  it("reads Kivra's deliverSecure responses", () => {
    for (const [file, recipientId] of [
      ["deliverSecure-kivra.xml", "192301010168"],
      ["test1_sendDigitalMailToPrivatePerson-deliverSecure.xml", "190101010159"],
    ] as const) {
      expect(readDeliverSecureResponse(example(file))).toEqual({
        ok: true,
        value: { transId: "3832352f-fa74-4c17-ab6a-a6e3ab8324f3", statuses: [{ recipientId, delivered: true }] },
      });
    }
  });

  it("reads isReachable answers: reachable, not accepting the sender, and no mailbox", () => {
    const read = readIsReachableResponse(example("test2_hasAvailableMailboxes-recipient.xml"));
    if (!read.ok) throw new Error(JSON.stringify(read));
    expect(read.value.map((s) => [s.accountStatus.recipientId, s.accountStatus.type, s.senderAccepted])).toEqual([
      ["200001102391", "Secure", true],
      ["201001212388", "Secure", false],
      ["201301172399", "Not", false],
    ]);
    expect(read.value[0]?.accountStatus.serviceSupplier).toEqual({
      id: "165568402266",
      name: "Kivra",
      serviceAdress: "https://mm.kivra.com/service/v3",
      uiAdress: "https://www.kivra.com",
      internalServiceAdress: "",
    });
    expect(read.value[2]?.accountStatus.serviceSupplier).toBeUndefined();
    for (const file of [
      "skatteverket-kivra-recipient.xml",
      "test1_sendDigitalMailToPrivatePerson-recipient.xml",
      "test3_sendDigitalMailToOrganization-recipient.xml",
    ]) {
      const one = readIsReachableResponse(example(file));
      expect(one.ok, file).toBe(true);
      if (one.ok) expect(one.value[0]?.accountStatus.serviceSupplier?.name).toBe("Kivra");
    }
  });

  it("reads an isRegistered answer", () => {
    const read = readIsRegisteredResponse(example("skatteverket-faulty-recipient.xml"));
    expect(read).toMatchObject({ ok: true, value: [{ recipientId: "192301010160", type: "Secure", pending: false }] });
  });

  it("keeps the examples' payloads valid against the XSDs too", async () => {
    const files = readdirSync(dir);
    const results = await validateAgainstContract(files.map((f) => ({ name: f, xml: payloadOf(example(f)) })));
    // The WireMock templates put "{{request.baseUrl}}" in ServiceAdress, which is still an anyURI lexically.
    expect(results.filter((r) => !r.valid)).toEqual([]);
  });

  it("refuses a response in the wrong namespace instead of guessing", () => {
    const wrong = example("deliverSecure-kivra.xml").replace(
      'xmlns:ns10="http://minameddelanden.gov.se/schema/Service"',
      'xmlns:ns10="urn:other"',
    );
    expect(readDeliverSecureResponse(wrong)).toMatchObject({ ok: false, error: expect.stringContaining("svc:TransId") });
  });
});
