import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CheckId } from "../checks/check.ts";
import { type RunningEmulator, startEmulator } from "../emulator/emulator-server.ts";
import { type EmulatorEnvironment, environmentPath } from "../emulator/environment.ts";
import { type EmulatorEvent, memoryRecorder } from "../emulator/events.ts";
import { makeSyntheticOrganisationNumber } from "../recipients/identity-numbers.ts";
import { type OperatorKey, type ScenarioId, scenarioById } from "../recipients/scenarios.ts";
import { memoryEnvironments, testEnvironment } from "../testing/memory-environments.ts";
import type { DeliveryInput, SealOptions } from "../testing/reference-delivery.ts";
import { pdfOfSize, ReferenceSender, signerOf } from "../testing/reference-sender.ts";
import { createTestCa, issueClientCertificate, issueServerCertificate, type PemCertificate, type TestCa } from "../tls/test-ca.ts";
import { CONFORMANCE_CASES, type ConformanceCaseId } from "./conformance-cases.ts";
import { evaluateConformance } from "./evaluate-conformance.ts";
import { countsAsEvidence } from "./evidence.ts";

/**
 * Every conformance case run by a reference sender against the emulator over real mutual TLS on
 * loopback: the installation's test CA, a client certificate for the environment's organisation,
 * hand-built envelopes signed with xml-crypto, sent with node:https. A conformant sender passes
 * every case; for each case a sender that makes one typical mistake fails it, and the evaluation
 * names the check (or the retry rule) that caught it. Each run gets an environment of its own, so
 * one run's look-ups never vouch for another's deliveries.
 */

const SENDER = { organisationNumber: "2120002411", organisationName: "Sundsvalls kommun" };
const SENDER_ID = `16${SENDER.organisationNumber}`;
const OTHER_ORGANISATION = { organisationNumber: makeSyntheticOrganisationNumber(7), organisationName: "Ånge kommun" };
/** The "timeout" operator holds a call this long; the sender's own limit is longer, so the emulator closes first. */
const OPERATOR_TIMEOUT_MS = 300;
const SENDER_TIMEOUT_MS = 10_000;
/** 2048-bit keys, though 1024 would be generated faster: OpenSSL 3.5 (Node 24, and 22 today) refuses smaller RSA keys in TLS at its default security level 2 ("ee key too small"). */
const TLS_KEYS = { modulusLength: 2048 };

let ca: TestCa;
let ownCertificate: PemCertificate;
let otherOrganisationsCertificate: PemCertificate;
let emulator: RunningEmulator;
const environments = memoryEnvironments([]);
const recorder = memoryRecorder();

beforeAll(async () => {
  ca = await createTestCa({ installationName: "conformance over mTLS", ...TLS_KEYS });
  let server: PemCertificate;
  [server, ownCertificate, otherOrganisationsCertificate] = await Promise.all([
    issueServerCertificate(ca, TLS_KEYS),
    issueClientCertificate(ca, SENDER, TLS_KEYS),
    issueClientCertificate(ca, OTHER_ORGANISATION, TLS_KEYS),
  ]);
  emulator = await startEmulator({
    ca: ca.certificatePem,
    serverCert: server.certificatePem,
    serverKey: server.privateKeyPem,
    port: 0,
    operators: [
      { id: "kivra", name: "Kivra" },
      { id: "minmyndighetspost", name: "Min myndighetspost" },
      { id: "billo", name: "Billo" },
      { id: "fortnox", name: "Fortnox" },
    ],
    environments,
    recorder,
    operatorTimeoutMs: OPERATOR_TIMEOUT_MS,
  });
});

afterAll(async () => {
  await emulator?.close();
});

type Run = {
  sender: ReferenceSender;
  /** An operator's Service endpoint in the run's environment, for a sender that does not take FaR's word for it. */
  serviceUrl: (operator: OperatorKey) => string;
  /** The environment's evidence: the calls made with a certificate it accepted. */
  events: () => EmulatorEvent[];
  /** Every call recorded in the environment, those anyone could make included. */
  allEvents: () => EmulatorEvent[];
};

