import type { Check, CheckId } from "../checks/check.ts";
import type { EmulatorEvent, EventOutcome } from "../emulator/events.ts";
import { EMULATOR_ERROR_CODES } from "../emulator/fault-codes.ts";
import { SCENARIOS, type Scenario, type ScenarioId } from "../recipients/scenarios.ts";
import type { Bilingual, ConformanceCase, ConformanceCaseId } from "./conformance-cases.ts";

/**
 * Decides every conformance case from what the emulator recorded, and sums up the run's
 * performance. Pure: the caller loads the events (memory or sandbox_events) and passes them in.
 *
 * The rules, per case (a case is "not_run" when no event exercises it):
 * - MM-01, MM-02, MM-03, MM-13 (a delivery that must succeed): passes when at least one delivery
 *   of the case's kind was answered Delivered=true, came after an isReachable by the same sender
 *   for that recipient and failed no check. Fails when such deliveries exist but none did.
 * - MM-04: every delivery to a recipient the scenarios say may be reached follows an isReachable,
 *   passes delivery.reachable-checked and delivery.service-address, and at least two operators
 *   were called (routing by ServiceAdress is otherwise not shown).
 * - MM-05…MM-08 (a recipient who must not get a digital delivery): passes when the sender looked
 *   the recipient up and made no deliverSecure to it. Delivering fails the case even when the
 *   emulator answered with a fault: the decision is the sender's (technical.md §5.1), and a real
 *   operator may well accept what the sender should never have sent.
 * - MM-09…MM-11 (an unsuccessful answer the sender must handle): passes when a proper delivery
 *   (after isReachable, no failing check) got the scenario's answer (Delivered=false, a SOAP
 *   fault, a timeout) and the sender then made at most MAX_RETRIES further deliveries to that
 *   recipient, each at least MIN_RETRY_GAP_MS after the previous one started. Start to start,
 *   because a sender's own timeout ends a held call long before the emulator records its close.
 *   What the sender does besides (paper, logging the CallId) the emulator cannot see.
 * - MM-12: fails when any call went over 2 MB (a failing size check, or a Service call refused
 *   as too large); passes when a delivery of at least LARGE_DELIVERY_BYTES was delivered without
 *   failing checks; not run when no delivery was that large.
 * - MM-14: fails when any delivery failed a signature or Seal check (the strict XML-DSig checks
 *   only ever warn); passes when a delivered message had both signatures verified.
 * - MM-15: fails when any call failed sender.client-certificate (refused calls included) or
 *   sender.registered; passes when a delivery passed both.
 */

/** What the evaluation reads of an event: EmulatorEvent fits, and so does a sandbox_events row mapped back. */
export type ConformanceEvent = Pick<
  EmulatorEvent,
  | "callId"
  | "receivedAt"
  | "durationMs"
  | "endpoint"
  | "operation"
  | "operatorId"
  | "senderOrgNr"
  | "recipientIds"
  | "requestBytes"
  | "outcome"
  | "checks"
> & { fault: { errorCode: number } | null };

export type ConformanceStatus = "pass" | "fail" | "not_run";

export type ConformanceResult = {
  id: ConformanceCaseId;
  title: Bilingual;
  status: ConformanceStatus;
  /** The calls (callId) and checks the decision rests on. */
  evidence: { callIds: readonly string[]; checkIds: readonly CheckId[] };
  reason: Bilingual;
  /** The failing checks behind a "fail", with the call each came from. */
  failingChecks: readonly { callId: string; check: Check }[];
};

export type ConformanceSummary = { total: number; passed: number; failed: number; notRun: number };

