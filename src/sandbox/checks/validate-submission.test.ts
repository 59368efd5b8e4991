import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { scenarioById } from "../recipients/scenarios.ts";
import { NS } from "../soap/namespaces.ts";
import {
  type DeliveryInput,
  deliverSecureRequest,
  exampleDelivery,
  type MessageInput,
  md5Hex,
  type SealOptions,
  sealedDelivery,
  soapEnvelope,
  tinyPdf,
  withPrefixes,
} from "../testing/reference-delivery.ts";
import { TEST_KEY_BITS, testSigners } from "../testing/signers.ts";
import { makeTestCertificate } from "../testing/test-certificate.ts";
import { CHECK_IDS, type Check, type CheckId } from "./check.ts";
import { validateSubmission } from "./validate-submission.ts";

const { sender, intermediary } = testSigners();
const signed: SealOptions = { sender, intermediary };

const base = exampleDelivery();
const firstMessage = base.messages[0] as MessageInput;
/** The example delivery with its one message changed. */
const withMessage = (change: Partial<MessageInput>): DeliveryInput => ({ ...base, messages: [{ ...firstMessage, ...change }] });
const withAttachment = (change: Partial<NonNullable<MessageInput["attachments"]>[number]>) =>
  withMessage({ attachments: [{ contentType: "application/pdf", content: tinyPdf(), filename: "beslut.pdf", ...change }] });
const html = (body: string) => withMessage({ body: { contentType: "text/html", content: `<html><body>${body}</body></html>` } });

/** Unsigned unless a case is about signatures: each case asserts only its own check, and signing is the slow part. */
const unsigned: SealOptions = { sender: null, intermediary: null };
const request = (input: DeliveryInput = base, options: SealOptions = unsigned) => deliverSecureRequest(input, options);
const validRequest = request(base, signed);
const unsignedRequest = request();

function result(checks: Check[], id: CheckId): Check {
  const found = checks.find((c) => c.id === id);
  if (!found) throw new Error(`no ${id} in ${checks.map((c) => c.id).join(", ")}`);
  return found;
}
const statusOf = (xml: string, id: CheckId) => result(validateSubmission(xml), id).status;

describe("validateSubmission on a conformant delivery", () => {
  it("passes every check of a reference-built SOAP request; only strict XML-DSig is information", () => {
    const checks = validateSubmission(validRequest);
    const notPass = checks.filter((c) => c.status !== "pass").map((c) => [c.id, c.status]);
    expect(notPass).toEqual([
      ["signature.sender.strict", "warn"],
      ["signature.intermediary.strict", "warn"],
    ]);
    expect(checks.every((c) => CHECK_IDS.includes(c.id) && c.message.length > 0)).toBe(true);
    expect(new Set(checks.map((c) => c.id)).size).toBe(checks.length);
  });

  it("passes a bare SealedDelivery, strict mode included", () => {
    const checks = validateSubmission(sealedDelivery(base, signed));
    expect(checks.filter((c) => c.status !== "pass")).toEqual([]);
    expect(result(checks, "envelope.operation").message).toContain("msg3:SealedDelivery");
  });

  it("passes the same request with namespace prefixes", () => {
    expect(validateSubmission(withPrefixes(validRequest)).filter((c) => c.status === "fail")).toEqual([]);
  });

  it("runs in well under a tenth of a second", () => {
    const started = performance.now();
    validateSubmission(validRequest);
    expect(performance.now() - started).toBeLessThan(250);
  });
});

describe("validateSubmission refuses unsafe or malformed documents with one failing check", () => {
  it.each([
    ["xml.size-limit", `<a>${"x".repeat(5 * 1024 * 1024)}</a>`],
    ["xml.no-dtd", '<!DOCTYPE a [<!ENTITY b "c">]><a>&b;</a>'],
    ["xml.depth-limit", `${"<a>".repeat(10_000)}${"</a>".repeat(10_000)}`],
    ["xml.element-limit", `<r>${"<e/>".repeat(1_200_000)}</r>`],
    ["xml.well-formed", "<soap:Envelope>"],
  ] as const)("%s", (id, xml) => {
    const checks = validateSubmission(xml);
    expect(checks.at(-1)).toMatchObject({ id, status: "fail" });
    expect(checks.filter((c) => c.status === "fail")).toHaveLength(1);
  });
});

