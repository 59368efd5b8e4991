import type { FastifyReply, FastifyRequest } from "fastify";
import type { Actor } from "../../../domain/access/actor.ts";
import { can } from "../../../domain/access/policy.ts";
import { readableInitiative } from "../../../domain/initiatives/read-initiatives.ts";
import { createConformanceReport } from "../../../domain/sandbox/create-conformance-report.ts";
import { disableSandboxEnvironment } from "../../../domain/sandbox/disable-sandbox-environment.ts";
import { enableSandboxEnvironment } from "../../../domain/sandbox/enable-sandbox-environment.ts";
import { getSandboxEnvironment } from "../../../domain/sandbox/get-sandbox-environment.ts";
import { listOwnRecipients } from "../../../domain/sandbox/list-own-recipients.ts";
import { sandboxEnvironmentView } from "../../../domain/sandbox/sandbox-environment-view.ts";
import { listEnvironmentEvents } from "../../../domain/sandbox/sandbox-events.ts";
import { DomainError } from "../../../domain/shared/domain-error.ts";
import { exportFormats } from "../../../exports/export-file.ts";
import { format, messagesFor } from "../../../i18n/index.ts";
import type { Check } from "../../../sandbox/checks/check.ts";
import type { FormErrors } from "../../../ui/page-context.ts";
import { InitiativeSandboxPage, initiativeSandboxHref } from "../../../ui/pages/sandbox/initiative-sandbox-page.tsx";
import { ValidatePage } from "../../../ui/pages/sandbox/validate-page.tsx";
import type { AppScope } from "../../app-scope.ts";
import { setFlash } from "../../cookies.ts";
import { HTTP_STATUS } from "../../errors/error-map.ts";
import { formValues, parseForm, str } from "../../form.ts";
import { pathId } from "../../path-id.ts";
import { requireSession, sendPage } from "../../render.ts";
import { conformanceReportExport } from "./conformance-report-export.ts";
import { emulatorLocation, sandboxOperators } from "./emulator-location.ts";
import { MAX_SUBMISSION_BYTES } from "./sandbox.api.ts";
import { SandboxEnvironmentInput } from "./sandbox-setup.schema.ts";

type InitiativeParams = { Params: { initiativeId: string } };

/** How many of the environment's latest calls the page lists. */
const RECENT_CALLS = 50;

/** A form posts the XML percent-encoded, which can triple it; the XML itself is held to the API's limit. */
const FORM_BODY_LIMIT = 3 * MAX_SUBMISSION_BYTES;

/**
 * The page shows the submitted XML again for editing up to this many characters. Escaping it for
 * HTML takes the event loop about a tenth of a microsecond per `<`, `>`, `&` or quote: a few
 * milliseconds here, but a third of a second for 5 MB of markup.
 */
export const XML_SHOWN_AGAIN_CHARS = 256 * 1024;

/** What stops the validator from checking a document, as the form's error on the XML field. */
const REFUSED_ON_PAGE = { TOO_MANY_VALIDATIONS: "validations_busy", VALIDATION_TIMEOUT: "validation_timeout" } as const;

