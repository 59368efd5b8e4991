import type { Element } from "@xmldom/xmldom";
import { describe, expect, it } from "vitest";
import { deliverSecureRequest, exampleDelivery, sealedDelivery, withPrefixes } from "../testing/reference-delivery.ts";
import { testSigners } from "../testing/signers.ts";
import { locateSealedDelivery, readDelivery } from "./delivery.ts";
import { openEnvelope } from "./envelope.ts";
import { parseXmlSafely } from "./safe-xml.ts";
import { inspectSignature, readCertificate, verifyEnvelopedSignature } from "./signature.ts";

function delivery(xml: string) {
  const parsed = parseXmlSafely(xml);
  if (!parsed.ok) throw new Error(parsed.refusal.message);
  const located = locateSealedDelivery(openEnvelope(parsed.document));
  if (!located.ok) throw new Error(located.problems.join());
  return readDelivery(located.sealedDelivery);
}

const both = (signed: Element | null) => {
  if (!signed) throw new Error("nothing signed");
  return { reference: verifyEnvelopedSignature(signed, "reference").valid, strict: verifyEnvelopedSignature(signed, "strict").valid };
};

describe("verifying the two signatures", () => {
  const { sender, intermediary } = testSigners();
  const soap = deliverSecureRequest(exampleDelivery(), { sender, intermediary });

  it("accepts a reference-built delivery in reference mode; strict W3C fails where the reference code differs from the standard", () => {
    const d = delivery(soap);
    // Transforms=[enveloped] means inclusive c14n, which takes in the envelope's xmlns:soap.
    expect(both(d.signedDelivery)).toEqual({ reference: true, strict: false });
    // The seal was made over a SealedDelivery root, then renamed to svc3:deliverSecure.
    expect(both(d.sealedDelivery)).toEqual({ reference: true, strict: false });
  });

  it("accepts a bare SealedDelivery in both modes: there is nothing to undo", () => {
    const d = delivery(sealedDelivery(exampleDelivery(), { sender, intermediary }));
    expect(both(d.signedDelivery)).toEqual({ reference: true, strict: true });
    expect(both(d.sealedDelivery)).toEqual({ reference: true, strict: true });
  });

  it("still accepts the same delivery re-sent with namespace prefixes, in reference mode only", () => {
    const d = delivery(withPrefixes(soap));
    expect(d.sealedDelivery.prefix).toBe("svc3");
    expect(both(d.signedDelivery)).toEqual({ reference: true, strict: false });
    expect(both(d.sealedDelivery)).toEqual({ reference: true, strict: false });
  });

  it("refuses a delivery changed after signing, in both modes", () => {
    const d = delivery(soap.replace("Beslut om bygglov", "Beslut om rivningslov"));
    expect(both(d.signedDelivery)).toEqual({ reference: false, strict: false });
    // The seal covers the SignedDelivery too.
    expect(both(d.sealedDelivery)).toEqual({ reference: false, strict: false });
    expect(verifyEnvelopedSignature(d.signedDelivery as Element, "reference")).toMatchObject({ reason: expect.stringContaining("digest") });
  });

  it("refuses a signature made with another key than the certificate's", () => {
    const other = deliverSecureRequest(exampleDelivery(), { sender: intermediary, intermediary });
    const senderCertificate = inspectSignature(delivery(soap).senderSignature as Element).certificateBase64 ?? "";
    const forged = other.replace(inspectSignature(delivery(other).senderSignature as Element).certificateBase64 ?? "", senderCertificate);
    const result = verifyEnvelopedSignature(delivery(forged).signedDelivery as Element, "reference");
    expect(result).toEqual({ valid: false, reason: "the SignatureValue does not verify with the certificate's key" });
  });

  it("refuses a Reference that points somewhere else than the signed element", () => {
    const moved = soap.replace('<Reference URI="">', '<Reference URI="#elsewhere">');
    expect(verifyEnvelopedSignature(delivery(moved).signedDelivery as Element, "reference")).toMatchObject({
      valid: false,
      reason: expect.stringContaining("does not point at the signed element"),
    });
  });

  it("reads the signer's certificate: serialNumber is 16 + orgnr", () => {
    const base64 = inspectSignature(delivery(soap).senderSignature as Element).certificateBase64 ?? "";
    const read = readCertificate(base64);
    expect(read).toMatchObject({ ok: true, info: { serialNumber: "162120002411" } });
    expect(readCertificate("bm90IGEgY2VydA==")).toMatchObject({ ok: false });
  });

  it("describes the algorithms as the reference code writes them", () => {
    expect(inspectSignature(delivery(soap).sealSignature as Element)).toMatchObject({
      canonicalization: "http://www.w3.org/2001/10/xml-exc-c14n#",
      signatureMethod: "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256",
      references: [
        {
          uri: "",
          transforms: ["http://www.w3.org/2000/09/xmldsig#enveloped-signature"],
          digestMethod: "http://www.w3.org/2001/04/xmlenc#sha256",
        },
      ],
      subjectName: "CN=Förmedlare Test AB + SERIALNUMBER=164020000305, O=Förmedlare Test AB, C=SE",
    });
  });
});
