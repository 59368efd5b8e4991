import type { Element } from "@xmldom/xmldom";
import { beforeAll, describe, expect, it } from "vitest";
import {
  deliverSecureRequest,
  exampleDelivery,
  sealedDelivery,
  soapEnvelope,
  unsignedSignedDelivery,
  withPrefixes,
} from "../testing/reference-delivery.ts";
import { testSigners } from "../testing/signers.ts";
import { prefixedXmlsec1Request, referenceWayXmlsec1Request, requireXmlsec1, signWithXmlsec1 } from "../testing/xmlsec1.ts";
import { locateSealedDelivery, readDelivery } from "./delivery.ts";
import { openEnvelope } from "./envelope.ts";
import { NS } from "./namespaces.ts";
import { parseXmlSafely } from "./safe-xml.ts";
import { ALGORITHMS, inspectSignature, readCertificate, verifyEnvelopedSignature } from "./signature.ts";

function delivery(xml: string) {
  const parsed = parseXmlSafely(xml);
  if (!parsed.ok) throw new Error(parsed.refusal.message);
  const located = locateSealedDelivery(openEnvelope(parsed.document));
  if (!located.ok) throw new Error(located.problems.join());
  return readDelivery(located.sealedDelivery);
}

const both = (signed: Element | null) => {
  if (!signed) throw new Error("nothing signed");
  const { reference, standard } = verifyEnvelopedSignature(signed);
  return { reference: reference.valid, strict: standard.valid };
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
    expect(verifyEnvelopedSignature(d.signedDelivery as Element).reference).toMatchObject({ reason: expect.stringContaining("digest") });
  });

  it("refuses a signature made with another key than the certificate's", () => {
    const other = deliverSecureRequest(exampleDelivery(), { sender: intermediary, intermediary });
    const senderCertificate = inspectSignature(delivery(soap).senderSignature as Element).certificateBase64 ?? "";
    const forged = other.replace(inspectSignature(delivery(other).senderSignature as Element).certificateBase64 ?? "", senderCertificate);
    const result = verifyEnvelopedSignature(delivery(forged).signedDelivery as Element).reference;
    expect(result).toEqual({ valid: false, reason: "the SignatureValue does not verify with the certificate's key" });
  });

  it("refuses a Reference that points somewhere else than the signed element", () => {
    const moved = soap.replace('<Reference URI="">', '<Reference URI="#elsewhere">');
    expect(verifyEnvelopedSignature(delivery(moved).signedDelivery as Element).reference).toMatchObject({
      valid: false,
      reason: expect.stringContaining("does not point at the signed element"),
    });
  });

  it("refuses transforms it does not implement, and a SignatureValue that is not one, the same either way", () => {
    const xpath = soap.replace(
      '<Transform Algorithm="http://www.w3.org/2000/09/xmldsig#enveloped-signature"></Transform>',
      '<Transform Algorithm="http://www.w3.org/2000/09/xmldsig#enveloped-signature"></Transform><Transform Algorithm="http://www.w3.org/TR/1999/REC-xpath-19991116"></Transform>',
    );
    const verification = verifyEnvelopedSignature(delivery(xpath).signedDelivery as Element);
    expect(verification.standard).toEqual({ valid: false, reason: expect.stringContaining("are not supported") });
    expect(verification.reference).toEqual(verification.standard);
    const tooLong = soap.replace(/<SignatureValue>[^<]*/, `<SignatureValue>${Buffer.alloc(4096, 1).toString("base64")}`);
    expect(verifyEnvelopedSignature(delivery(tooLong).signedDelivery as Element).reference).toEqual({
      valid: false,
      reason: "the SignatureValue does not verify with the certificate's key",
    });
    const notBase64 = soap.replace(/<SignatureValue>[^<]*/, "<SignatureValue>not base64!");
    expect(verifyEnvelopedSignature(delivery(notBase64).signedDelivery as Element).reference).toMatchObject({
      reason: expect.stringContaining("not base64"),
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

describe("signatures made by xmlsec1, an independent XML-DSig implementation", () => {
  const { sender, intermediary } = testSigners();
  beforeAll(requireXmlsec1);

  const rootOf = (xml: string) => {
    const parsed = parseXmlSafely(xml);
    if (!parsed.ok || !parsed.document.documentElement) throw new Error(parsed.ok ? "no root" : parsed.refusal.message);
    return parsed.document.documentElement;
  };
  const ways = (signed: Element | null) => {
    if (!signed) throw new Error("nothing signed");
    const { reference, standard } = verifyEnvelopedSignature(signed);
    return { standard: standard.valid, reference: reference.valid };
  };

  it("accepts a prefixed delivery with ds: signatures and exclusive c14n as standard XML-DSig, though the reference way differs", () => {
    const d = delivery(prefixedXmlsec1Request(exampleDelivery(), { sender, intermediary }));
    expect(d.sealedDelivery.prefix).toBe("svc3");
    expect(ways(d.signedDelivery)).toEqual({ standard: true, reference: false });
    expect(ways(d.sealedDelivery)).toEqual({ standard: true, reference: false });
    expect(verifyEnvelopedSignature(d.sealedDelivery).causes).toEqual([
      expect.stringContaining("reads svc3:deliverSecure as msg3:SealedDelivery"),
      expect.stringContaining("drops the namespace prefixes the element is sent with (svc3:, msg3:"),
    ]);
  });

  it("accepts a delivery xmlsec1 signed the reference code's way, the reference way only", () => {
    const d = delivery(referenceWayXmlsec1Request(exampleDelivery(), { sender, intermediary }));
    expect(ways(d.signedDelivery)).toEqual({ standard: false, reference: true });
    expect(ways(d.sealedDelivery)).toEqual({ standard: false, reference: true });
    expect(verifyEnvelopedSignature(d.signedDelivery as Element).causes).toEqual([expect.stringContaining("(xmlns:soap)")]);
  });

  it("accepts an unprefixed SignedDelivery with exclusive c14n both ways: the two ways read the same bytes", () => {
    const signed = signWithXmlsec1(unsignedSignedDelivery(exampleDelivery()), sender, { prefix: "", contentC14n: ALGORITHMS.excC14n });
    const inEnvelope = rootOf(soapEnvelope(signed)).getElementsByTagNameNS(NS.message3, "SignedDelivery")[0] as Element;
    expect(ways(inEnvelope)).toEqual({ standard: true, reference: true });
    expect(verifyEnvelopedSignature(inEnvelope).causes).toEqual([]);
  });

  it("refuses an xmlsec1-signed delivery changed after signing, both ways, for the same reason", () => {
    const changed = delivery(
      prefixedXmlsec1Request(exampleDelivery(), { sender, intermediary }).replace("Beslut om bygglov", "Beslut om rivningslov"),
    );
    const verification = verifyEnvelopedSignature(changed.signedDelivery as Element);
    expect(verification.standard).toEqual({ valid: false, reason: expect.stringContaining("digest does not match") });
    expect(verification.reference).toEqual(verification.standard);
    expect(ways(changed.sealedDelivery)).toEqual({ standard: false, reference: false });
  });

  it("refuses a changed element that carries the Id of a signed original hidden elsewhere in the document (signature wrapping)", () => {
    const withId = withPrefixes(unsignedSignedDelivery(exampleDelivery())).replace(
      "<msg3:SignedDelivery ",
      '<msg3:SignedDelivery Id="sd1" ',
    );
    const original = signWithXmlsec1(withId, sender, {
      ...{ prefix: "ds", contentC14n: ALGORITHMS.excC14n },
      uri: "#sd1",
      idOf: { attribute: "Id", element: `${NS.message3}:SignedDelivery` },
    });
    expect(ways(rootOf(original))).toEqual({ standard: true, reference: false });
    const changed = original.replace("Beslut om bygglov", "Beslut om rivningslov");
    const wrapped = soapEnvelope(`<hidden xmlns="urn:elsewhere">${original}</hidden>${changed}`);
    const signedElements = rootOf(wrapped).getElementsByTagNameNS(NS.message3, "SignedDelivery");
    expect(ways(signedElements[1] as Element)).toEqual({ standard: false, reference: false });
  });

  /** Namespace changes and undeclarations, attribute order, escapes, CDATA, comments and a PI: what canonicalization must get right. */
  const awkward =
    '<root xmlns="urn:d" xmlns:a="urn:a" xmlns:unused="urn:unused" b:attr="1" xmlns:b="urn:b" plain="x&quot;y&gt;z&#9;&#10;&#13;" a:z="2" a:b="3" xml:lang="sv">\n' +
    "  <!-- a comment -->\n" +
    "  <child xmlns=\"\" attr='single'>text &amp; &lt;tag&gt; &#13; <![CDATA[<cdata> & ]]> åäö 😀</child>\n" +
    '  <a:child a:x="1" xmlns:a="urn:a2"><a:empty/><?pi data here?><b:x/></a:child>\n' +
    '  <b:child xmlns:b="urn:b"><inner xmlns="urn:d">x</inner><inner xmlns="urn:other"/></b:child>\n' +
    "</root>";

  it.each([
    ["exclusive c14n, ds: prefix", { prefix: "ds", contentC14n: ALGORITHMS.excC14n }, { standalone: true, inEnvelope: true }],
    ["inclusive c14n by default, unprefixed", { prefix: "" }, { standalone: true, inEnvelope: false }],
    [
      "exclusive c14n with an InclusiveNamespaces PrefixList",
      { prefix: "ds", contentC14n: ALGORITHMS.excC14n, inclusivePrefixes: "unused #default" },
      { standalone: true, inEnvelope: true },
    ],
    [
      "inclusive c14n of SignedInfo too",
      { prefix: "ds", contentC14n: ALGORITHMS.c14n, signedInfoC14n: ALGORITHMS.c14n },
      { standalone: true, inEnvelope: false },
    ],
  ] as const)("canonicalizes an awkward document as xmlsec1 does: %s", (_name, template, expected) => {
    const signed = signWithXmlsec1(awkward, sender, template);
    expect(ways(rootOf(signed)).standard).toBe(expected.standalone);
    // Inside an envelope, inclusive c14n also takes in the envelope's declarations; exclusive does not.
    const inEnvelope = rootOf(soapEnvelope(signed)).getElementsByTagNameNS("urn:d", "root")[0] as Element;
    expect(ways(inEnvelope).standard).toBe(expected.inEnvelope);
    const changed = rootOf(signed.replace("åäö", "aao"));
    expect(ways(changed)).toEqual({ standard: false, reference: false });
  });
});
