import type { SandboxLoadTestRow } from "../../../db/repositories/sandbox-run-repository.ts";
import { isRunning, type LoadTestSummary } from "../../../sandbox/load-test/load-test-summary.ts";

export type LoadTestStatus = "running" | "finished" | "stopped";

export const loadTestStatus = (row: SandboxLoadTestRow, now: Date): LoadTestStatus =>
  isRunning(row, now) ? "running" : row.stoppedAt && row.stoppedAt < row.endsAt ? "stopped" : "finished";

/** A load test as the API and the pages show it. */
export function loadTestView(row: SandboxLoadTestRow, now: Date) {
  return {
    id: row.id,
    targetRate: row.targetRate,
    durationSeconds: Math.round((row.endsAt.getTime() - row.startedAt.getTime()) / 1000),
    startedAt: row.startedAt.toISOString(),
    endsAt: row.endsAt.toISOString(),
    stoppedAt: row.stoppedAt?.toISOString() ?? null,
    status: loadTestStatus(row, now),
  };
}
export type LoadTestView = ReturnType<typeof loadTestView>;
export type LoadTestWithSummary = LoadTestView & { summary: LoadTestSummary };