export type ConformancePerformance = {
  from: Date | null;
  to: Date | null;
  lookups: number;
  deliveries: number;
  delivered: number;
  /** Deliveries over the time from the first one's arrival to the last one's end; null for fewer than two. */
  deliveriesPerSecond: number | null;
  /** Deliveries that were answered (Delivered true or false, or a fault); timeouts are counted, not timed. */
  latencyMs: { p50: number; p95: number; p99: number; max: number } | null;
  errors: { notDelivered: number; faults: number; timeouts: number; refused: number };
  /** The emulator's own ErrorCode mapping (fault-codes.ts), not the official one. */
  faultCodes: readonly { errorCode: number; count: number }[];
};

export type ConformanceEvaluation = {
  results: ConformanceResult[];
  summary: ConformanceSummary;
  performance: ConformancePerformance;
};

export const MAX_RETRIES = 3;
export const MIN_RETRY_GAP_MS = 1000;
export const LARGE_DELIVERY_BYTES = 1024 * 1024;

/**
 * The event does not record the delivery's shape (attachments, body type); the content checks
 * pass with these words when there is nothing to inspect (content-checks.ts), which the tests pin.
 */
export const NOTHING_TO_INSPECT = { attachments: "no attachments", html: "no text/html body" } as const;

export function evaluateConformance(
  cases: readonly ConformanceCase[],
  events: readonly ConformanceEvent[],
  options: { since?: Date; scenarios?: readonly Scenario[] } = {},
): ConformanceEvaluation {
  const { since } = options;
  const inRun = events.filter((e) => !since || e.receivedAt >= since).sort((a, b) => a.receivedAt.getTime() - b.receivedAt.getTime());
  const context = makeContext(inRun, options.scenarios ?? SCENARIOS);
  const results = cases.map((c): ConformanceResult => ({ id: c.id, title: c.title, ...RULES[c.id](context, c) }));
  return { results, summary: summarise(results), performance: measure(inRun) };
}

type Decision = Omit<ConformanceResult, "id" | "title">;
type Context = {
  events: readonly ConformanceEvent[];
  lookups: readonly ConformanceEvent[];
  /** The answered isReachable calls per sender and recipient, in time order: a load test has many. */
  lookupsFor: ReadonlyMap<string, readonly ConformanceEvent[]>;
  deliveries: readonly ConformanceEvent[];
  scenarios: readonly Scenario[];
};

const lookupKey = (senderOrgNr: string | null, recipientId: string) => `${senderOrgNr ?? ""} ${recipientId}`;

function makeContext(events: readonly ConformanceEvent[], scenarios: readonly Scenario[]): Context {
  const lookups = events.filter((e) => e.operation === "isReachable" && e.outcome === "answered");
  const lookupsFor = new Map<string, ConformanceEvent[]>();
  for (const l of lookups) {
    for (const r of l.recipientIds) {
      const key = lookupKey(l.senderOrgNr, r);
      const list = lookupsFor.get(key) ?? [];
      list.push(l);
      lookupsFor.set(key, list);
    }
  }
  return { events, lookups, lookupsFor, deliveries: events.filter((e) => e.operation === "deliverSecure"), scenarios };
}

const recipientOf = (e: ConformanceEvent) => e.recipientIds[0] ?? "";
const failingChecks = (e: ConformanceEvent) => e.checks.filter((c) => c.status === "fail").map((check) => ({ callId: e.callId, check }));
const checkStatus = (e: ConformanceEvent, id: CheckId) => e.checks.find((c) => c.id === id)?.status;
const ids = (events: readonly ConformanceEvent[]) => events.map((e) => e.callId);
const unique = <T>(items: readonly T[]) => [...new Set(items)];

function recipientsOf(context: Context, pick: (s: Scenario) => boolean): Set<string> {
  return new Set(context.scenarios.filter(pick).map((s) => s.recipientId));
}
const byIds = (scenarioIds: readonly ScenarioId[]) => (s: Scenario) => (scenarioIds as readonly string[]).includes(s.id);
/** Recipients a delivery reaches: the sender may deliver and the operator answers Delivered=true. */
const reachable = (s: Scenario) => s.expected.deliver && s.operatorBehaviour === "delivered";
const deliverable = (s: Scenario) => s.expected.deliver;