/** A fresh test environment of the sender's organisation, and a reference sender calling it with the given certificate. */
function newRun(certificate: PemCertificate | null = ownCertificate, sendsAs = { id: SENDER_ID, name: SENDER.organisationName }): Run {
  const environment: EmulatorEnvironment = testEnvironment({ orgnr: SENDER.organisationNumber, organisationName: SENDER.organisationName });
  environments.environments.push(environment);
  const baseUrl = `${emulator.url}${environmentPath(environment.slug)}`;
  const sender = new ReferenceSender({
    baseUrl,
    ca: ca.certificatePem,
    certificate,
    // Signed with the organisation's own key whatever certificate the call is made with.
    signer: signerOf(ownCertificate, SENDER),
    sender: sendsAs,
    timeoutMs: SENDER_TIMEOUT_MS,
  });
  return {
    sender,
    serviceUrl: (operator) => `${baseUrl}/Service/v3/${operator}`,
    events: () => recorder.events.filter((e) => e.environmentId === environment.id && countsAsEvidence(e)),
    allEvents: () => recorder.events.filter((e) => e.environmentId === environment.id),
  };
}

const recipient = (id: ScenarioId) => scenarioById(id).recipientId;

const withAttachment =
  (content: Buffer, checksum?: string) =>
  (input: DeliveryInput): DeliveryInput => ({
    ...input,
    messages: input.messages.map((m) => ({
      ...m,
      attachments: [{ contentType: "application/pdf", content, filename: "beslut.pdf", ...(checksum ? { checksum } : {}) }],
    })),
  });

const withHtml =
  (html: string) =>
  (input: DeliveryInput): DeliveryInput => ({
    ...input,
    messages: input.messages.map((m) => ({ ...m, body: { contentType: "text/html", content: html } })),
  });

/** What a conformant sender's message looks like in each case; the example delivery (HTML body and a PDF) unless said here. */
const CONFORMANT_CONTENT: Partial<Record<ConformanceCaseId, (input: DeliveryInput) => DeliveryInput>> = {
  "MM-12": withAttachment(pdfOfSize(1_200_000)),
};

describe("a conformant reference sender over mutual TLS", () => {
  it("passes every conformance case", async () => {
    const run = newRun();
    for (const c of CONFORMANCE_CASES) {
      for (const scenarioId of c.scenarios) {
        const scenario = scenarioById(scenarioId);
        const { decision, outcome } = await run.sender.send(scenario.recipientId, CONFORMANT_CONTENT[c.id]);
        expect(decision.deliver, `${c.id} ${scenarioId}: the sender's decision`).toBe(scenario.expected.deliver);
        if (scenario.expected.deliver)
          expect(outcome?.kind, `${c.id} ${scenarioId}: the operator's answer`).toBe(
            scenario.operatorBehaviour === "timeout" ? "no-answer" : scenario.operatorBehaviour,
          );
      }
    }
    const evaluation = evaluateConformance(CONFORMANCE_CASES, run.events());
    const failing = evaluation.results.filter((r) => r.status !== "pass").map((r) => `${r.id} ${r.status}: ${r.reason.en}`);
    expect(failing).toEqual([]);
    expect(evaluation.summary).toEqual({ total: 15, passed: 15, failed: 0, notRun: 0 });
  });
});

/** A sender that does one thing wrong, and what the evaluation must then say. */
type Mistake = {
  case: ConformanceCaseId;
  mistake: string;
  /** Calls in the name of another organisation (isReachable's senderOrgNr, Sender/Id), with the sender's own certificate. */
  senderIsAnotherOrganisation?: true;
  act: (run: Run) => Promise<unknown>;
  /** The check among the case's failing checks, or (for the retry rules, which no single call breaks) the reason. */
  names: { check: CheckId } | { reason: RegExp };
};

type Wrongly = {
  change?: (input: DeliveryInput) => DeliveryInput;
  /** Signers to use instead of the sender's own; null leaves that signature out. */
  seal?: Partial<SealOptions>;
  /** Changes the signed envelope before it is sent. */
  tamper?: (xml: string) => string;
};

