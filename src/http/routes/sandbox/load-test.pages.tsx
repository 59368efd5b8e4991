import type { Actor } from "../../../domain/access/actor.ts";
import { getLoadTest, listLoadTests } from "../../../domain/sandbox/test-runs/get-load-test.ts";
import { startLoadTest } from "../../../domain/sandbox/test-runs/start-load-test.ts";
import { stopLoadTest } from "../../../domain/sandbox/test-runs/stop-load-test.ts";
import { DomainError } from "../../../domain/shared/domain-error.ts";
import { messagesFor } from "../../../i18n/index.ts";
import type { FormErrors, PageContext } from "../../../ui/page-context.ts";
import { type LoadTestFormValues, LoadTestListPage } from "../../../ui/pages/sandbox/load-test-list-page.tsx";
import { LoadTestPage } from "../../../ui/pages/sandbox/load-test-page.tsx";
import { loadTestHref, sandboxHref } from "../../../ui/pages/sandbox/test-run-parts.tsx";
import type { AppScope } from "../../app-scope.ts";
import { setFlash } from "../../cookies.ts";
import { formValues, parseForm, str } from "../../form.ts";
import { pathId } from "../../path-id.ts";
import { requireSession, sendPage } from "../../render.ts";
import { LoadTestInput } from "./test-run.schema.ts";

type InitiativeParams = { Params: { initiativeId: string } };
type RunParams = { Params: { initiativeId: string; loadTestId: string } };

/** Swedish writes 0,5 where the API takes 0.5; an empty field stays empty so it is reported as missing. */
const formNumber = (value: string) => (value.trim() === "" ? undefined : Number(value.trim().replace(",", ".")));

export function loadTestPages({ app, db }: AppScope) {
  /** The list with the start form, as it was filled in when it is shown again with errors. */
  const listPage = async (
    { actor, now, initiativeId }: { actor: Actor; now: Date; initiativeId: string },
    form: { values?: LoadTestFormValues; errors?: FormErrors; problem?: "alreadyRunning" | "notEnabledForLoad" },
  ) => {
    const { environment, loadTests } = await listLoadTests({ db, actor, now, initiativeId });
    return (ctx: PageContext) => (
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

  app.get<InitiativeParams>("/initiatives/:initiativeId/sandbox/load-tests", async (request, reply) => {
    const auth = requireSession(request, reply);
    if (!auth) return reply;
    return sendPage(
      request,
      reply,
      await listPage({ actor: auth.actor, now: request.now, initiativeId: pathId(request.params.initiativeId) }, {}),
    );
  });

  app.post<InitiativeParams>("/initiatives/:initiativeId/sandbox/load-tests", async (request, reply) => {
    const auth = requireSession(request, reply);
    if (!auth) return reply;
    const initiativeId = pathId(request.params.initiativeId);
    const form = formValues(request.body);
    const page = { actor: auth.actor, now: request.now, initiativeId };
    const values = { targetRate: str(form, "targetRate"), durationSeconds: str(form, "durationSeconds") };
    const parsed = parseForm(LoadTestInput, {
      targetRate: formNumber(values.targetRate),
      durationSeconds: formNumber(values.durationSeconds),
    });
    if (!parsed.ok) return sendPage(request, reply, await listPage(page, { values, errors: parsed.errors }), 400);
    try {
      const run = await startLoadTest({ db, actor: auth.actor, now: request.now, initiativeId, ...parsed.data });
      setFlash(request, reply, messagesFor(request.locale).sandboxRuns.started);
      return reply.redirect(loadTestHref(initiativeId, run.id), 303);
    } catch (e) {
      if (!(e instanceof DomainError) || (e.code !== "LOAD_TEST_RUNNING" && e.code !== "SANDBOX_NOT_ENABLED")) throw e;
      const problem = e.code === "LOAD_TEST_RUNNING" ? "alreadyRunning" : "notEnabledForLoad";
      return sendPage(request, reply, await listPage(page, { values, problem }), 409);
    }
  });

  app.get<RunParams>("/initiatives/:initiativeId/sandbox/load-tests/:loadTestId", async (request, reply) => {
    const auth = requireSession(request, reply);
    if (!auth) return reply;
    const initiativeId = pathId(request.params.initiativeId);
    const { loadTest } = await getLoadTest({
      db,
      actor: auth.actor,
      now: request.now,
      initiativeId,
      loadTestId: pathId(request.params.loadTestId),
    });
    return sendPage(request, reply, (ctx) => <LoadTestPage ctx={ctx} initiativeId={initiativeId} loadTest={loadTest} />);
  });

  app.post<RunParams>("/initiatives/:initiativeId/sandbox/load-tests/:loadTestId/stop", async (request, reply) => {
    const auth = requireSession(request, reply);
    if (!auth) return reply;
    const initiativeId = pathId(request.params.initiativeId);
    const loadTestId = pathId(request.params.loadTestId);
    const t = messagesFor(request.locale).sandboxRuns;
    try {
      await stopLoadTest({ db, actor: auth.actor, now: request.now, initiativeId, loadTestId });
      setFlash(request, reply, t.stopped);
    } catch (e) {
      if (!(e instanceof DomainError) || e.code !== "LOAD_TEST_NOT_RUNNING") throw e;
      setFlash(request, reply, t.notRunning);
    }
    return reply.redirect(loadTestHref(initiativeId, loadTestId), 303);
  });
}
