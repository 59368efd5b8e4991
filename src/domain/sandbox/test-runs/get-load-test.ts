import { loadTestCalls, loadTestOf, loadTestsOf, type SandboxLoadTestRow } from "../../../db/repositories/sandbox-run-repository.ts";
import type { EventOutcome } from "../../../sandbox/emulator/events.ts";
import { summariseLoadTest } from "../../../sandbox/load-test/load-test-summary.ts";
import { notFound } from "../../shared/domain-error.ts";
import type { UseCaseContext } from "../../shared/use-case.ts";
import { type LoadTestWithSummary, loadTestView } from "./load-test-view.ts";
import { sandboxEnvironmentOf } from "./sandbox-environment-of.ts";

type Ctx = Pick<UseCaseContext, "db" | "actor" | "now">;

export function summarisedLoadTest(
  row: SandboxLoadTestRow,
  calls: Awaited<ReturnType<typeof loadTestCalls>>,
  now: Date,
): LoadTestWithSummary {
  // Outcomes are written from EmulatorEvent values only (database-recorder.ts).
  const events = calls.map((c) => ({ ...c, outcome: c.outcome as EventOutcome }));
  return { ...loadTestView(row, now), summary: summariseLoadTest(row, events, now) };
}

/** The initiative's load tests, newest first; `environment` is null until the initiative enables one. */
export async function listLoadTests({ db, actor, now, initiativeId }: Ctx & { initiativeId: string }) {
  const { initiative, environment } = await sandboxEnvironmentOf({ db, actor }, initiativeId);
  const rows = environment ? await loadTestsOf(db, environment.id) : [];
  return {
    initiative,
    environment: environment && { id: environment.id, slug: environment.slug, enabled: environment.enabled },
    loadTests: rows.map((r) => loadTestView(r, now)),
  };
}

/** One load test with its summary, up to now while it runs. */
export async function getLoadTest({ db, actor, now, initiativeId, loadTestId }: Ctx & { initiativeId: string; loadTestId: string }) {
  const { initiative, environment } = await sandboxEnvironmentOf({ db, actor }, initiativeId);
  const row = environment ? await loadTestOf(db, environment.id, loadTestId) : null;
  if (!row) throw notFound("load test");
  return { initiative, loadTest: summarisedLoadTest(row, await loadTestCalls(db, row), now) };
}
