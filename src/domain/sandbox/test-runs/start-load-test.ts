import { insertLoadTest, lockEnvironment, openLoadTest } from "../../../db/repositories/sandbox-run-repository.ts";
import { findEnvironmentOfInitiative } from "../../../db/repositories/sandbox-setup-repository.ts";
import { summariseLoadTest } from "../../../sandbox/load-test/load-test-summary.ts";
import { recordAudit } from "../../audit/record-audit.ts";
import { DomainError } from "../../shared/domain-error.ts";
import type { UseCaseContext } from "../../shared/use-case.ts";
import { type LoadTestWithSummary, loadTestView } from "./load-test-view.ts";
import { sandboxEnvironmentOf } from "./sandbox-environment-of.ts";

export const LOAD_TEST_LIMITS = { minRate: 0.1, maxRate: 500, minSeconds: 10, maxSeconds: 3600 } as const;

/**
 * Opens a load-test window in the initiative's environment from now: the emulator tags every call
 * in it with the test and keeps no message content. One at a time per environment: the
 * environment's row is locked while the running test is looked for, so two starts cannot both win.
 */
export async function startLoadTest({
  db,
  actor,
  now,
  initiativeId,
  targetRate,
  durationSeconds,
}: UseCaseContext & { initiativeId: string; targetRate: number; durationSeconds: number }): Promise<LoadTestWithSummary> {
  const { initiative } = await sandboxEnvironmentOf({ db, actor }, initiativeId);
  const row = await db.transaction(async (tx) => {
    const found = await findEnvironmentOfInitiative(tx, initiative.id);
    const environment = found && (await lockEnvironment(tx, found.id));
    if (!environment) throw new DomainError("SANDBOX_NOT_ENABLED", "the initiative has no test environment: enable it first");
    if (!environment.enabled) throw new DomainError("SANDBOX_NOT_ENABLED", "the initiative's test environment is disabled");
    // Not "running at now": a start that took the lock before this one may have begun after this request's now.
    const running = await openLoadTest(tx, environment.id, now);
    if (running) throw new DomainError("LOAD_TEST_RUNNING", `load test ${running.id} runs until ${running.endsAt.toISOString()}`);
    const created = await insertLoadTest(tx, {
      environmentId: environment.id,
      targetRate,
      startedAt: now,
      endsAt: new Date(now.getTime() + durationSeconds * 1000),
      createdBy: actor.userId,
    });
    await recordAudit(
      tx,
      actor,
      {
        action: "sandbox.load_test.start",
        entityType: "sandbox_load_test",
        entityId: created.id,
        organisationId: initiative.organisationId,
        after: { initiativeId: initiative.id, targetRate, durationSeconds },
      },
      now,
    );
    return created;
  });
  return { ...loadTestView(row, now), summary: summariseLoadTest(row, [], now) };
}