describe("each check fails (or warns) when its rule is broken", () => {
  const soap12 = unsignedRequest.replace(`xmlns:soap="${NS.soap11}"`, `xmlns:soap="${NS.soap12}"`);
  const swapped = (from: string, to: string, xml = unsignedRequest) => {
    if (!xml.includes(from)) throw new Error(`test setup: ${from} not in the request`);
    return xml.replace(from, to);
  };
  const swappedLast = (from: string, to: string) => {
    const at = validRequest.lastIndexOf(from);
    if (at < 0) throw new Error(`test setup: ${from} not in the request`);
    return validRequest.slice(0, at) + to + validRequest.slice(at + from.length);
  };
  const tamperedAfterSigning = swapped("Beslut om bygglov", "Beslut om rivningslov", validRequest);
  const expired = makeTestCertificate(
    { organisationName: "Sundsvalls kommun", organisationNumber: "2120002411" },
    { validity: { from: new Date("2019-01-01"), to: new Date("2021-01-01") }, modulusLength: TEST_KEY_BITS },
  );
  const doubleEncoded = withMessage({
    body: { contentType: "text/plain", content: Buffer.from("Hej! Det här är ditt beslut.").toString("base64") },
  });

  const cases: [CheckId, "fail" | "warn", string][] = [
    ["envelope.soap11", "fail", soap12],
    ["envelope.soap11", "fail", swapped("<soap:Body>", "<soap:Body><extra/>")],
    [
      "envelope.must-understand",
      "fail",
      swapped("<soap:Body>", `<soap:Header><t:Trace xmlns:t="urn:trace" soap:mustUnderstand="1"/></soap:Header><soap:Body>`),
    ],
    [
      "envelope.operation",
      "fail",
      swapped(`<deliverSecure xmlns="${NS.service3}"><deliverSecure`, `<deliverSecure xmlns="${NS.message3}"><deliverSecure`),
    ],
    ["envelope.operation", "fail", soapEnvelope(`<isReachable xmlns="${NS.recipient3}"/>`)],
    ["delivery.schema", "fail", swapped(`<Sender xmlns="${NS.message2}">`, `<Sender xmlns="${NS.message3}">`)],
    ["delivery.schema", "fail", swapped("<Language>svSE</Language>", "")],
    [
      "delivery.single-recipient",
      "fail",
      request({ ...base, recipients: [scenarioById("reachable-kivra").recipientId, scenarioById("reachable-billo").recipientId] }),
    ],
    ["delivery.sender.id", "fail", request({ ...base, sender: { id: "198112189876", name: "En person" } })],
    ["delivery.sender.id", "fail", request({ ...base, sender: { id: "162120002412", name: "Fel kontrollsiffra" } })],
    ["delivery.sender.name", "fail", request({ ...base, sender: { id: "162120002411", name: "S" } })],
    ["delivery.recipient.id", "fail", request({ ...base, recipients: ["183701012390"] })],
    ["delivery.recipient.id", "warn", request({ ...base, recipients: ["198112189876"] })],
    ["delivery.message.id", "warn", request(withMessage({ id: "" }))],
    ["delivery.message.subject", "fail", request(withMessage({ subject: "x".repeat(256) }))],
    ["delivery.message.subject", "warn", request(withMessage({ subject: " " }))],
    ["delivery.message.supportinfo", "fail", request(withMessage({ supportInfo: { text: "Hjälp", emailAdress: "nope" } }))],
    ["delivery.message.supportinfo", "fail", request(withMessage({ supportInfo: { text: "x".repeat(1025) } }))],
    ["delivery.message.supportinfo", "warn", request(withMessage({ supportInfo: { text: "Hjälp", url: "kontakt" } }))],
    ["delivery.message.language", "warn", request(withMessage({ language: "sv-SE" }))],
    ["delivery.message.language", "fail", request(withMessage({ language: "sv_SE" }))],
    ["delivery.message.options", "fail", swapped("<Language>svSE</Language>", "<Language>svSE</Language><Reply>MAYBE</Reply>")],
    [
      "delivery.message.official-matter",
      "fail",
      swapped(
        "<Language>",
        `<OfficialMatter><OfficialMatterExtension><Timestamp xmlns="${NS.officialMatter3}">igår</Timestamp></OfficialMatterExtension></OfficialMatter><Language>`,
      ),
    ],
    ["delivery.body.content-type", "fail", request(withMessage({ body: { contentType: "application/pdf", content: tinyPdf() } }))],
    ["delivery.body.content-type", "warn", request(withMessage({ body: { contentType: "text/plain; charset=UTF-8", content: "Hej" } }))],
    ["delivery.body.base64", "fail", request(withMessage({ body: { contentType: "text/plain", content: "" } }))],
    ["delivery.body.base64", "fail", request(doubleEncoded)],
    ["delivery.body.html.well-formed", "fail", request(html("<p>Stycket stängs aldrig"))],
    ["delivery.body.html.no-external-resources", "fail", request(html('<p><img src="https://tracker.example/pixel.png" alt=""></p>'))],
    ["delivery.body.html.no-scripts", "fail", request(html("<script>alert(1)</script>"))],
    ["delivery.body.html.no-scripts", "fail", request(html('<p onclick="steal()">Klicka</p>'))],
    ["delivery.attachment.filename", "fail", request(withAttachment({ filename: "" }))],
    [
      "delivery.attachment.content-type",
      "warn",
      request(withAttachment({ contentType: "image/png", content: Buffer.from("\x89PNG\r\n") })),
    ],
    [
      "delivery.attachment.base64",
      "fail",
      swapped(`<Body xmlns="${NS.message}">${tinyPdf().toString("base64")}`, `<Body xmlns="${NS.message}">!!!`),
    ],
    ["delivery.attachment.pdf-magic", "fail", request(withAttachment({ content: Buffer.from("Det här är ingen PDF") }))],
    ["delivery.attachment.checksum", "fail", request(withAttachment({ checksum: "0123456789ABCDEF" }))],
    ["delivery.attachment.checksum", "warn", request(withAttachment({ checksum: createHash("sha256").update(tinyPdf()).digest("hex") }))],
    ["delivery.size.max-2mb", "fail", request(withAttachment({ content: Buffer.concat([tinyPdf(), Buffer.alloc(1_600_000, 7)]) }))],
    ["signature.sender", "fail", tamperedAfterSigning],
    ["signature.sender", "fail", request(base, { sender: null, intermediary })],
    // The first signature in document order is the sender's, the last the förmedlare's.
    [
      "signature.sender.algorithms",
      "warn",
      swapped("http://www.w3.org/2001/04/xmldsig-more#rsa-sha256", "http://www.w3.org/2000/09/xmldsig#rsa-sha1", validRequest),
    ],
    ["signature.sender.certificate", "fail", request(base, { sender: expired, intermediary })],
    ["signature.sender.certificate", "warn", request(base, { sender: intermediary, intermediary })],
    ["signature.sender.strict", "warn", validRequest],
    ["signature.intermediary", "fail", tamperedAfterSigning],
    ["signature.intermediary", "fail", request(base, { sender, intermediary: null })],
    [
      "signature.intermediary.algorithms",
      "fail",
      swappedLast("http://www.w3.org/2001/04/xmlenc#sha256", "http://www.w3.org/2001/04/xmldsig-more#sha384"),
    ],
    ["signature.intermediary.certificate", "fail", request(base, { sender, intermediary: expired })],
    ["signature.intermediary.strict", "warn", validRequest],
    ["seal.present", "fail", unsignedRequest.replace(/<Seal[ >].*?<\/Seal>/, "")],
    ["seal.signatures-ok", "fail", request(base, { ...unsigned, signaturesOk: "false" })],
    ["seal.received-time", "warn", request(base, { ...unsigned, receivedTime: "2020-05-28" })],
    ["seal.received-time", "fail", request(base, { ...unsigned, receivedTime: "2020-13-01" })],
  ];

  it("has a failing example for every check validateSubmission runs", () => {
    const emulatorOnly: CheckId[] = [
      "delivery.reachable-checked",
      "delivery.service-address",
      "sender.registered",
      "sender.client-certificate",
      "signature.intermediary.client-certificate",
      "delivery.message.id-unique",
      "envelope.content-type",
      "xml.size-limit",
      "xml.no-dtd",
      "xml.depth-limit",
      "xml.element-limit",
      "xml.well-formed",
    ];
    const covered = new Set(cases.map(([id]) => id));
    expect(CHECK_IDS.filter((id) => !covered.has(id) && !emulatorOnly.includes(id))).toEqual([]);
  });

  it.each(cases.map(([id, status, xml], i) => [`${i + 1}. ${id} → ${status}`, id, status, xml] as const))(
    "%s",
    (_name, id, status, xml) => {
      const check = result(validateSubmission(xml), id);
      expect(check.status, check.message).toBe(status);
    },
  );

  it("names the namespace it expected when an element is in the wrong one", () => {
    const check = result(
      validateSubmission(swapped(`<Sender xmlns="${NS.message2}">`, `<Sender xmlns="${NS.message3}">`)),
      "delivery.schema",
    );
    expect(check.message).toContain(`Sender is in namespace ${NS.message3}; the contract puts it in ${NS.message2} (msg2:Sender)`);
  });

  it("accepts a well-formed OfficialMatterExtension (kundärende)", () => {
    const xml = swapped(
      "<Language>",
      `<OfficialMatter><OfficialMatterExtension><Timestamp xmlns="${NS.officialMatter3}">2027-03-01</Timestamp><MatterStatus xmlns="${NS.officialMatter3}">closed</MatterStatus></OfficialMatterExtension></OfficialMatter><Language>`,
      validRequest,
    );
    expect(statusOf(xml, "delivery.message.official-matter")).toBe("pass");
    expect(statusOf(xml, "delivery.schema")).toBe("pass");
  });

  it("accepts other checksum algorithms with a warning and MD5 silently", () => {
    expect(
      result(validateSubmission(request(withAttachment({ checksum: md5Hex(tinyPdf()).toLowerCase() }))), "delivery.attachment.checksum")
        .status,
    ).toBe("pass");
  });
});
