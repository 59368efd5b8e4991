import { environmentCall, environmentCalls } from "../../../db/repositories/sandbox-run-repository.ts";
import type { EventOutcome } from "../../../sandbox/emulator/events.ts";
import { notFound } from "../../shared/domain-error.ts";
import type { UseCaseContext } from "../../shared/use-case.ts";
import { sandboxEnvironmentOf } from "./sandbox-environment-of.ts";
import { callSummary } from "./test-run-call-view.ts";

export const CALLS_PER_PAGE = 50;

/**
 * The calls the initiative's environment received, newest first, a page at a time: `before` is
 * the last call of the previous page, so a page stays the same while new calls arrive.
 */
export async function listTestRunCalls({
  db,
  actor,
  initiativeId,
  before,
  outcome,
}: Pick<UseCaseContext, "db" | "actor"> & { initiativeId: string; before?: string | undefined; outcome?: EventOutcome | undefined }) {
  const { initiative, environment } = await sandboxEnvironmentOf({ db, actor }, initiativeId);
  if (!environment) return { initiative, environment: null, calls: [], nextBefore: null };
  let cursor: { at: Date; id: string } | undefined;
  if (before) {
    const last = await environmentCall(db, environment.id, before);
    if (!last) throw notFound("call");
    cursor = { at: last.at, id: last.id };
  }
  const rows = await environmentCalls(db, environment.id, { before: cursor, outcome, limit: CALLS_PER_PAGE + 1 });
  const page = rows.slice(0, CALLS_PER_PAGE);
  return {
    initiative,
    environment: { id: environment.id, slug: environment.slug, enabled: environment.enabled },
    calls: page.map(callSummary),
    nextBefore: rows.length > CALLS_PER_PAGE ? (page.at(-1)?.id ?? null) : null,
  };
}
