import { DOMParser } from "@xmldom/xmldom";
import { describe, expect, it } from "vitest";
import { fail } from "../checks/check.ts";
import { attachmentPdfMagic, htmlWellFormed } from "../checks/content-checks.ts";
import { EMULATOR_ERROR_CODES } from "../emulator/fault-codes.ts";
import type { DeliveryView } from "../soap/delivery.ts";
import { CONFORMANCE_CASE_IDS, CONFORMANCE_CASES } from "./conformance-cases.ts";
import { conformantSender, EventLog, withoutLookup } from "./conformance-fixtures.ts";
import { type ConformanceEvaluation, evaluateConformance, NOTHING_TO_INSPECT } from "./evaluate-conformance.ts";

const statuses = (evaluation: ConformanceEvaluation) => Object.fromEntries(evaluation.results.map((r) => [r.id, r.status]));
const result = (evaluation: ConformanceEvaluation, id: string) => {
  const found = evaluation.results.find((r) => r.id === id);
  if (!found) throw new Error(`no result for ${id}`);
  return found;
};

describe("the conformance cases", () => {
  it("are numbered MM-01 onwards, once each, with Swedish and English texts naming a synthetic recipient", () => {
    expect(CONFORMANCE_CASES.map((c) => c.id)).toEqual([...CONFORMANCE_CASE_IDS]);
    for (const c of CONFORMANCE_CASES) {
      for (const text of [c.title, c.purpose, c.how, c.expects]) expect(text.sv && text.en, c.id).toBeTruthy();
      expect(c.scenarios.some((s) => c.how.en.includes(s)) || c.id === "MM-15", c.id).toBe(true);
    }
  });
});