/** The isReachable by the same sender for the delivery's recipient, latest before it. */
function lookupBefore(context: Context, delivery: ConformanceEvent): ConformanceEvent | undefined {
  const list = context.lookupsFor.get(lookupKey(delivery.senderOrgNr, recipientOf(delivery))) ?? [];
  // Binary search: in a load test every delivery has its own look-up of the same recipient.
  let [low, high] = [0, list.length];
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((list[middle] as ConformanceEvent).receivedAt <= delivery.receivedAt) low = middle + 1;
    else high = middle;
  }
  return list[low - 1];
}

const OUTCOME: Record<EventOutcome, Bilingual> = {
  answered: { sv: "besvarat", en: "answered" },
  delivered: { sv: "Delivered=true", en: "Delivered=true" },
  "not-delivered": { sv: "Delivered=false", en: "Delivered=false" },
  fault: { sv: "SOAP-fel", en: "a SOAP fault" },
  timeout: { sv: "inget svar (tidsgräns)", en: "no answer (timeout)" },
  refused: { sv: "avvisat", en: "refused" },
};

/** Why a delivery does not count as a proper one with the wanted answer; null when it does. */
function problem(context: Context, d: ConformanceEvent, wanted: EventOutcome): Bilingual | null {
  if (!lookupBefore(context, d)) {
    return {
      sv: `Anrop ${d.callId}: deliverSecure till ${recipientOf(d)} utan isReachable för mottagaren före.`,
      en: `Call ${d.callId}: deliverSecure to ${recipientOf(d)} without an isReachable for that recipient first.`,
    };
  }
  const bad = failingChecks(d).map((f) => f.check.id);
  if (bad.length) {
    return {
      sv: `Anrop ${d.callId}: underkända kontroller ${bad.join(", ")}.`,
      en: `Call ${d.callId}: failing checks ${bad.join(", ")}.`,
    };
  }
  if (d.outcome !== wanted) {
    return {
      sv: `Anrop ${d.callId}: svaret blev ${OUTCOME[d.outcome].sv}, inte ${OUTCOME[wanted].sv}.`,
      en: `Call ${d.callId}: the answer was ${OUTCOME[d.outcome].en}, not ${OUTCOME[wanted].en}.`,
    };
  }
  return null;
}

const notRun = (reason: Bilingual): Decision => ({ status: "not_run", evidence: { callIds: [], checkIds: [] }, reason, failingChecks: [] });

function failed(reason: Bilingual, events: readonly ConformanceEvent[], checkIds: readonly CheckId[] = []): Decision {
  const failing = events.flatMap(failingChecks);
  return {
    status: "fail",
    evidence: { callIds: unique(ids(events)), checkIds: unique([...checkIds, ...failing.map((f) => f.check.id)]) },
    reason,
    failingChecks: failing,
  };
}

const passed = (reason: Bilingual, events: readonly ConformanceEvent[], checkIds: readonly CheckId[]): Decision => ({
  status: "pass",
  evidence: { callIds: unique(ids(events)), checkIds },
  reason,
  failingChecks: [],
});

type Shape = { test: (e: ConformanceEvent) => boolean; sv: string; en: string };

const hasPdfAttachment: Shape = {
  test: (e) => checkStatus(e, "delivery.attachment.pdf-magic") === "pass" && !hasMessage(e, "delivery.attachment.pdf-magic", "attachments"),
  sv: " med PDF-bilaga",
  en: " with a PDF attachment",
};
const hasHtmlBody: Shape = {
  test: (e) => e.checks.some((c) => c.id === "delivery.body.html.well-formed") && !hasMessage(e, "delivery.body.html.well-formed", "html"),
  sv: " med HTML-brödtext",
  en: " with an HTML body",
};
const hasMessage = (e: ConformanceEvent, id: CheckId, nothing: keyof typeof NOTHING_TO_INSPECT) =>
  e.checks.find((c) => c.id === id)?.message === NOTHING_TO_INSPECT[nothing];

