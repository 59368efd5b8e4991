import { z } from "zod";
import { can } from "../../../domain/access/policy.ts";
import { readableInitiative } from "../../../domain/initiatives/read-initiatives.ts";
import { createConformanceReport } from "../../../domain/sandbox/create-conformance-report.ts";
import { listEnvironmentEvents } from "../../../domain/sandbox/sandbox-events.ts";
import { DomainError } from "../../../domain/shared/domain-error.ts";
import { exportFormats } from "../../../exports/export-file.ts";
import { validateSubmission } from "../../../sandbox/checks/validate-submission.ts";
import { format, messagesFor } from "../../../ui/i18n/index.ts";
import { InitiativeSandboxPage } from "../../../ui/pages/sandbox/initiative-sandbox-page.tsx";
import { ValidatePage } from "../../../ui/pages/sandbox/validate-page.tsx";
import type { AppScope } from "../../app-scope.ts";
import { setFlash } from "../../cookies.ts";
import { formValues, str } from "../../form.ts";
import { requireSession, sendPage } from "../../render.ts";
import { conformanceReportExport } from "./conformance-report-export.ts";
import { MAX_SUBMISSION_BYTES } from "./sandbox.api.ts";

type InitiativeParams = { Params: { initiativeId: string } };

/** How many of the environment's latest calls the page lists. */
const RECENT_CALLS = 50;

/** A malformed id in a page URL is simply something that does not exist. */
function pathId(value: string): string {
  const r = z.uuid().safeParse(value);
  if (!r.success) throw new DomainError("NOT_FOUND", "not found");
  return r.data;
}

/** A form posts the XML percent-encoded, which can triple it; the XML itself is held to the API's limit. */
const FORM_BODY_LIMIT = 3 * MAX_SUBMISSION_BYTES;

export function sandboxPages({ app, db }: AppScope) {
  // The form may carry 15 MB: send anonymous visitors to the login page before reading any of it.
  app.addHook("onRequest", async (request, reply) => {
    if (request.method === "POST" && request.routeOptions.url === "/sandbox/validate" && request.auth?.via !== "session") {
      return reply.redirect("/login?next=%2Fsandbox%2Fvalidate", 303);
    }
  });

  app.get("/sandbox/validate", async (request, reply) => {
    if (!requireSession(request, reply)) return reply;
    return sendPage(request, reply, (ctx) => <ValidatePage ctx={ctx} />);
  });

  app.post("/sandbox/validate", { bodyLimit: FORM_BODY_LIMIT }, async (request, reply) => {
    if (!requireSession(request, reply)) return reply;
    const xml = str(formValues(request.body), "xml");
    if (xml.trim() === "")
      return sendPage(request, reply, (ctx) => <ValidatePage ctx={ctx} errors={[{ field: "xml", code: "required" }]} />, 400);
    if (Buffer.byteLength(xml, "utf8") > MAX_SUBMISSION_BYTES) {
      return sendPage(request, reply, (ctx) => <ValidatePage ctx={ctx} errors={[{ field: "xml", code: "too_long" }]} />, 413);
    }
    const checks = validateSubmission(xml, { now: request.now });
    return sendPage(request, reply, (ctx) => <ValidatePage ctx={ctx} xml={xml} checks={checks} />);
  });

  // Every reader of the initiative may open the page (it is linked from the overview); the calls
  // and the report are for those who use the sandbox, as in the API.
  app.get<InitiativeParams>("/initiatives/:initiativeId/sandbox", async (request, reply) => {
    const auth = requireSession(request, reply);
    if (!auth) return reply;
    const initiative = await readableInitiative({ db, actor: auth.actor }, pathId(request.params.initiativeId));
    const mayUse = can(auth.actor, { action: "sandbox:use", organisationId: initiative.organisationId });
    const events = mayUse
      ? await listEnvironmentEvents({ db, actor: auth.actor, initiativeId: initiative.id, limit: RECENT_CALLS })
      : null;
    const calls = events?.map((e) => ({
      id: e.id,
      at: e.at,
      operation: e.operation,
      recipientIds: e.recipientIds,
      outcome: e.outcome,
      failingChecks: e.checks.filter((c) => c.status === "fail").length,
    }));
    return sendPage(request, reply, (ctx) => <InitiativeSandboxPage ctx={ctx} initiative={initiative} calls={calls ?? null} />);
  });

  app.post<InitiativeParams>("/initiatives/:initiativeId/sandbox/conformance-report", async (request, reply) => {
    const auth = requireSession(request, reply);
    if (!auth) return reply;
    const created = await createConformanceReport({
      db,
      actor: auth.actor,
      now: request.now,
      initiativeId: pathId(request.params.initiativeId),
    });
    setFlash(request, reply, format(messagesFor(request.locale).sandbox.reportCreated, { ...created.summary }));
    return reply.redirect(`/deliverables/${created.deliverableId}`, 303);
  });

  for (const fileFormat of exportFormats) {
    app.get<InitiativeParams>(`/initiatives/:initiativeId/sandbox/conformance-report.${fileFormat}`, async (request, reply) => {
      const auth = requireSession(request, reply);
      if (!auth) return reply;
      const file = await conformanceReportExport({
        db,
        actor: auth.actor,
        locale: request.locale,
        now: request.now,
        initiativeId: pathId(request.params.initiativeId),
        format: fileFormat,
      });
      return reply
        .type(file.contentType)
        .header("content-disposition", file.contentDisposition)
        .header("cache-control", "no-store")
        .send(file.body);
    });
  }
}
