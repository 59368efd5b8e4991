import { describe, expect, it } from "vitest";
import { reachabilityFor, scenarioById } from "../recipients/scenarios.ts";
import {
  clientMaySendFor,
  deliveredToServiceAdress,
  type Lookup,
  latestLookup,
  messageIdsUnique,
  reachableCheckedBeforeDelivery,
  sealSignedByClient,
  senderRegistered,
  soapContentType,
} from "./emulator-checks.ts";

const serviceAdressFor = (o: { key: string }) => `https://sandbox.test/operators/${o.key}/service/v3`;
const sender = "162120002411";
const now = new Date("2027-03-01T10:00:00Z");
const lookup = (id: Parameters<typeof scenarioById>[0], at = new Date("2027-03-01T09:59:00Z")): Lookup => ({
  senderOrgNr: sender,
  recipientId: scenarioById(id).recipientId,
  at,
  status: reachabilityFor(scenarioById(id), { serviceAdressFor }),
});

describe("checks that need the emulator's state", () => {
  it("delivery.reachable-checked: an isReachable that allowed delivery must come first", () => {
    const recipientId = scenarioById("reachable-kivra").recipientId;
    expect(reachableCheckedBeforeDelivery({ senderOrgNr: sender, recipientId, lookups: [lookup("reachable-kivra")], now }).status).toBe(
      "pass",
    );
    expect(reachableCheckedBeforeDelivery({ senderOrgNr: sender, recipientId, lookups: [], now }).status).toBe("fail");
    const later = lookup("reachable-kivra", new Date("2027-03-01T10:05:00Z"));
    expect(reachableCheckedBeforeDelivery({ senderOrgNr: sender, recipientId, lookups: [later], now }).status).toBe("fail");
    const other = { ...lookup("reachable-kivra"), senderOrgNr: "162321000206" };
    expect(reachableCheckedBeforeDelivery({ senderOrgNr: sender, recipientId, lookups: [other], now }).status).toBe("fail");
    for (const refused of ["sender-not-accepted", "mailbox-pending", "no-mailbox", "minor"] as const) {
      const check = reachableCheckedBeforeDelivery({
        senderOrgNr: sender,
        recipientId: scenarioById(refused).recipientId,
        lookups: [lookup(refused)],
        now,
      });
      expect(check.status, refused).toBe("fail");
      expect(check.message).toContain("must not deliver");
    }
  });

  it("uses the latest answer", () => {
    const older = lookup("reachable-kivra", new Date("2027-03-01T08:00:00Z"));
    const newer = lookup("reachable-kivra", new Date("2027-03-01T09:00:00Z"));
    expect(latestLookup([older, newer], sender, newer.recipientId, now)).toBe(newer);
  });

  it("delivery.service-address: the call goes where isReachable pointed", () => {
    const l = lookup("reachable-billo");
    expect(deliveredToServiceAdress({ calledAddress: "https://SANDBOX.test/operators/billo/service/v3/", lookup: l }).status).toBe("pass");
    expect(deliveredToServiceAdress({ calledAddress: "https://sandbox.test/operators/kivra/service/v3", lookup: l }).status).toBe("fail");
    expect(deliveredToServiceAdress({ calledAddress: "https://sandbox.test/operators/billo/service/v3", lookup: undefined }).status).toBe(
      "fail",
    );
  });

  it("sender.registered: Sender.Id must be among getSenders", () => {
    expect(senderRegistered({ senderId: sender, registeredSenders: [{ id: sender, name: "Sundsvalls kommun" }] }).status).toBe("pass");
    expect(senderRegistered({ senderId: sender, registeredSenders: [] }).status).toBe("fail");
  });

  it("sender.client-certificate: the caller is the sender or its registered förmedlare", () => {
    const dispatchers = [{ id: "164020000305", senders: [sender] }];
    expect(clientMaySendFor({ senderId: sender, clientOrgNr: sender, dispatchers: [] }).status).toBe("pass");
    expect(clientMaySendFor({ senderId: sender, clientOrgNr: "164020000305", dispatchers }).status).toBe("pass");
    expect(clientMaySendFor({ senderId: sender, clientOrgNr: "164020000404", dispatchers }).status).toBe("fail");
    expect(clientMaySendFor({ senderId: sender, clientOrgNr: null, dispatchers }).status).toBe("fail");
  });

  it("signature.intermediary.client-certificate: the seal's signer is the caller", () => {
    expect(sealSignedByClient({ sealSignerOrgNr: "164020000305", clientOrgNr: "164020000305" }).status).toBe("pass");
    expect(sealSignedByClient({ sealSignerOrgNr: "164020000305", clientOrgNr: sender }).status).toBe("warn");
    expect(sealSignedByClient({ sealSignerOrgNr: null, clientOrgNr: sender }).status).toBe("fail");
  });

  it("delivery.message.id-unique: warns on an Id used before or twice", () => {
    expect(messageIdsUnique({ messageIds: ["a"], earlierIds: new Set(["b"]) }).status).toBe("pass");
    expect(messageIdsUnique({ messageIds: ["a"], earlierIds: new Set(["a"]) }).status).toBe("warn");
    expect(messageIdsUnique({ messageIds: ["a", "a"], earlierIds: new Set() }).status).toBe("warn");
  });

  it("envelope.content-type: text/xml as SOAP 1.1 sends it; SOAP 1.2's media type or none is a warning", () => {
    expect(soapContentType("text/xml; charset=utf-8").status).toBe("pass");
    expect(soapContentType("Text/XML").status).toBe("pass");
    expect(soapContentType("application/soap+xml; charset=utf-8")).toMatchObject({
      status: "warn",
      message: expect.stringContaining("SOAP 1.2"),
    });
    expect(soapContentType("application/xml").status).toBe("warn");
    expect(soapContentType(undefined).message).toContain("without a Content-Type");
  });
});
