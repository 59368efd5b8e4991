import { describe, expect, it } from "vitest";
import { RECIPIENT_ID_PATTERN } from "../soap/types.ts";
import { parseIdentityNumber } from "./identity-numbers.ts";
import { DEFAULT_OPERATORS, reachabilityFor, SCENARIOS, scenarioById, scenarioForRecipient } from "./scenarios.ts";
import { decideDelivery } from "./sender-decision.ts";

const serviceAdressFor = (o: { key: string }) => `https://sandbox.test/operators/${o.key}/service/v3`;
const today = new Date("2027-03-01T10:00:00Z");

describe("the fixed synthetic recipients", () => {
  it("covers every situation the issue names", () => {
    expect(SCENARIOS.map((s) => s.id)).toEqual([
      "reachable-kivra",
      "reachable-minmyndighetspost",
      "reachable-billo",
      "reachable-fortnox",
      "reachable-samordningsnummer",
      "reachable-organisation",
      "sender-not-accepted",
      "mailbox-pending",
      "no-mailbox",
      "minor",
      "operator-not-delivered",
      "operator-fault",
      "operator-timeout",
    ]);
    const operatorsReached = new Set(SCENARIOS.filter((s) => s.id.startsWith("reachable-")).map((s) => s.account.operator));
    expect([...operatorsReached].sort()).toEqual(DEFAULT_OPERATORS.map((o) => o.key).sort());
  });

  it("uses distinct, valid, synthetic numbers only", () => {
    const ids = SCENARIOS.map((s) => s.recipientId);
    expect(new Set(ids).size).toBe(ids.length);
    for (const s of SCENARIOS) {
      expect(RECIPIENT_ID_PATTERN.test(s.recipientId), s.id).toBe(true);
      const parsed = parseIdentityNumber(s.recipientId);
      expect(parsed, s.id).toMatchObject({ ok: true, kind: s.recipientKind, synthetic: true });
    }
    for (const o of DEFAULT_OPERATORS)
      expect(parseIdentityNumber(`16${o.organisationNumber}`)).toMatchObject({ ok: true, synthetic: true });
  });

  it.each(SCENARIOS.map((s) => [s.id, s] as const))(
    "%s: isReachable's answer leads a conformant sender to its expected decision",
    (_id, s) => {
      expect(decideDelivery(reachabilityFor(s, { serviceAdressFor }), today)).toEqual(s.expected);
    },
  );

  it("answers isReachable as the recorded responses do", () => {
    expect(reachabilityFor(scenarioById("reachable-fortnox"), { serviceAdressFor })).toEqual({
      accountStatus: {
        recipientId: scenarioById("reachable-fortnox").recipientId,
        type: "Secure",
        pending: false,
        serviceSupplier: {
          id: `16${DEFAULT_OPERATORS[3]?.organisationNumber}`,
          name: "Fortnox",
          serviceAdress: "https://sandbox.test/operators/fortnox/service/v3",
          uiAdress: "https://www.fortnox.se",
          internalServiceAdress: "",
        },
        lastRegistration: "2024-01-15T09:30:00.000+01:00",
      },
      senderAccepted: true,
    });
    const none = reachabilityFor(scenarioById("no-mailbox"), { serviceAdressFor });
    expect(none).toEqual({
      accountStatus: { recipientId: scenarioById("no-mailbox").recipientId, type: "Not", pending: false },
      senderAccepted: false,
    });
    expect(reachabilityFor(scenarioById("mailbox-pending"), { serviceAdressFor }).accountStatus.pending).toBe(true);
    expect(reachabilityFor(scenarioById("sender-not-accepted"), { serviceAdressFor }).senderAccepted).toBe(false);
  });

  it("routes each reachable recipient to its own operator's ServiceAdress", () => {
    const addresses = ["reachable-kivra", "reachable-minmyndighetspost", "reachable-billo", "reachable-fortnox"].map(
      (id) => reachabilityFor(scenarioById(id as "reachable-kivra"), { serviceAdressFor }).accountStatus.serviceSupplier?.serviceAdress,
    );
    expect(new Set(addresses).size).toBe(4);
  });

  it("knows what each operator does with a delivery", () => {
    expect(scenarioById("operator-not-delivered").operatorBehaviour).toBe("not-delivered");
    expect(scenarioById("operator-fault").operatorBehaviour).toBe("fault");
    expect(scenarioById("operator-timeout").operatorBehaviour).toBe("timeout");
    expect(scenarioForRecipient(scenarioById("minor").recipientId)?.id).toBe("minor");
    expect(scenarioForRecipient("190101010159")).toBeUndefined();
  });

  it("refuses a scenario whose operator is not configured", () => {
    expect(() => reachabilityFor(scenarioById("reachable-billo"), { serviceAdressFor, operators: DEFAULT_OPERATORS.slice(0, 1) })).toThrow(
      /billo/,
    );
  });
});