/** Looks the recipient up and delivers to the ServiceAdress given (or to Kivra when there is none), whatever the answer said. */
async function deliverRegardless(run: Run, scenarioId: ScenarioId, wrongly: Wrongly = {}) {
  const status = await run.sender.lookup(recipient(scenarioId));
  const address = status?.accountStatus.serviceSupplier?.serviceAdress || run.serviceUrl("kivra");
  const envelope = run.sender.envelope(run.sender.delivery(recipient(scenarioId), wrongly.change), wrongly.seal);
  return run.sender.deliverEnvelope(address, wrongly.tamper ? wrongly.tamper(envelope) : envelope);
}

/** Delivers once as a conformant sender would, then `retries` more times at once with the same envelope. */
async function retryAtOnce(run: Run, scenarioId: ScenarioId, retries: number) {
  const status = await run.sender.lookup(recipient(scenarioId));
  const address = status?.accountStatus.serviceSupplier?.serviceAdress ?? "";
  const envelope = run.sender.envelope(run.sender.delivery(recipient(scenarioId)));
  for (let attempt = 0; attempt <= retries; attempt++) await run.sender.deliverEnvelope(address, envelope);
}

const MISTAKES: Mistake[] = [
  {
    case: "MM-01",
    mistake: "sends a PDF whose Checksum is not its content's MD5",
    act: (run) => deliverRegardless(run, "reachable-kivra", { change: withAttachment(pdfOfSize(2_000), "0".repeat(32)) }),
    names: { check: "delivery.attachment.checksum" },
  },
  {
    case: "MM-02",
    mistake: "delivers to the samordningsnummer without isReachable first",
    act: (run) =>
      run.sender.deliverEnvelope(
        run.serviceUrl("kivra"),
        run.sender.envelope(run.sender.delivery(recipient("reachable-samordningsnummer"))),
      ),
    names: { check: "delivery.reachable-checked" },
  },
  {
    case: "MM-03",
    mistake: "names a second recipient in the delivery to the organisation",
    act: (run) =>
      deliverRegardless(run, "reachable-organisation", {
        change: (input) => ({ ...input, recipients: [...input.recipients, recipient("reachable-kivra")] }),
      }),
    names: { check: "delivery.single-recipient" },
  },
  {
    case: "MM-04",
    mistake: "delivers to another operator than the ServiceAdress isReachable gave",
    act: async (run) => {
      await run.sender.lookup(recipient("reachable-kivra"));
      return run.sender.deliverEnvelope(
        run.serviceUrl("minmyndighetspost"),
        run.sender.envelope(run.sender.delivery(recipient("reachable-kivra"))),
      );
    },
    names: { check: "delivery.service-address" },
  },
  ...(
    [
      ["MM-05", "no-mailbox"],
      ["MM-06", "sender-not-accepted"],
      ["MM-07", "mailbox-pending"],
      ["MM-08", "minor"],
    ] as const
  ).map(
    ([id, scenarioId]): Mistake => ({
      case: id,
      mistake: `delivers to ${scenarioId} although isReachable said not to`,
      act: (run) => deliverRegardless(run, scenarioId),
      names: { check: "delivery.reachable-checked" },
    }),
  ),
  {
    case: "MM-09",
    mistake: "retries four times at once after Delivered=false",
    act: (run) => retryAtOnce(run, "operator-not-delivered", 4),
    names: { reason: /tried 4 more times \(at most 3\)/ },
  },
  {
    case: "MM-10",
    mistake: "retries at once after a SOAP fault",
    act: (run) => retryAtOnce(run, "operator-fault", 1),
    names: { reason: /ms after the previous attempt \(at least 1000 ms\)/ },
  },
  {
    case: "MM-11",
    mistake: "retries at once after the call timed out",
    act: (run) => retryAtOnce(run, "operator-timeout", 1),
    names: { reason: /ms after the previous attempt \(at least 1000 ms\)/ },
  },
  {
    case: "MM-12",
    mistake: "sends a message of 2.2 MB",
    act: (run) => deliverRegardless(run, "reachable-kivra", { change: withAttachment(pdfOfSize(2_200_000)) }),
    names: { check: "delivery.size.max-2mb" },
  },
  {
    case: "MM-13",
    mistake: "sends HTML with a script",
    act: (run) =>
      deliverRegardless(run, "reachable-kivra", {
        change: withHtml("<html><head><title>Beslut</title></head><body><script>alert(1)</script><p>Hej</p></body></html>"),
      }),
    names: { check: "delivery.body.html.no-scripts" },
  },
  {
    case: "MM-13",
    mistake: "sends HTML that fetches an image from elsewhere",
    act: (run) =>
      deliverRegardless(run, "reachable-kivra", {
        change: withHtml(
          '<html><head><title>Beslut</title></head><body><p>Hej</p><img src="https://example.se/logo.png" alt="Logotyp"/></body></html>',
        ),
      }),
    names: { check: "delivery.body.html.no-external-resources" },
  },
  {
    case: "MM-14",
    mistake: "leaves the sender's signature out",
    act: (run) => deliverRegardless(run, "reachable-kivra", { seal: { sender: null } }),
    names: { check: "signature.sender" },
  },
  {
    case: "MM-14",
    mistake: "changes the subject after signing",
    act: (run) => deliverRegardless(run, "reachable-kivra", { tamper: (xml) => xml.replace("Beslut om bygglov", "Beslut om rivningslov") }),
    names: { check: "signature.sender" },
  },
  {
    case: "MM-15",
    mistake: "sends in the name of another organisation with its own certificate",
    senderIsAnotherOrganisation: true,
    act: (run) => deliverRegardless(run, "reachable-kivra"),
    names: { check: "sender.registered" },
  },
];