export function sandboxPages({ app, db, config, validateOnWorker }: AppScope) {
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
    const auth = requireSession(request, reply);
    if (!auth) return reply;
    const xml = str(formValues(request.body), "xml");
    if (xml.trim() === "")
      return sendPage(request, reply, (ctx) => <ValidatePage ctx={ctx} errors={[{ field: "xml", code: "required" }]} />, 400);
    if (Buffer.byteLength(xml, "utf8") > MAX_SUBMISSION_BYTES) {
      return sendPage(request, reply, (ctx) => <ValidatePage ctx={ctx} errors={[{ field: "xml", code: "too_long" }]} />, 413);
    }
    const shown = xml.length <= XML_SHOWN_AGAIN_CHARS ? { xml } : { xmlNotShown: true };
    let checks: Check[];
    try {
      checks = await validateOnWorker(xml, { auth, now: request.now });
    } catch (error) {
      if (!(error instanceof DomainError) || !(error.code === "TOO_MANY_VALIDATIONS" || error.code === "VALIDATION_TIMEOUT")) throw error;
      if (error.details.retryAfterSeconds) reply.header("retry-after", String(error.details.retryAfterSeconds));
      const errors = [{ field: "xml", code: REFUSED_ON_PAGE[error.code] }];
      return sendPage(request, reply, (ctx) => <ValidatePage ctx={ctx} {...shown} errors={errors} />, HTTP_STATUS[error.code]);
    }
    return sendPage(request, reply, (ctx) => <ValidatePage ctx={ctx} {...shown} checks={checks} />);
  });

  /** The page, with the environment form as posted when it was turned down. */
  const showSandboxPage = async (
    request: FastifyRequest,
    reply: FastifyReply,
    actor: Actor,
    initiativeId: string,
    rejected?: { values: { intermediaryOrgNr: string }; errors: FormErrors },
  ) => {
    const initiative = await readableInitiative({ db, actor }, initiativeId);
    const mayUse = can(actor, { action: "sandbox:use", organisationId: initiative.organisationId });
    if (!mayUse) {
      return sendPage(request, reply, (ctx) => <InitiativeSandboxPage ctx={ctx} initiative={initiative} calls={null} environment={null} />);
    }
    const [events, { environment }, ownRecipients] = await Promise.all([
      listEnvironmentEvents({ db, actor, initiativeId: initiative.id, limit: RECENT_CALLS }),
      getSandboxEnvironment({ db, actor, initiativeId: initiative.id }),
      listOwnRecipients({ db, actor, organisationId: initiative.organisationId }),
    ]);
    const calls = events.map((e) => ({
      id: e.id,
      at: e.at,
      operation: e.operation,
      recipientIds: e.recipientIds,
      outcome: e.outcome,
      failingChecks: e.checks.filter((c) => c.status === "fail").length,
    }));
    const operators = sandboxOperators(config);
    const section = {
      initiativeId: initiative.id,
      organisationId: initiative.organisationId,
      environment: sandboxEnvironmentView(environment, emulatorLocation(config, request), operators),
      operators,
      ownRecipients,
      ...(rejected ?? {}),
    };
    return sendPage(
      request,
      reply,
      (ctx) => <InitiativeSandboxPage ctx={ctx} initiative={initiative} calls={calls} environment={section} />,
      rejected ? 400 : 200,
    );
  };

  // Every reader of the initiative may open the page (it is linked from the overview); the
  // environment, the calls and the report are for those who use the sandbox, as in the API.
  app.get<InitiativeParams>("/initiatives/:initiativeId/sandbox", async (request, reply) => {
    const auth = requireSession(request, reply);
    if (!auth) return reply;
    return showSandboxPage(request, reply, auth.actor, pathId(request.params.initiativeId));
  });

  // Enabling (with the förmedlare field) and disabling (a button without it, which keeps the förmedlare).
  app.post<InitiativeParams>("/initiatives/:initiativeId/sandbox/environment", async (request, reply) => {
    const auth = requireSession(request, reply);
    if (!auth) return reply;
    const initiativeId = pathId(request.params.initiativeId);
    // Authorised before the form is read, so only those who may use the sandbox hear what was wrong with it.
    const before = (await getSandboxEnvironment({ db, actor: auth.actor, initiativeId })).environment;
    const values = formValues(request.body);
    const enabled = str(values, "enabled") === "true";
    const posted = "intermediaryOrgNr" in values ? str(values, "intermediaryOrgNr").trim() : undefined;
    const parsed = parseForm(SandboxEnvironmentInput, { enabled, intermediaryOrgNr: posted === "" ? null : posted });
    if (!parsed.ok) {
      return showSandboxPage(request, reply, auth.actor, initiativeId, {
        values: { intermediaryOrgNr: posted ?? "" },
        errors: parsed.errors,
      });
    }
    const options = { db, actor: auth.actor, now: request.now, initiativeId, intermediaryOrgNr: parsed.data.intermediaryOrgNr };
    if (enabled) await enableSandboxEnvironment(options);
    else await disableSandboxEnvironment(options);
    const t = messagesFor(request.locale).sandboxSetup;
    setFlash(request, reply, enabled ? (before?.enabled ? t.savedNotice : t.enabledNotice) : t.disabledNotice);
    return reply.redirect(`${initiativeSandboxHref(initiativeId)}#environment-heading`, 303);
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