describe("evaluateConformance", () => {
  it("passes every case for a sender that does everything right", () => {
    const evaluation = evaluateConformance(CONFORMANCE_CASES, conformantSender().events);
    expect(evaluation.results.filter((r) => r.status !== "pass").map((r) => [r.id, r.reason.en])).toEqual([]);
    expect(evaluation.summary).toEqual({ total: 15, passed: 15, failed: 0, notRun: 0 });
    const mm01 = result(evaluation, "MM-01");
    expect(mm01.evidence.callIds).toEqual(["call-1", "call-2"]);
    expect(mm01.evidence.checkIds).toContain("delivery.attachment.pdf-magic");
    expect(result(evaluation, "MM-05").reason.sv).toMatch(/slogs upp .* och fick ingen leverans/);
    expect(result(evaluation, "MM-10").reason.en).toContain("tried 1 more times");
  });

  it("fails every delivery case for a sender that skips isReachable, and leaves the look-up cases not run", () => {
    const log = new EventLog();
    for (const s of ["reachable-kivra", "reachable-minmyndighetspost", "reachable-organisation", "operator-fault"] as const) {
      log.deliver(s, { pdf: true, checks: withoutLookup });
    }
    const evaluation = evaluateConformance(CONFORMANCE_CASES, log.events);
    expect(statuses(evaluation)).toMatchObject({
      "MM-01": "fail",
      "MM-02": "not_run",
      "MM-03": "fail",
      "MM-04": "fail",
      "MM-05": "not_run",
      "MM-08": "not_run",
      "MM-10": "fail",
      "MM-14": "pass",
    });
    expect(result(evaluation, "MM-01").reason.en).toBe(
      `Call call-1: deliverSecure to ${log.events[0]?.recipientIds[0]} without an isReachable for that recipient first.`,
    );
    expect(
      result(evaluation, "MM-01")
        .failingChecks.filter((f) => f.callId === "call-1")
        .map((f) => f.check.id),
    ).toEqual(["delivery.reachable-checked", "delivery.service-address"]);
    expect(result(evaluation, "MM-04").evidence.checkIds).toContain("delivery.service-address");
  });

  it("fails the no-mailbox case for a sender that delivers anyway, though the emulator faulted", () => {
    const log = conformantSender();
    const delivery = log.deliver("no-mailbox", {
      outcome: "fault",
      faultCode: EMULATOR_ERROR_CODES.recipientNotFound,
      checks: [fail("delivery.reachable-checked", "isReachable answered that the recipient has no digital mailbox")],
    });
    const evaluation = evaluateConformance(CONFORMANCE_CASES, log.events);
    const mm05 = result(evaluation, "MM-05");
    expect(mm05.status).toBe("fail");
    expect(mm05.reason.sv).toContain(`Anrop ${delivery.callId}: deliverSecure till no-mailbox`);
    expect(mm05.reason.en).toContain("the answer was a SOAP fault");
    expect(mm05.failingChecks).toEqual([{ callId: delivery.callId, check: delivery.checks.find((c) => c.status === "fail") }]);
    expect(evaluation.summary).toEqual({ total: 15, passed: 14, failed: 1, notRun: 0 });
  });

  it("fails the signature case when any delivery's signature does not verify, and names the check", () => {
    const log = conformantSender();
    const bad = log.lookupAndDeliver("reachable-kivra", {
      outcome: "fault",
      faultCode: EMULATOR_ERROR_CODES.invalidSignature,
      checks: [fail("signature.sender", "the SignedDelivery signature does not verify")],
    });
    const evaluation = evaluateConformance(CONFORMANCE_CASES, log.events);
    const mm14 = result(evaluation, "MM-14");
    expect(mm14.status).toBe("fail");
    expect(mm14.reason.en).toBe(`Call ${bad.callId}: failing signature checks signature.sender.`);
    expect(mm14.failingChecks.map((f) => [f.callId, f.check.id])).toEqual([[bad.callId, "signature.sender"]]);
    // The good PDF delivery earlier still shows MM-01; one bad delivery does not undo it.
    expect(result(evaluation, "MM-01").status).toBe("pass");
  });

  it("runs nothing on an empty log", () => {
    const evaluation = evaluateConformance(CONFORMANCE_CASES, []);
    expect(evaluation.results.every((r) => r.status === "not_run" && r.evidence.callIds.length === 0)).toBe(true);
    expect(evaluation.summary).toEqual({ total: 15, passed: 0, failed: 0, notRun: 15 });
    expect(result(evaluation, "MM-12").reason.sv).toBe("Ingen leverans på minst 1 MB.");
    expect(evaluation.performance).toMatchObject({ deliveries: 0, latencyMs: null, deliveriesPerSecond: null, from: null });
  });

  it("fails a retry loop after an operator fault: too many attempts, or too close together", () => {
    const loop = new EventLog();
    loop.lookupAndDeliver("operator-fault");
    for (let i = 0; i < 4; i++) loop.wait(5).deliver("operator-fault");
    expect(result(evaluateConformance(CONFORMANCE_CASES, loop.events), "MM-10").reason.en).toMatch(/tried 4 more times \(at most 3\)/);

    const hammer = new EventLog();
    hammer.lookupAndDeliver("operator-timeout");
    hammer.deliver("operator-timeout");
    const mm11 = result(evaluateConformance(CONFORMANCE_CASES, hammer.events), "MM-11");
    expect(mm11.status).toBe("fail");
    expect(mm11.reason.en).toMatch(/came 500 ms after/);
  });

  it("fails the size case for anything over 2 MB, and does not run it without a large delivery", () => {
    const log = conformantSender();
    log.lookupAndDeliver("reachable-kivra", {
      outcome: "fault",
      bytes: 2_300_000,
      faultCode: EMULATOR_ERROR_CODES.tooLarge,
      checks: [fail("delivery.size.max-2mb", "2300000 bytes is over the 2 MB limit")],
    });
    expect(result(evaluateConformance(CONFORMANCE_CASES, log.events), "MM-12").status).toBe("fail");

    const small = new EventLog();
    small.lookupAndDeliver("reachable-kivra");
    expect(result(evaluateConformance(CONFORMANCE_CASES, small.events), "MM-12").status).toBe("not_run");
  });

  it("fails the routing case when every delivery went through one operator", () => {
    const log = new EventLog();
    log.lookupAndDeliver("reachable-kivra");
    expect(result(evaluateConformance(CONFORMANCE_CASES, log.events), "MM-04").reason.en).toMatch(/one operator only \(kivra\)/);
  });

  it("fails the certificate case for a call refused for its client certificate", () => {
    const log = conformantSender();
    log.lookup("reachable-kivra").checks = [fail("sender.client-certificate", "no client certificate was presented")];
    expect(result(evaluateConformance(CONFORMANCE_CASES, log.events), "MM-15").status).toBe("fail");
  });

  it("counts only events since the given time, so a fresh run starts clean", () => {
    const log = new EventLog();
    log.deliver("no-mailbox", { checks: withoutLookup });
    const since = new Date(Date.parse("2026-11-27T10:00:00.000Z"));
    log.wait(3600);
    conformantSender(log);
    expect(result(evaluateConformance(CONFORMANCE_CASES, log.events), "MM-05").status).toBe("fail");
    expect(evaluateConformance(CONFORMANCE_CASES, log.events, { since }).summary.passed).toBe(15);
  });

  it("measures deliveries, latency percentiles and errors by kind", () => {
    const log = new EventLog();
    for (let i = 1; i <= 100; i++) {
      log.lookup("reachable-kivra");
      log.deliver("reachable-kivra", { durationMs: i });
    }
    log.lookupAndDeliver("operator-timeout");
    log.lookupAndDeliver("operator-fault", { durationMs: 500 });
    const { performance } = evaluateConformance(CONFORMANCE_CASES, log.events);
    expect(performance).toMatchObject({
      lookups: 102,
      deliveries: 102,
      delivered: 100,
      errors: { notDelivered: 0, faults: 1, timeouts: 1, refused: 0 },
      faultCodes: [{ errorCode: EMULATOR_ERROR_CODES.internal, count: 1 }],
    });
    // The fault is timed with the hundred answered deliveries; the timeout's 30 s is not.
    expect(performance.latencyMs).toEqual({ p50: 51, p95: 96, p99: 100, max: 500 });
    expect(performance.deliveriesPerSecond).toBeGreaterThan(0);
  });
});

describe("what the event tells of a delivery's content", () => {
  const view = (messages: DeliveryView["messages"]): DeliveryView => {
    const element = new DOMParser().parseFromString("<x/>", "text/xml").documentElement;
    if (!element) throw new Error("no element");
    return {
      sealedDelivery: element,
      signedDelivery: null,
      senderSignature: null,
      seal: null,
      sealSignature: null,
      sender: {},
      recipients: [],
      messages,
    };
  };
  const message = { index: 0, supportInfo: null, officialMatter: null, attachments: [] };

  it("relies on the words the content checks pass with when there are no attachments and no HTML body", () => {
    const plain = view([{ ...message, body: { contentType: "text/plain", base64: "aGVq" } }]);
    expect(attachmentPdfMagic(plain).message).toBe(NOTHING_TO_INSPECT.attachments);
    expect(htmlWellFormed(plain).message).toBe(NOTHING_TO_INSPECT.html);
    const html = view([{ ...message, body: { contentType: "text/html", base64: Buffer.from("<p>Hej</p>").toString("base64") } }]);
    expect(htmlWellFormed(html).message).not.toBe(NOTHING_TO_INSPECT.html);
  });
});
