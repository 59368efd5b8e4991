import { z } from "zod";
import { getTestRunCall } from "../../../domain/sandbox/test-runs/get-test-run-call.ts";
import { listTestRunCalls } from "../../../domain/sandbox/test-runs/list-test-run-calls.ts";
import type { AppScope } from "../../app-scope.ts";
import { TestRunCallDetail, TestRunCallParams, TestRunCalls, TestRunCallsQuery, TestRunParams } from "./test-run.schema.ts";

/** The test-run view's data: the calls the initiative's environment received, and each in full (without message content). */
export function testRunApi({ api, db }: AppScope) {
  api({
    method: "GET",
    url: "/api/v1/initiatives/:initiativeId/sandbox/calls",
    summary:
      "The calls the initiative's test environment received, newest first, 50 a page (?before= the last id of the previous page; ?outcome= to filter), with the counts of failed and warned checks (projektledare or deltagare)",
    tag: "sandbox",
    access: "authenticated",
    params: TestRunParams,
    query: TestRunCallsQuery,
    response: { status: 200, schema: TestRunCalls },
    handler: async ({ actor, params, query }) => {
      const { environment, calls, nextBefore } = await listTestRunCalls({ db, actor, initiativeId: params.initiativeId, ...query });
      return { environment, calls, nextBefore };
    },
  });

  api({
    method: "GET",
    url: "/api/v1/initiatives/:initiativeId/sandbox/calls/:callId",
    summary:
      "One call of the initiative's test environment in full: timing, client certificate, fault, every check, and the metadata of each delivered message (the bodies and attachments are on the test-run pages) (projektledare or deltagare)",
    tag: "sandbox",
    access: "authenticated",
    params: TestRunCallParams,
    response: { status: 200, schema: z.object({ call: TestRunCallDetail }) },
    handler: async ({ actor, params }) => ({ call: (await getTestRunCall({ db, actor, ...params })).call }),
  });
}