function deliveredTo(context: Context, c: ConformanceCase, recipients: Set<string>, shape?: Shape): Decision {
  const candidates = context.deliveries.filter((d) => recipients.has(recipientOf(d)) && (shape?.test(d) ?? true));
  const what = { sv: `deliverSecure${shape?.sv ?? ""}`, en: `deliverSecure${shape?.en ?? ""}` };
  const names = context.scenarios
    .filter((s) => recipients.has(s.recipientId))
    .map((s) => s.id)
    .join(", ");
  if (!candidates.length) {
    return notRun({ sv: `Ingen ${what.sv} till ${names}.`, en: `No ${what.en} to ${names}.` });
  }
  const ok = candidates.find((d) => !problem(context, d, "delivered"));
  if (!ok) {
    const first = candidates[0] as ConformanceEvent;
    return failed(problem(context, first, "delivered") as Bilingual, candidates);
  }
  const lookup = lookupBefore(context, ok) as ConformanceEvent;
  return passed(
    {
      sv: `Anrop ${ok.callId}: ${what.sv} till ${recipientOf(ok)} levererades efter isReachable (anrop ${lookup.callId}) utan underkända kontroller.`,
      en: `Call ${ok.callId}: ${what.en} to ${recipientOf(ok)} was delivered after isReachable (call ${lookup.callId}), failing no check.`,
    },
    [lookup, ok],
    c.checks.filter((id) => checkStatus(ok, id) === "pass"),
  );
}

function mustNotDeliver(context: Context, scenarioId: ScenarioId): Decision {
  const recipients = recipientsOf(context, byIds([scenarioId]));
  const deliveries = context.deliveries.filter((d) => recipients.has(recipientOf(d)));
  const first = deliveries[0];
  if (first) {
    return failed(
      {
        sv: `Anrop ${first.callId}: deliverSecure till ${scenarioId} (${recipientOf(first)}), som inte ska få digital post; svaret blev ${OUTCOME[first.outcome].sv}.`,
        en: `Call ${first.callId}: deliverSecure to ${scenarioId} (${recipientOf(first)}), who must not get digital mail; the answer was ${OUTCOME[first.outcome].en}.`,
      },
      deliveries,
      ["delivery.reachable-checked"],
    );
  }
  const lookups = context.lookups.filter((l) => l.recipientIds.some((r) => recipients.has(r)));
  if (!lookups.length) return notRun({ sv: `Ingen isReachable för ${scenarioId}.`, en: `No isReachable for ${scenarioId}.` });
  return passed(
    {
      sv: `Mottagaren ${scenarioId} slogs upp (anrop ${lookups[0]?.callId}) och fick ingen leverans.`,
      en: `The recipient ${scenarioId} was looked up (call ${lookups[0]?.callId}) and got no delivery.`,
    },
    lookups,
    [],
  );
}

