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
import { exportFormats } from "../../../exports/export-file.ts";
import { format } from "../../../i18n/index.ts";
import { InitiativeSandboxPage, initiativeSandboxHref } from "../../../ui/pages/sandbox/initiative-sandbox-page.tsx";
import { ValidatePage } from "../../../ui/pages/sandbox/validate-page.tsx";
import type { AppScope } from "../../app-scope.ts";
import { HTTP_STATUS } from "../../errors/error-map.ts";
import { str } from "../../form.ts";
import { type FormState, type PageView, redirect, show } from "../../page-route.ts";
import { ids } from "../../path-id.ts";
import { conformanceReportExport } from "./conformance-report-export.ts";
import { emulatorLocation, sandboxOperators } from "./emulator-location.ts";
import { MAX_SUBMISSION_BYTES } from "./sandbox.api.ts";
import { SandboxEnvironmentInput } from "./sandbox-setup.schema.ts";

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

const shownAgain = (xml: string) => (xml.length <= XML_SHOWN_AGAIN_CHARS ? { xml } : { xmlNotShown: true });

export function sandboxPages({ page, app, db, config, validateOnWorker }: AppScope) {
  // The form may carry 15 MB: send anonymous visitors to the login page before reading any of it.
  app.addHook("onRequest", async (request, reply) => {
    if (request.method === "POST" && request.routeOptions.url === "/sandbox/validate" && request.auth?.via !== "session") {
      return reply.redirect("/login?next=%2Fsandbox%2Fvalidate", 303);
    }
  });

  page({ method: "GET", url: "/sandbox/validate", access: "session", render: () => (ctx) => <ValidatePage ctx={ctx} /> });

  page({
    method: "POST",
    url: "/sandbox/validate",
    access: "session",
    bodyLimit: FORM_BODY_LIMIT,
    handle: async ({ session, now, body }) => {
      const xml = str(body, "xml");
      if (xml.trim() === "") return show((ctx) => <ValidatePage ctx={ctx} errors={[{ field: "xml", code: "required" }]} />, 400);
      if (Buffer.byteLength(xml, "utf8") > MAX_SUBMISSION_BYTES) {
        return show((ctx) => <ValidatePage ctx={ctx} errors={[{ field: "xml", code: "too_long" }]} />, 413);
      }
      const checks = await validateOnWorker(xml, { auth: { via: "session", ...session }, now });
      return show((ctx) => <ValidatePage ctx={ctx} {...shownAgain(xml)} checks={checks} />);
    },
    refused: (e, { body }) => {
      const { code } = e;
      if (code !== "TOO_MANY_VALIDATIONS" && code !== "VALIDATION_TIMEOUT") return undefined;
      const errors = [{ field: "xml", code: REFUSED_ON_PAGE[code] }];
      return show((ctx) => <ValidatePage ctx={ctx} {...shownAgain(str(body, "xml"))} errors={errors} />, HTTP_STATUS[code]);
    },
  });

  /** The page, with the environment form as posted when it was turned down. */
  const sandboxPage = async ({
    actor,
    params: { initiativeId },
    form,
  }: {
    actor: Actor;
    params: { initiativeId: string };
    form?: FormState<{ intermediaryOrgNr: string }> | undefined;
  }): Promise<PageView> => {
    const initiative = await readableInitiative({ db, actor }, initiativeId);
    const mayUse = can(actor, { action: "sandbox:use", organisationId: initiative.organisationId });
    if (!mayUse) return (ctx) => <InitiativeSandboxPage ctx={ctx} initiative={initiative} calls={null} environment={null} />;
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
      environment: sandboxEnvironmentView(environment, emulatorLocation(config), operators),
      operators,
      ownRecipients,
      ...(form ?? {}),
    };
    return (ctx) => <InitiativeSandboxPage ctx={ctx} initiative={initiative} calls={calls} environment={section} />;
  };

  // Every reader of the initiative may open the page (it is linked from the overview); the
  // environment, the calls and the report are for those who use the sandbox, as in the API.
  page({
    method: "GET",
    url: "/initiatives/:initiativeId/sandbox",
    access: "session",
    params: ids("initiativeId"),
    render: sandboxPage,
  });

  // Enabling (with the förmedlare field) and disabling (a button without it, which keeps the förmedlare).
  page({
    method: "POST",
    url: "/initiatives/:initiativeId/sandbox/environment",
    access: "session",
    params: ids("initiativeId"),
    // Authorised before the form is read, so only those who may use the sandbox hear what was wrong with it.
    load: async ({ actor, params: { initiativeId } }) => (await getSandboxEnvironment({ db, actor, initiativeId })).environment,
    form: {
      read: (values) => ({
        enabled: str(values, "enabled") === "true",
        posted: "intermediaryOrgNr" in values ? str(values, "intermediaryOrgNr").trim() : undefined,
      }),
      schema: SandboxEnvironmentInput,
      input: ({ enabled, posted }) => ({ enabled, intermediaryOrgNr: posted === "" ? null : posted }),
    },
    render: ({ form, ...input }) =>
      sandboxPage({ ...input, form: form && { values: { intermediaryOrgNr: form.values.posted ?? "" }, errors: form.errors } }),
    handle: async ({ actor, now, m, params: { initiativeId }, loaded: before, data }) => {
      const options = { db, actor, now, initiativeId, intermediaryOrgNr: data.intermediaryOrgNr };
      if (data.enabled) await enableSandboxEnvironment(options);
      else await disableSandboxEnvironment(options);
      const t = m.sandboxSetup;
      const notice = data.enabled ? (before?.enabled ? t.savedNotice : t.enabledNotice) : t.disabledNotice;
      return redirect(`${initiativeSandboxHref(initiativeId)}#environment-heading`, notice);
    },
  });

  page({
    method: "POST",
    url: "/initiatives/:initiativeId/sandbox/conformance-report",
    access: "session",
    params: ids("initiativeId"),
    handle: async ({ actor, now, m, params: { initiativeId } }) => {
      const created = await createConformanceReport({ db, actor, now, initiativeId });
      return redirect(`/deliverables/${created.deliverableId}`, format(m.sandbox.reportCreated, { ...created.summary }));
    },
  });

  for (const fileFormat of exportFormats) {
    page({
      method: "GET",
      url: `/initiatives/:initiativeId/sandbox/conformance-report.${fileFormat}`,
      access: "session",
      params: ids("initiativeId"),
      handle: async ({ actor, locale, now, reply, params: { initiativeId } }) => {
        const file = await conformanceReportExport({ db, actor, locale, now, initiativeId, format: fileFormat });
        return reply
          .type(file.contentType)
          .header("content-disposition", file.contentDisposition)
          .header("cache-control", "no-store")
          .send(file.body);
      },
    });
  }
}
