import { describe, expect, it } from "vitest";
import { validateSubmission } from "../checks/validate-submission.ts";
import { DEFAULT_OPERATORS, SCENARIOS, scenarioById } from "../recipients/scenarios.ts";
import { parseSenderRequest } from "../soap/requests.ts";
import { deliverSecureRequest, exampleDelivery } from "../testing/reference-delivery.ts";
import { testSigners } from "../testing/signers.ts";
import { EmulatorState } from "./operations.ts";

/** The state an environment keeps between calls stays bounded however long a sender runs. */

const SENDER_ID = "162120002411";
const client = { ok: true as const, organisationId: SENDER_ID, subject: "CN=s", issuer: "CN=ca", fingerprint256: "AA" };
const config = {
  operators: DEFAULT_OPERATORS,
  senders: [{ id: SENDER_ID, name: "Sundsvalls kommun" }],
  dispatchers: [],
  recipients: SCENARIOS,
  serviceAdressFor: (operator: { key: string }) => `https://emulator.test/e/abcdefghij/Service/v3/${operator.key}`,
};
const kivra = scenarioById("reachable-kivra").recipientId;
function kivraOperator() {
  const operator = DEFAULT_OPERATORS.find((o) => o.key === "kivra");
  if (!operator) throw new Error("no kivra operator");
  return operator;
}
const now = new Date();

function deliverTo(state: EmulatorState) {
  const body = deliverSecureRequest(exampleDelivery({ recipients: [kivra] }), testSigners());
  const parsed = parseSenderRequest(body);
  if (parsed.kind !== "ok" || parsed.request.operation !== "deliverSecure") throw new Error("reference delivery did not parse");
  const answer = state.deliverSecure({
    submissionChecks: validateSubmission(body, { now }),
    delivery: parsed.request.delivery,
    operator: kivraOperator(),
    calledAddress: config.serviceAdressFor({ key: "kivra" }),
    client,
    now,
  });
  return (id: string) => answer.checks.find((c) => c.id === id)?.status;
}

describe("EmulatorState's memory", () => {
  it("remembers lookups and message ids up to its limit, forgetting the oldest first", () => {
    const roomy = new EmulatorState(config, 2);
    roomy.isReachable(SENDER_ID, [kivra], client, now);
    roomy.isReachable(SENDER_ID, [scenarioById("no-mailbox").recipientId], client, now);
    expect(deliverTo(roomy)("delivery.reachable-checked")).toBe("pass");
    expect(deliverTo(roomy)("delivery.message.id-unique")).toBe("warn");

    const tight = new EmulatorState(config, 1);
    tight.isReachable(SENDER_ID, [kivra], client, now);
    tight.isReachable(SENDER_ID, [scenarioById("no-mailbox").recipientId], client, now);
    expect(deliverTo(tight)("delivery.reachable-checked")).toBe("fail");
  });
});