function handlesUnsuccessful(context: Context, scenarioId: ScenarioId, wanted: "not-delivered" | "fault" | "timeout"): Decision {
  const recipients = recipientsOf(context, byIds([scenarioId]));
  const candidates = context.deliveries.filter((d) => recipients.has(recipientOf(d)));
  if (!candidates.length) return notRun({ sv: `Ingen deliverSecure till ${scenarioId}.`, en: `No deliverSecure to ${scenarioId}.` });
  const start = candidates.findIndex((d) => !problem(context, d, wanted));
  if (start < 0) return failed(problem(context, candidates[0] as ConformanceEvent, wanted) as Bilingual, candidates);
  const attempts = candidates.slice(start);
  const first = attempts[0] as ConformanceEvent;
  const retries = attempts.length - 1;
  if (retries > MAX_RETRIES) {
    return failed(
      {
        sv: `Efter ${OUTCOME[wanted].sv} i anrop ${first.callId} försökte avsändaren ${retries} gånger till (högst ${MAX_RETRIES}).`,
        en: `After ${OUTCOME[wanted].en} in call ${first.callId} the sender tried ${retries} more times (at most ${MAX_RETRIES}).`,
      },
      attempts,
    );
  }
  for (let i = 1; i < attempts.length; i++) {
    const [previous, next] = [attempts[i - 1] as ConformanceEvent, attempts[i] as ConformanceEvent];
    const gap = next.receivedAt.getTime() - previous.receivedAt.getTime();
    if (gap < MIN_RETRY_GAP_MS) {
      return failed(
        {
          sv: `Anrop ${next.callId} kom ${gap} ms efter föregående försök (minst ${MIN_RETRY_GAP_MS} ms).`,
          en: `Call ${next.callId} came ${gap} ms after the previous attempt (at least ${MIN_RETRY_GAP_MS} ms).`,
        },
        attempts,
      );
    }
  }
  return passed(
    {
      sv: `Anrop ${first.callId} fick ${OUTCOME[wanted].sv}; avsändaren försökte därefter ${retries} gånger till, inom gränserna.`,
      en: `Call ${first.callId} got ${OUTCOME[wanted].en}; the sender then tried ${retries} more times, within the limits.`,
    },
    [lookupBefore(context, first) as ConformanceEvent, ...attempts],
    ["delivery.reachable-checked"],
  );
}

function routing(context: Context): Decision {
  const recipients = recipientsOf(context, deliverable);
  const deliveries = context.deliveries.filter((d) => recipients.has(recipientOf(d)));
  if (!deliveries.length) return notRun({ sv: "Ingen leverans till en nåbar mottagare.", en: "No delivery to a reachable recipient." });
  const offender = deliveries.find(
    (d) =>
      !lookupBefore(context, d) ||
      checkStatus(d, "delivery.reachable-checked") === "fail" ||
      checkStatus(d, "delivery.service-address") === "fail",
  );
  if (offender) {
    const reason = lookupBefore(context, offender)
      ? {
          sv: `Anrop ${offender.callId}: leveransen till ${recipientOf(offender)} gick inte till den ServiceAdress som isReachable gav.`,
          en: `Call ${offender.callId}: the delivery to ${recipientOf(offender)} did not go to the ServiceAdress isReachable gave.`,
        }
      : (problem(context, offender, offender.outcome) as Bilingual);
    return failed(reason, [offender], ["delivery.reachable-checked", "delivery.service-address"]);
  }
  const operators = unique(deliveries.filter((d) => d.outcome !== "refused").flatMap((d) => (d.operatorId ? [d.operatorId] : [])));
  if (operators.length < 2) {
    return failed(
      {
        sv: `Leveranser gick bara till en operatör (${operators.join(", ") || "ingen"}); routning efter ServiceAdress är inte visad.`,
        en: `Deliveries went to one operator only (${operators.join(", ") || "none"}); routing by ServiceAdress is not shown.`,
      },
      deliveries,
    );
  }
  return passed(
    {
      sv: `Alla ${deliveries.length} leveranser till nåbara mottagare föregicks av isReachable och gick till given ServiceAdress (${operators.join(", ")}).`,
      en: `All ${deliveries.length} deliveries to reachable recipients followed an isReachable and went to the ServiceAdress given (${operators.join(", ")}).`,
    },
    deliveries,
    ["delivery.reachable-checked", "delivery.service-address"],
  );
}

