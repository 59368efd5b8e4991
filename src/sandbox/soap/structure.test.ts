import { beforeAll, describe, expect, it } from "vitest";
import { validateSubmission } from "../checks/validate-submission.ts";
import { scenarioById } from "../recipients/scenarios.ts";
import { deliverSecureRequest, exampleDelivery } from "../testing/reference-delivery.ts";
import { testSigners } from "../testing/signers.ts";
import { payloadOf, validateAgainstContract, type XsdResult } from "../testing/xsd.ts";
import { NS } from "./namespaces.ts";

/**
 * The structure rules in structure.ts are written by hand from the XSDs; here libxml2 and the
 * official XSDs judge the same requests, and both must agree.
 */
describe("the hand-written structure rules agree with the official XSDs", () => {
  const valid = deliverSecureRequest(exampleDelivery(), testSigners());
  const cases: Record<string, { xml: string; conforms: boolean }> = {
    "reference-built request": { xml: valid, conforms: true },
    "with an OfficialMatterExtension": {
      xml: valid.replace(
        "<Language>",
        `<OfficialMatter><OfficialMatterExtension><Timestamp xmlns="${NS.officialMatter3}">2027-03-01</Timestamp><Identity xmlns="${NS.officialMatter3}"><EventId>e-1</EventId></Identity></OfficialMatterExtension></OfficialMatter><Language>`,
      ),
      conforms: true,
    },
    "with Metadata and Reply": {
      xml: valid.replace(
        "<Language>svSE</Language>",
        `<Metadata><Tag xmlns="${NS.message}">diarienummer</Tag><Value xmlns="${NS.message}">2027-123</Value></Metadata><Language>svSE</Language><Reply>NOT_ALLOWED</Reply>`,
      ),
      conforms: true,
    },
    "Sender in the Message v3 namespace": {
      xml: valid.replace(`<Sender xmlns="${NS.message2}">`, `<Sender xmlns="${NS.message3}">`),
      conforms: false,
    },
    "no Language": { xml: valid.replace("<Language>svSE</Language>", ""), conforms: false },
    "two recipients": {
      xml: valid.replace(
        /(<Recipient [^>]+>[^<]+<\/Recipient>)/,
        `$1<Recipient xmlns="${NS.message2}">${scenarioById("reachable-billo").recipientId}</Recipient>`,
      ),
      conforms: false,
    },
    "Seal before SignedDelivery": {
      xml: valid.replace(/(<SignedDelivery .*<\/SignedDelivery>)(<Seal .*<\/Seal>)/, "$2$1"),
      conforms: false,
    },
    "Supportinfo spelt SupportInfo": { xml: valid.replaceAll("Supportinfo>", "SupportInfo>"), conforms: false },
    "unknown attribute": { xml: valid.replace("<SignedDelivery ", '<SignedDelivery foo="bar" '), conforms: false },
  };
  let xsd: XsdResult[];
  beforeAll(async () => {
    xsd = await validateAgainstContract(Object.entries(cases).map(([name, c]) => ({ name, xml: payloadOf(c.xml) })));
  });

  it.each(Object.entries(cases))("%s", (name, c) => {
    const schemaCheck = validateSubmission(c.xml).find((check) => check.id === "delivery.schema");
    const libxml = xsd.find((r) => r.name === name);
    expect(libxml?.valid, libxml?.errors.join("\n")).toBe(c.conforms);
    expect(schemaCheck?.status, schemaCheck?.message).toBe(c.conforms ? "pass" : "fail");
  });
});
