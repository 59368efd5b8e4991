import type { Actor } from "../../../domain/access/actor.ts";
import { getLoadTest, listLoadTests } from "../../../domain/sandbox/test-runs/get-load-test.ts";
import { startLoadTest } from "../../../domain/sandbox/test-runs/start-load-test.ts";
import { stopLoadTest } from "../../../domain/sandbox/test-runs/stop-load-test.ts";
import { formNumber } from "../../../domain/shared/swedish-number.ts";
import type { FormErrors } from "../../../ui/page-context.ts";
import { type LoadTestFormValues, LoadTestListPage } from "../../../ui/pages/sandbox/load-test-list-page.tsx";
import { LoadTestPage } from "../../../ui/pages/sandbox/load-test-page.tsx";
import { loadTestHref, sandboxHref } from "../../../ui/pages/sandbox/test-run-parts.tsx";
import type { AppScope } from "../../app-scope.ts";
import { str } from "../../form.ts";
import { type FormState, type PageView, redirect, show } from "../../page-route.ts";
import { ids } from "../../path-id.ts";
import { LoadTestInput } from "./test-run.schema.ts";

/** Swedish writes 0,5 where the API takes 0.5; an empty field stays empty so it is reported as missing. */

export function loadTestPages({ page, db }: AppScope) {
  /** The list with the start form, as it was filled in when it is shown again with errors. */
  const listPage = async (
    { actor, now, params: { initiativeId } }: { actor: Actor; now: Date; params: { initiativeId: string } },
    form: { values?: LoadTestFormValues; errors?: FormErrors; problem?: "alreadyRunning" | "notEnabledForLoad" } = {},
  ): Promise<PageView> => {
    const { environment, loadTests } = await listLoadTests({ db, actor, now, initiativeId });
    return (ctx) => (
      <LoadTestListPage
        ctx={ctx}
        initiativeId={initiativeId}
        sandboxHref={sandboxHref(initiativeId)}
        environment={environment}
        loadTests={loadTests}
        {...form}
      />
    );
  };

  page({
    method: "GET",
    url: "/initiatives/:initiativeId/sandbox/load-tests",
    access: "session",
    params: ids("initiativeId"),
    render: (input) => listPage(input),
  });

  page({
    method: "POST",
    url: "/initiatives/:initiativeId/sandbox/load-tests",
    access: "session",
    params: ids("initiativeId"),
    form: {
      read: (form): LoadTestFormValues => ({ targetRate: str(form, "targetRate"), durationSeconds: str(form, "durationSeconds") }),
      schema: LoadTestInput,
      input: (values) => ({ targetRate: formNumber(values.targetRate), durationSeconds: formNumber(values.durationSeconds) }),
    },
    render: ({
      form,
      ...input
    }: {
      actor: Actor;
      now: Date;
      params: { initiativeId: string };
      form?: FormState<LoadTestFormValues> | undefined;
    }) => listPage(input, form ?? {}),
    handle: async ({ actor, now, m, params: { initiativeId }, data }) => {
      const run = await startLoadTest({ db, actor, now, initiativeId, ...data });
      return redirect(loadTestHref(initiativeId, run.id), m.sandboxRuns.started);
    },
    refused: async (e, input) =>
      e.code === "LOAD_TEST_RUNNING" || e.code === "SANDBOX_NOT_ENABLED"
        ? show(
            await listPage(input, {
              values: input.shown,
              problem: e.code === "LOAD_TEST_RUNNING" ? "alreadyRunning" : "notEnabledForLoad",
            }),
            409,
          )
        : undefined,
  });

  page({
    method: "GET",
    url: "/initiatives/:initiativeId/sandbox/load-tests/:loadTestId",
    access: "session",
    params: ids("initiativeId", "loadTestId"),
    render: async ({ actor, now, params: { initiativeId, loadTestId } }) => {
      const { loadTest } = await getLoadTest({ db, actor, now, initiativeId, loadTestId });
      return (ctx) => <LoadTestPage ctx={ctx} initiativeId={initiativeId} loadTest={loadTest} />;
    },
  });

  page({
    method: "POST",
    url: "/initiatives/:initiativeId/sandbox/load-tests/:loadTestId/stop",
    access: "session",
    params: ids("initiativeId", "loadTestId"),
    handle: async ({ actor, now, m, params: { initiativeId, loadTestId } }) => {
      await stopLoadTest({ db, actor, now, initiativeId, loadTestId });
      return redirect(loadTestHref(initiativeId, loadTestId), m.sandboxRuns.stopped);
    },
    // Stopped meanwhile (or finished): said on the run's page, which shows how it ended.
    refused: (e, { m, params: { initiativeId, loadTestId } }) =>
      e.code === "LOAD_TEST_NOT_RUNNING" ? redirect(loadTestHref(initiativeId, loadTestId), m.sandboxRuns.notRunning) : undefined,
  });
}