function sizeLimit(context: Context): Decision {
  const over = context.events.filter(
    (e) =>
      e.checks.some((c) => (c.id === "delivery.size.max-2mb" || c.id === "xml.size-limit") && c.status === "fail") ||
      (e.endpoint === "service" && e.outcome === "refused" && e.fault?.errorCode === EMULATOR_ERROR_CODES.tooLarge),
  );
  const first = over[0];
  if (first) {
    return failed(
      {
        sv: `Anrop ${first.callId} var ${first.requestBytes} byte, över gränsen på 2 MB.`,
        en: `Call ${first.callId} was ${first.requestBytes} bytes, over the 2 MB limit.`,
      },
      over,
      ["delivery.size.max-2mb"],
    );
  }
  const large = context.deliveries.filter((d) => d.requestBytes >= LARGE_DELIVERY_BYTES);
  if (!large.length) {
    return notRun({ sv: "Ingen leverans på minst 1 MB.", en: "No delivery of at least 1 MB." });
  }
  const ok = large.find((d) => !problem(context, d, "delivered"));
  if (!ok) return failed(problem(context, large[0] as ConformanceEvent, "delivered") as Bilingual, large);
  return passed(
    {
      sv: `Anrop ${ok.callId} på ${ok.requestBytes} byte levererades inom gränsen; inget anrop var över 2 MB.`,
      en: `Call ${ok.callId} of ${ok.requestBytes} bytes was delivered within the limit; no call was over 2 MB.`,
    },
    [ok],
    ["delivery.size.max-2mb"],
  );
}

const isSignatureCheck = (id: CheckId) =>
  (id.startsWith("signature.") && id !== "signature.intermediary.client-certificate") || id.startsWith("seal.");

function signatures(context: Context): Decision {
  const bad = context.deliveries.filter((d) => d.checks.some((c) => c.status === "fail" && isSignatureCheck(c.id)));
  const first = bad[0];
  if (first) {
    const failing = first.checks.filter((c) => c.status === "fail" && isSignatureCheck(c.id)).map((c) => c.id);
    return {
      ...failed(
        {
          sv: `Anrop ${first.callId}: underkända signaturkontroller ${failing.join(", ")}.`,
          en: `Call ${first.callId}: failing signature checks ${failing.join(", ")}.`,
        },
        bad,
      ),
      failingChecks: bad.flatMap((d) => failingChecks(d).filter((f) => isSignatureCheck(f.check.id))),
    };
  }
  const ok = context.deliveries.find(
    (d) =>
      d.outcome === "delivered" && checkStatus(d, "signature.sender") === "pass" && checkStatus(d, "signature.intermediary") === "pass",
  );
  if (!ok) {
    return notRun({
      sv: "Ingen levererad försändelse med verifierade signaturer.",
      en: "No delivered message with verified signatures.",
    });
  }
  return passed(
    {
      sv: `Anrop ${ok.callId}: avsändarens och förmedlarens signaturer verifierades; ingen leverans underkändes på signatur.`,
      en: `Call ${ok.callId}: the sender's and the förmedlare's signatures verified; no delivery failed a signature check.`,
    },
    [ok],
    ["signature.sender", "signature.intermediary"],
  );
}

function clientCertificate(context: Context): Decision {
  const identity: readonly CheckId[] = ["sender.client-certificate", "sender.registered"];
  const bad = context.events.filter((e) => e.checks.some((c) => c.status === "fail" && identity.includes(c.id)));
  const first = bad[0];
  if (first) {
    const check = first.checks.find((c) => c.status === "fail" && identity.includes(c.id)) as Check;
    return {
      ...failed({ sv: `Anrop ${first.callId}: ${check.id} underkänd.`, en: `Call ${first.callId}: ${check.id} failed.` }, bad, identity),
      failingChecks: bad.flatMap((e) => failingChecks(e).filter((f) => identity.includes(f.check.id))),
    };
  }
  const ok = context.deliveries.find((d) => identity.every((id) => checkStatus(d, id) === "pass"));
  if (!ok) return notRun({ sv: "Ingen leverans med kontrollerat klientcertifikat.", en: "No delivery with a checked client certificate." });
  return passed(
    {
      sv: `Anrop ${ok.callId}: registrerad avsändare med matchande klientcertifikat; inget anrop avvisat för certifikatet.`,
      en: `Call ${ok.callId}: a registered sender with a matching client certificate; no call refused for its certificate.`,
    },
    [ok],
    identity,
  );
}

