import { deliverablesOf } from "../../db/repositories/deliverable-repository.ts";
import { lockInitiative } from "../../db/repositories/initiative-repository.ts";
import { conformanceEventOf } from "../../db/repositories/sandbox-event-mapper.ts";
import { loadTestCalls, loadTestsOf } from "../../db/repositories/sandbox-run-repository.ts";
import { environmentEventsOf, findEnvironmentOfInitiative } from "../../db/repositories/sandbox-setup-repository.ts";
import { format, messagesFor } from "../../i18n/index.ts";
import { numberFormat } from "../../i18n/number-format.ts";
import { CONFORMANCE_CASES } from "../../sandbox/conformance/conformance-cases.ts";
import {
  type ConformanceEvaluation,
  type ConformanceSummary,
  evaluateConformance,
} from "../../sandbox/conformance/evaluate-conformance.ts";
import type { EventOutcome } from "../../sandbox/emulator/events.ts";
import { isRunning, type LoadTestSummary, summariseLoadTest } from "../../sandbox/load-test/load-test-summary.ts";
import { authorize } from "../access/policy.ts";
import { createDeliverable, editDeliverable } from "../deliverables/deliverables.ts";
import { readableInitiative } from "../initiatives/read-initiatives.ts";
import type { UseCaseContext } from "../shared/use-case.ts";

/** The deliverable type the method names for quality assurance at milestone V, and the sections the report fills. */
export const TEST_REPORT_TYPE_ID = "testrapporter";
const CONFORMANCE_SECTION = "kontraktsoverensstammelse";
const PERFORMANCE_SECTION = "prestandatest";

type Ctx = Pick<UseCaseContext, "db" | "actor">;

/**
 * The calls to the initiative's own test environment (from `since` on, when given), evaluated
 * against the conformance cases; an initiative that never enabled one has no calls, so every case
 * is not run. Other initiatives' environments of the same organisation are theirs to report on.
 * Readable by those who use the sandbox: an outsider gets 404 for the initiative, a member
 * without the role 403.
 */
export async function evaluateInitiativeConformance({
  db,
  actor,
  initiativeId,
  since,
}: Ctx & { initiativeId: string; since?: Date | undefined }) {
  const initiative = await readableInitiative({ db, actor }, initiativeId);
  authorize(actor, { action: "sandbox:use", organisationId: initiative.organisationId });
  const environment = await findEnvironmentOfInitiative(db, initiative.id);
  const rows = environment ? await environmentEventsOf(db, environment.id, since) : [];
  const evaluation = evaluateConformance(CONFORMANCE_CASES, rows.map(conformanceEventOf), since ? { since } : {});
  return { initiative, evaluation };
}

/**
 * Records a conformance run as the initiative's testrapporter: the document is created from its
 * template when the initiative has none, and the run's summary is written into its conformance
 * and performance sections through editDeliverable, so it is versioned and audited like any edit
 * and counts in milestone V's basis. The other sections are the project's own and stay as they
 * are. Fastställa stays a human step. The texts hold nothing but the run itself (no time of
 * writing), so a run over unchanged events changes nothing and makes no new version.
 */
export async function createConformanceReport({
  db,
  actor,
  now,
  initiativeId,
  since,
}: UseCaseContext & { initiativeId: string; since?: Date | undefined }): Promise<{
  deliverableId: string;
  version: number;
  summary: ConformanceSummary;
}> {
  const { evaluation } = await evaluateInitiativeConformance({ db, actor, initiativeId, since });
  const loadTest = await latestFinishedLoadTest(db, initiativeId, now);
  // Found or created under the initiative's lock: two reports made at once must not make two testrapporter.
  const deliverableId = await db.transaction(async (tx) => {
    await lockInitiative(tx, initiativeId);
    const existing = (await deliverablesOf(tx, initiativeId)).find((d) => d.typeId === TEST_REPORT_TYPE_ID);
    return (
      existing?.id ?? (await createDeliverable({ db: tx, actor, now, initiativeId, input: { deliverableTypeId: TEST_REPORT_TYPE_ID } })).id
    );
  });
  const edited = await editDeliverable({
    db,
    actor,
    now,
    deliverableId,
    input: { sections: conformanceSections(evaluation, since, loadTest) },
  });
  const latest = edited.versions[edited.versions.length - 1];
  if (!latest) throw new Error("a deliverable without versions");
  return { deliverableId, version: latest.version, summary: evaluation.summary };
}

const t = messagesFor("sv").conformanceReport;
const number = (value: number, digits = 0) => numberFormat("sv", { maximumFractionDigits: digits }).format(value);

