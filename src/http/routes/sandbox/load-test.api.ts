import { z } from "zod";
import { getLoadTest, listLoadTests } from "../../../domain/sandbox/test-runs/get-load-test.ts";
import { startLoadTest } from "../../../domain/sandbox/test-runs/start-load-test.ts";
import { stopLoadTest } from "../../../domain/sandbox/test-runs/stop-load-test.ts";
import type { AppScope } from "../../app-scope.ts";
import { LoadTest, LoadTestInput, LoadTestParams, LoadTestWithSummary, TestRunParams } from "./test-run.schema.ts";

/** Load-test mode: a window in which the organisation's own sender runs at a chosen rate and the emulator measures. */
export function loadTestApi({ api, db }: AppScope) {
  api({
    method: "POST",
    url: "/api/v1/initiatives/:initiativeId/sandbox/load-tests",
    summary:
      "Start a load test in the initiative's test environment from now: calls in the window are tagged and measured, their message content is not kept. One at a time (409 LOAD_TEST_RUNNING); the environment must be enabled (409 SANDBOX_NOT_ENABLED) (projektledare or deltagare)",
    tag: "sandbox",
    access: "authenticated",
    params: TestRunParams,
    body: LoadTestInput,
    response: { status: 201, schema: LoadTestWithSummary },
    handler: async ({ actor, params, body, now }) => startLoadTest({ db, actor, now, initiativeId: params.initiativeId, ...body }),
  });

  api({
    method: "POST",
    url: "/api/v1/initiatives/:initiativeId/sandbox/load-tests/:loadTestId/stop",
    summary: "Stop a running load test now (409 LOAD_TEST_NOT_RUNNING when it has ended) (projektledare or deltagare)",
    tag: "sandbox",
    access: "authenticated",
    params: LoadTestParams,
    response: { status: 200, schema: LoadTestWithSummary },
    handler: async ({ actor, params, now }) => stopLoadTest({ db, actor, now, ...params }),
  });

  api({
    method: "GET",
    url: "/api/v1/initiatives/:initiativeId/sandbox/load-tests",
    summary: "The initiative's load tests, newest first (projektledare or deltagare)",
    tag: "sandbox",
    access: "authenticated",
    params: TestRunParams,
    response: { status: 200, schema: z.object({ loadTests: z.array(LoadTest) }) },
    handler: async ({ actor, params, now }) => ({ loadTests: (await listLoadTests({ db, actor, now, ...params })).loadTests }),
  });

  api({
    method: "GET",
    url: "/api/v1/initiatives/:initiativeId/sandbox/load-tests/:loadTestId",
    summary:
      "One load test with its summary: deliveries per second against the target, latency p50/p95/p99/max, errors by kind and fault code, throughput over time; up to now while it runs (projektledare or deltagare)",
    tag: "sandbox",
    access: "authenticated",
    params: LoadTestParams,
    response: { status: 200, schema: LoadTestWithSummary },
    handler: async ({ actor, params, now }) => (await getLoadTest({ db, actor, now, ...params })).loadTest,
  });
}