const RULES: Record<ConformanceCaseId, (context: Context, c: ConformanceCase) => Decision> = {
  "MM-01": (x, c) =>
    deliveredTo(
      x,
      c,
      recipientsOf(x, (s) => reachable(s) && s.recipientKind === "personnummer"),
      hasPdfAttachment,
    ),
  "MM-02": (x, c) => deliveredTo(x, c, recipientsOf(x, byIds(["reachable-samordningsnummer"]))),
  "MM-03": (x, c) => deliveredTo(x, c, recipientsOf(x, byIds(["reachable-organisation"]))),
  "MM-04": (x) => routing(x),
  "MM-05": (x) => mustNotDeliver(x, "no-mailbox"),
  "MM-06": (x) => mustNotDeliver(x, "sender-not-accepted"),
  "MM-07": (x) => mustNotDeliver(x, "mailbox-pending"),
  "MM-08": (x) => mustNotDeliver(x, "minor"),
  "MM-09": (x) => handlesUnsuccessful(x, "operator-not-delivered", "not-delivered"),
  "MM-10": (x) => handlesUnsuccessful(x, "operator-fault", "fault"),
  "MM-11": (x) => handlesUnsuccessful(x, "operator-timeout", "timeout"),
  "MM-12": (x) => sizeLimit(x),
  "MM-13": (x, c) => deliveredTo(x, c, recipientsOf(x, reachable), hasHtmlBody),
  "MM-14": (x) => signatures(x),
  "MM-15": (x) => clientCertificate(x),
};

function summarise(results: readonly ConformanceResult[]): ConformanceSummary {
  const count = (status: ConformanceStatus) => results.filter((r) => r.status === status).length;
  return { total: results.length, passed: count("pass"), failed: count("fail"), notRun: count("not_run") };
}

/** Nearest-rank percentile of values sorted ascending. */
export function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? 0;
}

function measure(events: readonly ConformanceEvent[]): ConformancePerformance {
  const deliveries = events.filter((e) => e.operation === "deliverSecure");
  const answered = deliveries
    .filter((d) => d.outcome === "delivered" || d.outcome === "not-delivered" || d.outcome === "fault")
    .map((d) => d.durationMs)
    .sort((a, b) => a - b);
  const end = (e: ConformanceEvent) => e.receivedAt.getTime() + e.durationMs;
  // reduce, not Math.max(...): a load test's events are too many to spread as arguments.
  const latestEnd = (list: readonly ConformanceEvent[]) => list.reduce((latest, e) => Math.max(latest, end(e)), 0);
  const first = deliveries[0];
  const span = first && deliveries.length > 1 ? (latestEnd(deliveries) - first.receivedAt.getTime()) / 1000 : 0;
  const codes = new Map<number, number>();
  for (const e of events) if (e.fault) codes.set(e.fault.errorCode, (codes.get(e.fault.errorCode) ?? 0) + 1);
  const count = (outcome: EventOutcome) => events.filter((e) => e.outcome === outcome).length;
  return {
    from: events[0]?.receivedAt ?? null,
    to: events.length ? new Date(latestEnd(events)) : null,
    lookups: events.filter((e) => e.operation === "isReachable").length,
    deliveries: deliveries.length,
    delivered: deliveries.filter((d) => d.outcome === "delivered").length,
    deliveriesPerSecond: span > 0 ? deliveries.length / span : null,
    latencyMs: answered.length
      ? {
          p50: percentile(answered, 50),
          p95: percentile(answered, 95),
          p99: percentile(answered, 99),
          max: answered[answered.length - 1] ?? 0,
        }
      : null,
    errors: { notDelivered: count("not-delivered"), faults: count("fault"), timeouts: count("timeout"), refused: count("refused") },
    faultCodes: [...codes].sort((a, b) => a[0] - b[0]).map(([errorCode, n]) => ({ errorCode, count: n })),
  };
}
