import type { FastifyReply } from "fastify";
import { z } from "zod";
import { attachmentDisposition, bodyDocument } from "../../../domain/sandbox/test-runs/delivered-content.ts";
import { getTestRunCall, readDeliveredAttachment, readDeliveredBody } from "../../../domain/sandbox/test-runs/get-test-run-call.ts";
import { listTestRunCalls } from "../../../domain/sandbox/test-runs/list-test-run-calls.ts";
import { TestRunCallPage } from "../../../ui/pages/sandbox/test-run-call-page.tsx";
import { TestRunCallsPage } from "../../../ui/pages/sandbox/test-run-calls-page.tsx";
import { sandboxHref } from "../../../ui/pages/sandbox/test-run-parts.tsx";
import type { AppScope } from "../../app-scope.ts";
import { pathId, pathValue } from "../../path-id.ts";
import { requireSession, sendPage } from "../../render.ts";
import { TestRunCallsQuery } from "./test-run.schema.ts";

type CallParams = { initiativeId: string; callId: string };
type MessageParams = CallParams & { position: string };

/** A malformed id or number in a page URL is simply something that does not exist. */
const pathIndex = (value: string) => pathValue(z.coerce.number().int().min(0).max(10_000), value);

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

export function testRunPages({ app, db }: AppScope) {
  app.get<{ Params: { initiativeId: string }; Querystring: unknown }>(
    "/initiatives/:initiativeId/sandbox/calls",
    async (request, reply) => {
      const auth = requireSession(request, reply);
      if (!auth) return reply;
      const initiativeId = pathId(request.params.initiativeId);
      // A hand-edited filter or cursor shows the first page rather than an error.
      const parsed = TestRunCallsQuery.safeParse(request.query);
      const query = parsed.success ? parsed.data : {};
      const result = await listTestRunCalls({ db, actor: auth.actor, initiativeId, ...query });
      return sendPage(request, reply, (ctx) => (
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
      ));
    },
  );

  app.get<{ Params: CallParams }>("/initiatives/:initiativeId/sandbox/calls/:callId", async (request, reply) => {
    const auth = requireSession(request, reply);
    if (!auth) return reply;
    const initiativeId = pathId(request.params.initiativeId);
    const { call } = await getTestRunCall({ db, actor: auth.actor, initiativeId, callId: pathId(request.params.callId) });
    return sendPage(request, reply, (ctx) => <TestRunCallPage ctx={ctx} initiativeId={initiativeId} call={call} />);
  });

  app.get<{ Params: MessageParams }>("/initiatives/:initiativeId/sandbox/calls/:callId/messages/:position/body", async (request, reply) => {
    const auth = requireSession(request, reply);
    if (!auth) return reply;
    const body = await readDeliveredBody({
      db,
      actor: auth.actor,
      initiativeId: pathId(request.params.initiativeId),
      callId: pathId(request.params.callId),
      position: pathIndex(request.params.position),
    });
    return inertContent(reply)
      .type("text/html; charset=utf-8")
      .send(bodyDocument(body.mediaType, body.bytes, body.subject));
  });

  app.get<{ Params: MessageParams & { index: string } }>(
    "/initiatives/:initiativeId/sandbox/calls/:callId/messages/:position/attachments/:index",
    async (request, reply) => {
      const auth = requireSession(request, reply);
      if (!auth) return reply;
      const file = await readDeliveredAttachment({
        db,
        actor: auth.actor,
        initiativeId: pathId(request.params.initiativeId),
        callId: pathId(request.params.callId),
        position: pathIndex(request.params.position),
        index: pathIndex(request.params.index),
      });
      return inertContent(reply)
        .type(file.contentType)
        .header("content-disposition", attachmentDisposition(file.filename))
        .send(file.bytes);
    },
  );
}
