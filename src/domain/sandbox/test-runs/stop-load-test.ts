import { loadTestCalls, loadTestOf, stopLoadTest as stopLoadTestRow } from "../../../db/repositories/sandbox-run-repository.ts";
import { isRunning } from "../../../sandbox/load-test/load-test-summary.ts";
import { recordAudit } from "../../audit/record-audit.ts";
import { DomainError, notFound } from "../../shared/domain-error.ts";
import type { UseCaseContext } from "../../shared/use-case.ts";
import { summarisedLoadTest } from "./get-load-test.ts";
import type { LoadTestWithSummary } from "./load-test-view.ts";
import { sandboxEnvironmentOf } from "./sandbox-environment-of.ts";

/** Closes a running load test's window now; calls after it are ordinary calls again. */
export async function stopLoadTest({
  db,
  actor,
  now,
  initiativeId,
  loadTestId,
}: UseCaseContext & { initiativeId: string; loadTestId: string }): Promise<LoadTestWithSummary> {
  const { initiative, environment } = await sandboxEnvironmentOf({ db, actor }, initiativeId);
  const run = environment ? await loadTestOf(db, environment.id, loadTestId) : null;
  if (!run) throw notFound("load test");
  if (!isRunning(run, now)) throw new DomainError("LOAD_TEST_NOT_RUNNING", "the load test has already ended");
  const stopped = await db.transaction(async (tx) => {
    // Only a run still open is stopped: of two stops at the same moment, the second finds none.
    const row = await stopLoadTestRow(tx, run.id, now);
    if (!row) throw new DomainError("LOAD_TEST_NOT_RUNNING", "the load test has already ended");
    await recordAudit(
      tx,
      actor,
      {
        action: "sandbox.load_test.stop",
        entityType: "sandbox_load_test",
        entityId: run.id,
        organisationId: initiative.organisationId,
        before: { endsAt: run.endsAt.toISOString() },
        after: { stoppedAt: now.toISOString() },
      },
      now,
    );
    return row;
  });
  return summarisedLoadTest(stopped, await loadTestCalls(db, stopped), now);
}
