import { describe, expect, it } from "vitest";
import { operationInAction, operationNamedIn } from "./operation-name.ts";

const envelope = (inner: string) =>
  `<?xml version="1.0"?><soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Header/><soap:Body>${inner}</soap:Body></soap:Envelope>`;

describe("operationNamedIn", () => {
  it("names the operation inside the SOAP Body, whatever its prefix", () => {
    expect(operationNamedIn(envelope('<rcp3:isReachable xmlns:rcp3="x"><rcp3:senderOrgNr>1</rcp3:senderOrgNr></rcp3:isReachable>'))).toBe(
      "isReachable",
    );
    expect(operationNamedIn(envelope("\n  <!-- a note -->\n  <deliverSecure/>"))).toBe("deliverSecure");
    expect(operationNamedIn(envelope("<ns2:getSenders></ns2:getSenders>"))).toBe("getSenders");
  });

  it("names nothing that is not one of the contract's operations, or not in a Body", () => {
    expect(operationNamedIn(envelope("<deleteEverything/>"))).toBeNull();
    expect(operationNamedIn("<isReachable/>")).toBeNull();
    expect(operationNamedIn("not xml at all")).toBeNull();
  });

  it("looks only at the start of a long body", () => {
    expect(operationNamedIn(`${" ".repeat(20_000)}${envelope("<isRegistered/>")}`)).toBeNull();
  });
});

describe("operationInAction", () => {
  it("names the operation a SOAPAction or SOAP 1.2's action parameter ends with", () => {
    expect(operationInAction({ soapaction: '"http://minameddelanden.gov.se/Service/v3/deliverSecure"' })).toBe("deliverSecure");
    expect(operationInAction({ soapaction: "urn:minameddelanden:isReachable" })).toBe("isReachable");
    expect(operationInAction({ "content-type": 'application/soap+xml; charset=utf-8; action="urn:x#getSenders"' })).toBe("getSenders");
  });

  it("names nothing for the contract's empty soapAction or anything that is not an operation", () => {
    expect(operationInAction({ soapaction: '""' })).toBeNull();
    expect(operationInAction({ soapaction: '"urn:x:deleteEverything"' })).toBeNull();
    expect(operationInAction({ "content-type": "text/xml; charset=utf-8" })).toBeNull();
    expect(operationInAction({})).toBeNull();
  });
});
