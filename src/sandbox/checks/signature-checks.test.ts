import { beforeAll, describe, expect, it } from "vitest";
import { deliverSecureRequest, exampleDelivery } from "../testing/reference-delivery.ts";
import { testSigners } from "../testing/signers.ts";
import { prefixedXmlsec1Request, referenceWayXmlsec1Request, requireXmlsec1 } from "../testing/xmlsec1.ts";
import type { Check, CheckId } from "./check.ts";
import { validateSubmission } from "./validate-submission.ts";

/**
 * The signature checks on deliveries signed outside this project (xmlsec1): either way of
 * verifying decides, the message says which one held, and the strict check explains a difference.
 */

const signers = testSigners();
const SIGNATURE_IDS = [
  "signature.sender",
  "signature.sender.strict",
  "signature.intermediary",
  "signature.intermediary.strict",
] as const satisfies CheckId[];

const signatureChecks = (xml: string) => {
  const checks = validateSubmission(xml);
  return Object.fromEntries(SIGNATURE_IDS.map((id) => [id, checks.find((c) => c.id === id)])) as Record<
    (typeof SIGNATURE_IDS)[number],
    Check
  >;
};

describe("signature checks on deliveries signed by xmlsec1", () => {
  beforeAll(requireXmlsec1);

  it("pass a prefixed delivery with ds: signatures and exclusive c14n, as a Java (JAXB/DOM) signer sends it, and every other check too", () => {
    const xml = prefixedXmlsec1Request(exampleDelivery(), signers);
    expect(validateSubmission(xml).filter((c) => c.status !== "pass")).toEqual([]);
    const checks = signatureChecks(xml);
    expect(checks["signature.sender"].message).toMatch(
      /verifies as standard W3C XML-DSig over the element as sent, with the transforms it declares; not the reference way .*drops the namespace prefixes/,
    );
    expect(checks["signature.intermediary"].message).toContain("reads svc3:deliverSecure as msg3:SealedDelivery");
    expect(checks["signature.intermediary.strict"]).toMatchObject({
      status: "pass",
      message: expect.stringContaining("the reference way does not verify"),
    });
  });

  it("pass a delivery signed the reference code's way, saying so, and tell why strict XML-DSig differs", () => {
    const checks = signatureChecks(referenceWayXmlsec1Request(exampleDelivery(), signers));
    expect(checks["signature.sender"]).toMatchObject({ status: "pass", message: expect.stringContaining("verifies the reference way") });
    expect(checks["signature.sender.strict"]).toMatchObject({
      status: "warn",
      message: expect.stringContaining("in scope from outside the element (xmlns:soap)"),
    });
    expect(checks["signature.intermediary.strict"]).toMatchObject({
      status: "warn",
      message: expect.stringContaining("reads svc3:deliverSecure as msg3:SealedDelivery"),
    });
  });

  it("fail a changed delivery, and never say 'also verifies' beside a failure", () => {
    const changed = prefixedXmlsec1Request(exampleDelivery(), signers).replace("Beslut om bygglov", "Beslut om rivningslov");
    const checks = signatureChecks(changed);
    expect(checks["signature.sender"]).toMatchObject({ status: "fail", message: expect.stringContaining("digest does not match") });
    expect(checks["signature.sender.strict"]).toMatchObject({ status: "warn", message: expect.stringContaining("does not verify either") });
    for (const xml of [
      changed,
      prefixedXmlsec1Request(exampleDelivery(), signers),
      referenceWayXmlsec1Request(exampleDelivery(), signers),
      deliverSecureRequest(exampleDelivery(), signers),
    ]) {
      const all = signatureChecks(xml);
      for (const role of ["sender", "intermediary"] as const) {
        if (all[`signature.${role}.strict`].message.includes("also verifies")) expect(all[`signature.${role}`].status).toBe("pass");
      }
    }
  });
});
