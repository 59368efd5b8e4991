import type { FastifyInstance, FastifyRequest } from "fastify";
import type { ReactElement } from "react";
import { z } from "zod";
import type { Config } from "../../../config.ts";
import type { Database } from "../../../db/database.ts";
import type { Actor } from "../../../domain/access/actor.ts";
import {
  attachToDecision,
  attachToDeliverable,
  decisionAttachments,
  fileTooLarge,
  listDeliverableAttachments,
  mayAttachToDecision,
  mayAttachToDeliverable,
  readAttachment,
  type UploadedFile,
  type UploadSettings,
} from "../../../domain/attachments/attachments.ts";
import type { getDeliverable } from "../../../domain/deliverables/deliverables.ts";
import { DomainError, notFound } from "../../../domain/shared/domain-error.ts";
import { format } from "../../../i18n/index.ts";
import type { FormErrors, PageContext } from "../../../ui/page-context.ts";
import {
  ATTACHMENTS_SECTION_ID,
  DecisionAttachmentsPage,
  DeliverableAttachments,
} from "../../../ui/pages/attachments/attachment-parts.tsx";
import { DeliverablePage } from "../../../ui/pages/initiatives/deliverable-page.tsx";
import type { AppScope } from "../../app-scope.ts";
import { HTTP_STATUS } from "../../errors/error-map.ts";
import { type PageOutcome, pageRoute, redirectBeside, show } from "../../page-route.ts";
import { ids } from "../../path-id.ts";
import { documentPageContext } from "../deliverables/document-page-context.ts";
import { sendAttachment } from "./attachment-download.ts";
import { type PageUpload, uploadSettings, uploadTerms, withAttachmentUploads } from "./upload-settings.ts";

type DeliverableForAttachments = Awaited<ReturnType<typeof getDeliverable>>;

/**
 * The deliverable page's Bilagor section, loaded for the actor: what the deliverable page shows
 * below its exports (deliverables.pages.tsx passes it in), and again here with a refused upload's errors.
 */
export async function deliverableAttachmentsView(
  { db, config, actor }: { db: Database; config: Config; actor: Actor },
  deliverable: DeliverableForAttachments,
  errors?: FormErrors,
): Promise<(ctx: PageContext) => ReactElement> {
  const attachments = await listDeliverableAttachments({ db, actor, deliverableId: deliverable.id });
  const last = deliverable.versions[deliverable.versions.length - 1];
  const latest = last?.version ?? 0;
  const frozen = last?.status === "faststalld";
  const terms = uploadTerms(uploadSettings(config));
  return (ctx) => (
    <DeliverableAttachments
      ctx={ctx}
      deliverableId={deliverable.id}
      latestVersion={latest}
      attachments={attachments}
      mayUpload={deliverable.permissions.edit && !frozen}
      frozen={deliverable.permissions.edit && frozen}
      terms={terms}
      errors={errors}
    />
  );
}

/** The file a page's form sent, or the refusal for a missing or too large one (cut at the limit, never read whole). */
function pageUpload(request: FastifyRequest, settings: UploadSettings): UploadedFile {
  const file = (request.body as Record<string, unknown> | undefined)?.file as PageUpload | undefined;
  if (!file || typeof file !== "object" || !("data" in file) || (file.data.length === 0 && !file.filename)) {
    throw new DomainError("VALIDATION_FAILED", "no file", { fields: [{ path: ["file"], code: "file_missing", message: "no file" }] });
  }
  if (file.truncated) throw fileTooLarge(settings.maxBytes);
  return { filename: file.filename, bytes: new Uint8Array(file.data) };
}

/** How many page uploads this process takes at once: each is up to ATTACHMENT_MAX_BYTES in memory. */
export const MAX_PAGE_UPLOADS_AT_ONCE = 4;

const uuid = z.uuid();

/**
 * A page's form sends the file in its body, which is read whole (to the size limit) before the route
 * runs, and its CSRF token inside that body. So who is asking is settled first, from the session and
 * the path alone: nobody signed in is sent to log in, someone without the right to attach there is
 * refused (403, or 404 for what they may not see), and past the most uploads at once the request is
 * refused 503 with Retry-After, all before a byte of the file is read; the connection is then closed
 * rather than drained. The form's CSRF token is still checked once the body is read.
 */
