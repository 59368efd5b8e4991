import { describe, expect, it } from "vitest";
import { operationNamedIn } from "./operation-name.ts";

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