describe("a reference sender that does one thing wrong", () => {
  it("has at least one mistake for every case", () => {
    expect(new Set(MISTAKES.map((m) => m.case))).toEqual(new Set(CONFORMANCE_CASES.map((c) => c.id)));
  });

  it.each(MISTAKES)("$case fails when the sender $mistake", async (m) => {
    const run = m.senderIsAnotherOrganisation
      ? newRun(ownCertificate, { id: `16${OTHER_ORGANISATION.organisationNumber}`, name: OTHER_ORGANISATION.organisationName })
      : newRun();
    await m.act(run);
    const c = CONFORMANCE_CASES.find((x) => x.id === m.case);
    if (!c) throw new Error(`no case ${m.case}`);
    const [result] = evaluateConformance([c], run.events()).results;
    expect(result?.status, result?.reason.en).toBe("fail");
    if ("check" in m.names) expect(result?.failingChecks.map((f) => f.check.id)).toContain(m.names.check);
    else expect(result?.reason.en).toMatch(m.names.reason);
  });
});

describe("calls anyone who knows the address can make", () => {
  it.each([
    ["without a client certificate", () => null],
    ["with another organisation's certificate", () => otherOrganisationsCertificate],
  ] satisfies [string, () => PemCertificate | null][])(
    "are recorded, refused for the certificate, and are not the organisation's evidence: %s",
    async (_, certificate) => {
      const run = newRun(certificate());
      await deliverRegardless(run, "reachable-kivra");
      const recorded = run.allEvents();
      expect(recorded.length).toBeGreaterThan(0);
      for (const event of recorded) {
        expect(event.outcome).toBe("refused");
        expect(event.checks.find((c) => c.id === "sender.client-certificate")?.status).toBe("fail");
      }
      expect(run.events()).toEqual([]);
      const mm15 = CONFORMANCE_CASES.filter((c) => c.id === "MM-15");
      expect(evaluateConformance(mm15, run.events()).results[0]?.status).toBe("not_run");
      // Had they counted, the organisation's report would fail for calls it never made.
      expect(evaluateConformance(mm15, recorded).results[0]?.status).toBe("fail");
    },
  );
});
