import type { FastifyReply } from "fastify";
import { z } from "zod";
import { attachmentDisposition, bodyDocument } from "../../../domain/sandbox/test-runs/delivered-content.ts";
import { getTestRunCall, readDeliveredAttachment, readDeliveredBody } from "../../../domain/sandbox/test-runs/get-test-run-call.ts";
import { listTestRunCalls } from "../../../domain/sandbox/test-runs/list-test-run-calls.ts";
import { TestRunCallPage } from "../../../ui/pages/sandbox/test-run-call-page.tsx";
import { TestRunCallsPage } from "../../../ui/pages/sandbox/test-run-calls-page.tsx";
import { sandboxHref } from "../../../ui/pages/sandbox/test-run-parts.tsx";
import type { AppScope } from "../../app-scope.ts";
import { ids } from "../../path-id.ts";
import { TestRunCallsQuery } from "./test-run.schema.ts";

/** A number in a page URL; a malformed one, as a malformed id, is simply something that does not exist. */
const index = z.coerce.number().int().min(0).max(10_000);
const MessageParams = ids("initiativeId", "callId").extend({ position: index });

/**
 * The sender's content is served from our origin, so it gets a CSP of its own in place of the
 * app's: `sandbox` makes it an opaque origin where scripts, forms and plugins never run even when
 * the address is opened directly; nothing may be fetched; only our own pages may frame it.
 */
const DELIVERED_CONTENT_CSP = "sandbox; default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'self'";

function inertContent(reply: FastifyReply) {
  return reply
    .header("content-security-policy", DELIVERED_CONTENT_CSP)
    .header("x-frame-options", "SAMEORIGIN")
    .header("x-content-type-options", "nosniff")
    .header("cache-control", "no-store");
}

export function testRunPages({ page, db }: AppScope) {
  page({
    method: "GET",
    url: "/initiatives/:initiativeId/sandbox/calls",
    access: "session",
    params: ids("initiativeId"),
    render: async ({ actor, params: { initiativeId }, request }) => {
      // A hand-edited filter or cursor shows the first page rather than an error.
      const parsed = TestRunCallsQuery.safeParse(request.query);
      const query = parsed.success ? parsed.data : {};
      const result = await listTestRunCalls({ db, actor, initiativeId, ...query });
      return (ctx) => (
        <TestRunCallsPage
          ctx={ctx}
          initiative={result.initiative}
          sandboxHref={sandboxHref(initiativeId)}
          environment={result.environment}
          calls={result.calls}
          outcome={query.outcome}
          before={query.before}
          nextBefore={result.nextBefore}
        />
      );
    },
  });

  page({
    method: "GET",
    url: "/initiatives/:initiativeId/sandbox/calls/:callId",
    access: "session",
    params: ids("initiativeId", "callId"),
    render: async ({ actor, params: { initiativeId, callId } }) => {
      const { call } = await getTestRunCall({ db, actor, initiativeId, callId });
      return (ctx) => <TestRunCallPage ctx={ctx} initiativeId={initiativeId} call={call} />;
    },
  });

  page({
    method: "GET",
    url: "/initiatives/:initiativeId/sandbox/calls/:callId/messages/:position/body",
    access: "session",
    params: MessageParams,
    handle: async ({ actor, reply, params }) => {
      const body = await readDeliveredBody({ db, actor, ...params });
      return inertContent(reply)
        .type("text/html; charset=utf-8")
        .send(bodyDocument(body.mediaType, body.bytes, body.subject));
    },
  });

  page({
    method: "GET",
    url: "/initiatives/:initiativeId/sandbox/calls/:callId/messages/:position/attachments/:index",
    access: "session",
    params: MessageParams.extend({ index }),
    handle: async ({ actor, reply, params }) => {
      const file = await readDeliveredAttachment({ db, actor, ...params });
      return inertContent(reply)
        .type(file.contentType)
        .header("content-disposition", attachmentDisposition(file.filename))
        .send(file.bytes);
    },
  });
}
