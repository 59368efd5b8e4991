import { z } from "zod";
import { LOAD_TEST_LIMITS } from "../../../domain/sandbox/test-runs/start-load-test.ts";
import { CheckResult } from "./sandbox.schema.ts";

const Id = z.uuid({ error: "invalid_id" });
const OUTCOMES = ["answered", "delivered", "not-delivered", "fault", "timeout", "refused"] as const;

export const TestRunParams = z.object({ initiativeId: Id });
export const TestRunCallParams = z.object({ initiativeId: Id, callId: Id });
export const LoadTestParams = z.object({ initiativeId: Id, loadTestId: Id });

export const TestRunCallsQuery = z.object({
  before: Id.optional().meta({ description: "The id of the last call of the previous page: the next page starts after it" }),
  outcome: z.enum(OUTCOMES, { error: "invalid" }).optional().meta({ description: "Only calls with this outcome" }),
});

export const TestRunCall = z
  .object({
    id: z.string().meta({ description: "The call's id, also the CallId of any fault it was answered with" }),
    at: z.string(),
    endpoint: z.enum(["recipient", "authority", "service", "other"]),
    operation: z.string().nullable(),
    operatorId: z.string().nullable(),
    recipientIds: z.array(z.string()),
    outcome: z.enum(OUTCOMES),
    httpStatus: z.number().nullable(),
    durationMs: z.number(),
    requestBytes: z.number().meta({ description: "The request body's size as received" }),
    failedChecks: z.number(),
    warnedChecks: z.number(),
    loadTestId: z.string().nullable().meta({ description: "The load test the call was part of" }),
  })
  .meta({ description: "One call the initiative's test environment received" });

const Environment = z
  .object({ id: z.string(), slug: z.string(), enabled: z.boolean() })
  .nullable()
  .meta({ description: "The initiative's test environment; null until the initiative enables one" });

export const TestRunCalls = z
  .object({
    environment: Environment,
    calls: z.array(TestRunCall),
    nextBefore: z.string().nullable().meta({ description: "Pass as ?before= for the next (older) page; null on the last page" }),
  })
  .meta({ description: "The environment's calls, newest first, 50 a page" });

export const DeliveredMessage = z
  .object({
    position: z.number().meta({ description: "The message's place in the delivery; its body is at …/messages/{position}/body" }),
    messageId: z.string().nullable(),
    subject: z.string().nullable(),
    bodyContentType: z.string().nullable(),
    bodyBytes: z.number(),
    attachments: z.array(
      z.object({
        index: z.number().meta({ description: "Download at …/messages/{position}/attachments/{index}" }),
        filename: z.string().meta({ description: "The sender's Filename, made safe as a download name" }),
        contentType: z.string().meta({ description: "As the sender declared it" }),
        checksum: z.string(),
        bytes: z.number(),
        isPdf: z.boolean().meta({ description: "Whether the content starts like a PDF (%PDF-)" }),
      }),
    ),
  })
  .meta({ description: "A delivered message's metadata; the content has its own addresses" });

export const TestRunCallDetail = TestRunCall.extend({
  senderOrgNr: z.string().nullable(),
  clientOrgNr: z.string().nullable().meta({ description: "16 + orgnr of the accepted client certificate" }),
  faultCode: z.number().nullable().meta({ description: "The ErrorCode of the fault answered (the emulator's own mapping)" }),
  reason: z.string().nullable().meta({ description: "Why the call was refused or faulted, in English" }),
  transId: z.string().nullable(),
  checks: z.array(CheckResult),
  messages: z.array(DeliveredMessage),
}).meta({ description: "One call in full" });

export const LoadTestInput = z.object({
  targetRate: z
    .number({ error: "invalid" })
    .min(LOAD_TEST_LIMITS.minRate, { error: "invalid" })
    .max(LOAD_TEST_LIMITS.maxRate, { error: "invalid" })
    .meta({ description: "The deliveries per second the sender means to make, 0.1–500" }),
  durationSeconds: z
    .number({ error: "invalid" })
    .int({ error: "invalid" })
    .min(LOAD_TEST_LIMITS.minSeconds, { error: "invalid" })
    .max(LOAD_TEST_LIMITS.maxSeconds, { error: "invalid" })
    .meta({ description: "How long the window stays open, 10–3600 seconds" }),
});

export const LoadTest = z
  .object({
    id: z.string(),
    targetRate: z.number(),
    durationSeconds: z.number(),
    startedAt: z.string(),
    endsAt: z.string(),
    stoppedAt: z.string().nullable(),
    status: z.enum(["running", "finished", "stopped"]),
  })
  .meta({ description: "A load test: a window in which the environment's calls are tagged and measured" });

const Latency = z.object({ p50: z.number(), p95: z.number(), p99: z.number(), max: z.number() });

export const LoadTestSummary = z
  .object({
    windowSeconds: z.number(),
    running: z.boolean(),
    calls: z.number(),
    deliveries: z.number().meta({ description: "deliverSecure calls, whatever their outcome" }),
    delivered: z.number(),
    targetRate: z.number(),
    achievedRate: z.number().nullable().meta({ description: "Deliveries per second over the window (to now while it runs)" }),
    ratio: z.number().nullable().meta({ description: "achievedRate / targetRate" }),
    latencyMs: Latency.nullable().meta({ description: "Nearest-rank percentiles of answered deliveries; timeouts are counted, not timed" }),
    errors: z.object({
      faults: z.number(),
      timeouts: z.number(),
      refused: z.number(),
      notDelivered: z.number(),
      failedChecks: z.number().meta({ description: "Calls with at least one failing check" }),
    }),
    faultCodes: z.array(z.object({ errorCode: z.number(), count: z.number() })),
    bucketSeconds: z.number(),
    throughput: z.array(
      z.object({ offsetSeconds: z.number(), deliveries: z.number(), errors: z.number(), deliveriesPerSecond: z.number() }),
    ),
  })
  .meta({ description: "What the load test achieved" });

export const LoadTestWithSummary = LoadTest.extend({ summary: LoadTestSummary });