/** The environment's latest load test that has ended, with its summary: the performance evidence beside the conformance run. */
async function latestFinishedLoadTest(db: UseCaseContext["db"], initiativeId: string, now: Date): Promise<LoadTestSummary | null> {
  const environment = await findEnvironmentOfInitiative(db, initiativeId);
  const finished = environment ? (await loadTestsOf(db, environment.id)).find((run) => !isRunning(run, now)) : undefined;
  if (!finished) return null;
  const calls = await loadTestCalls(db, finished);
  // Outcomes are written from EmulatorEvent values only (database-recorder.ts).
  return summariseLoadTest(
    finished,
    calls.map((c) => ({ ...c, outcome: c.outcome as EventOutcome })),
    now,
  );
}

/** The run as Markdown for the two template sections, in Swedish like the method's documents. */
export function conformanceSections(
  { results, summary, performance: p }: ConformanceEvaluation,
  since?: Date,
  loadTest?: LoadTestSummary | null,
): Record<string, string> {
  const conformance = [
    t.sectionDisclaimer,
    since ? format(t.callsSince, { since: since.toISOString() }) : t.allCalls,
    `### ${t.summary}`,
    [
      `- ${t.passed}: ${number(summary.passed)}`,
      `- ${t.failed}: ${number(summary.failed)}`,
      `- ${t.notRun}: ${number(summary.notRun)}`,
      `- ${t.total}: ${number(summary.total)}`,
    ].join("\n"),
    `### ${t.cases}`,
    results.map((r) => `- ${r.id} ${r.title.sv}: ${t.status[r.status]}. ${r.reason.sv}`).join("\n"),
  ];
  const latency = (key: "p50" | "p95" | "p99") => (p.latencyMs ? `${number(p.latencyMs[key], 1)} ms` : t.none);
  const performance = [
    t.measuredIn,
    [
      `- ${t.period}: ${p.from && p.to ? `${p.from.toISOString()} – ${p.to.toISOString()}` : t.none}`,
      `- ${t.lookups}: ${number(p.lookups)}`,
      `- ${t.deliveries}: ${number(p.deliveries)}`,
      `- ${t.delivered}: ${number(p.delivered)}`,
      `- ${t.throughput}: ${p.deliveriesPerSecond === null ? t.none : number(p.deliveriesPerSecond, 1)}`,
      `- ${t.latency} p50: ${latency("p50")}`,
      `- ${t.latency} p95: ${latency("p95")}`,
      `- ${t.latency} p99: ${latency("p99")}`,
      `- ${t.notDelivered}: ${number(p.errors.notDelivered)}`,
      `- ${t.faults}: ${number(p.errors.faults)}`,
      `- ${t.timeouts}: ${number(p.errors.timeouts)}`,
      `- ${t.refused}: ${number(p.errors.refused)}`,
      `- ${t.faultCodes}: ${p.faultCodes.length ? p.faultCodes.map((f) => `${f.errorCode}: ${number(f.count)}`).join(", ") : t.none}`,
    ].join("\n"),
  ];
  performance.push(`### ${t.latestLoadTest}`, loadTest ? loadTestLines(loadTest) : t.noLoadTest);
  return { [CONFORMANCE_SECTION]: conformance.join("\n\n"), [PERFORMANCE_SECTION]: performance.join("\n\n") };
}

function loadTestLines(s: LoadTestSummary): string {
  const latency = s.latencyMs
    ? `${number(s.latencyMs.p50, 1)} / ${number(s.latencyMs.p95, 1)} / ${number(s.latencyMs.p99, 1)} / ${number(s.latencyMs.max, 1)} ms`
    : t.none;
  const achieved = s.achievedRate === null ? t.none : format(t.loadTestRate, { rate: number(s.achievedRate, 1) });
  const ofTarget = s.ratio === null ? "" : format(t.loadTestOfTarget, { percent: number(s.ratio * 100, 0) });
  return [
    format(t.loadTestLength, { seconds: number(s.windowSeconds, 1) }),
    format(t.loadTestTargetRate, { rate: number(s.targetRate, 1) }),
    format(t.loadTestAchievedRate, { rate: `${achieved}${ofTarget}` }),
    format(t.loadTestDeliveries, { deliveries: number(s.deliveries), delivered: number(s.delivered) }),
    format(t.loadTestLatency, { latency }),
    format(t.loadTestErrors, {
      faults: number(s.errors.faults),
      timeouts: number(s.errors.timeouts),
      refused: number(s.errors.refused),
      notDelivered: number(s.errors.notDelivered),
      failedChecks: number(s.errors.failedChecks),
    }),
  ]
    .map((line) => `- ${line}`)
    .join("\n");
}