function refuseBeforeReading(scoped: FastifyInstance, db: Database, maxAtOnce = MAX_PAGE_UPLOADS_AT_ONCE) {
  let running = 0;
  scoped.addHook("onRequest", async (request, reply) => {
    const auth = request.auth?.via === "session" ? request.auth : null;
    try {
      if (!auth) return reply.header("connection", "close").redirect(`/login?next=${encodeURIComponent(request.url)}`, 303);
      const params = request.params as { deliverableId?: string; decisionId?: string };
      const id = uuid.safeParse(params.deliverableId ?? params.decisionId);
      if (!id.success) throw notFound(params.deliverableId ? "deliverable" : "decision");
      const ctx = { db, actor: auth.actor };
      if (params.deliverableId) await mayAttachToDeliverable(ctx, id.data);
      else await mayAttachToDecision(ctx, id.data);
      if (running >= maxAtOnce) {
        throw new DomainError("UPLOADS_BUSY", `${running} uploads are arriving, the most at once: send it again in a moment`, {
          retryAfterSeconds: 5,
        });
      }
    } catch (error) {
      reply.header("connection", "close");
      throw error;
    }
    running += 1;
    reply.raw.once("close", () => {
      running -= 1;
    });
  });
}

/** A refused upload's errors on the file field, with the status its code maps to; other refusals go to the error pages. */
const uploadRefusal = (error: DomainError): { errors: FormErrors; status: number } | null => {
  const field = error.details.fields?.[0];
  return field?.path[0] === "file" ? { errors: [{ field: "file", code: field.code }], status: HTTP_STATUS[error.code] } : null;
};

/**
 * Attachments for people: the upload forms (multipart, no JavaScript needed) on the deliverable
 * page and on a decision's attachments page, that page itself, and the download. A refused upload
 * shows the page again with the reason in Swedish beside the file field; nothing is stored.
 */
export function attachmentsPages({ app, page, db, config }: AppScope) {
  const settings = uploadSettings(config);
  const terms = uploadTerms(settings);

  page({
    method: "GET",
    url: "/attachments/:attachmentId",
    access: "session",
    params: ids("attachmentId"),
    handle: async ({ actor, params, reply }) => {
      const { attachment, bytes } = await readAttachment({ db, actor, attachmentId: params.attachmentId, files: settings.files });
      return sendAttachment(reply, attachment, bytes);
    },
  });

  const decisionView = async (actor: Actor, decisionId: string, errors?: FormErrors) => {
    const { decision, initiative, attachments, mayAttach } = await decisionAttachments({ db, actor, decisionId });
    return (ctx: PageContext) => (
      <DecisionAttachmentsPage
        ctx={ctx}
        initiative={{ id: initiative.id, name: initiative.name }}
        decision={{ id: decision.id, numeral: decision.numeral, decidedOn: decision.decidedOn }}
        attachments={attachments}
        mayUpload={mayAttach}
        terms={terms}
        errors={errors}
      />
    );
  };

  page({
    method: "GET",
    url: "/decisions/:decisionId/attachments",
    access: "session",
    params: ids("decisionId"),
    render: ({ actor, params }) => decisionView(actor, params.decisionId),
  });

  withAttachmentUploads(app, settings, { attachFieldsToBody: true }, (scoped) => {
    refuseBeforeReading(scoped, db);
    pageRoute(scoped, {
      method: "POST",
      url: "/deliverables/:deliverableId/attachments",
      access: "session",
      params: ids("deliverableId"),
      load: async ({ actor, params }) => {
        const context = await documentPageContext(db, actor, params.deliverableId);
        if (!context.deliverable.permissions.edit) throw new DomainError("FORBIDDEN", "only the team attaches files to documents");
        return context;
      },
      handle: async ({ actor, now, m, params, request, loaded: { deliverable } }): Promise<PageOutcome> => {
        const file = pageUpload(request, settings);
        const stored = await attachToDeliverable({ db, actor, now, deliverableId: params.deliverableId, file, settings });
        return redirectBeside(
          `/deliverables/${deliverable.id}`,
          ATTACHMENTS_SECTION_ID,
          format(m.attachments.uploaded, { filename: stored.filename }),
        );
      },
      // The deliverable page again, the reason beside the file field; nothing was stored.
      refused: async (error, { actor, loaded }) => {
        const refused = uploadRefusal(error);
        if (!refused) return undefined;
        const section = await deliverableAttachmentsView({ db, config, actor }, loaded.deliverable, refused.errors);
        return show((ctx) => <DeliverablePage ctx={ctx} {...loaded} attachments={section(ctx)} />, refused.status);
      },
    });

    pageRoute(scoped, {
      method: "POST",
      url: "/decisions/:decisionId/attachments",
      access: "session",
      params: ids("decisionId"),
      load: async ({ actor, params }) => mayAttachToDecision({ db, actor }, params.decisionId),
      handle: async ({ actor, now, m, params, request }): Promise<PageOutcome> => {
        const file = pageUpload(request, settings);
        const stored = await attachToDecision({ db, actor, now, decisionId: params.decisionId, file, settings });
        return redirectBeside(
          `/decisions/${params.decisionId}/attachments`,
          ATTACHMENTS_SECTION_ID,
          format(m.attachments.uploaded, { filename: stored.filename }),
        );
      },
      refused: async (error, { actor, params }) => {
        const refused = uploadRefusal(error);
        return refused ? show(await decisionView(actor, params.decisionId, refused.errors), refused.status) : undefined;
      },
    });
  });
}
