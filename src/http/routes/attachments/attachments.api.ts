import { errorCodes, type FastifyRequest } from "fastify";
import {
  attachToDecision,
  attachToDeliverable,
  decisionAttachments,
  fileTooLarge,
  listDeliverableAttachments,
  mayAttachToDecision,
  mayAttachToDeliverable,
  readAttachment,
  refuseIfFrozen,
  type UploadedFile,
  type UploadSettings,
} from "../../../domain/attachments/attachments.ts";
import { DomainError } from "../../../domain/shared/domain-error.ts";
import type { AppScope } from "../../app-scope.ts";
import { sendAttachment } from "./attachment-download.ts";
import {
  ATTACHMENT_FILE_TYPES,
  Attachment,
  AttachmentList,
  AttachmentParams,
  DecisionAttachmentParams,
  DeliverableAttachmentParams,
} from "./attachments.schema.ts";
import { uploadSettings, withAttachmentUploads } from "./upload-settings.ts";

const REFUSALS =
  "Refused with nothing stored: 400 VALIDATION_FAILED (fields[0].code empty_file, file_missing, filename_missing, filename_too_long, " +
  "filename_control_characters, filename_path), 413 ATTACHMENT_TOO_LARGE (over ATTACHMENT_MAX_BYTES, 25 MB by default), " +
  "415 ATTACHMENT_TYPE_NOT_ALLOWED (the bytes are no PDF, DOCX, XLSX, PNG or JPEG, whatever the name or Content-Type says; " +
  "code zip_bomb for a DOCX/XLSX that would unpack to too much, pdf_unreadable for a PDF that cannot be opened, " +
  "pdf_too_many_pages for one of over 2,000 pages), 429 TOO_MANY_VALIDATIONS (fields[0].code pdf_busy: as many PDFs are being read as are read at once; Retry-After), 422 ATTACHMENT_INFECTED (ClamAV found a virus), " +
  "409 ATTACHMENT_VERSION_FROZEN (fields[0].code version_frozen: the deliverable's latest version is fastställd; a decision still takes files), " +
  "503 VIRUS_SCAN_UNAVAILABLE (CLAMD_SOCKET is set and ClamAV did not answer; why is logged, not answered)";

/** The one file of a multipart upload, in the field `file`; a larger one than the limit is refused when the limit is passed. */
async function uploadedFile(request: FastifyRequest, settings: UploadSettings): Promise<UploadedFile> {
  if (!request.isMultipart()) {
    throw new errorCodes.FST_ERR_CTP_INVALID_MEDIA_TYPE(`${request.headers["content-type"] ?? "(none)"}; send multipart/form-data`);
  }
  const unreadable = (error: unknown) =>
    new DomainError("VALIDATION_FAILED", `not a readable multipart body: ${error instanceof Error ? error.message : String(error)}`, {
      fields: [{ path: ["file"], code: "file_missing", message: "no readable file in the field file" }],
    });
  let part: Awaited<ReturnType<FastifyRequest["file"]>>;
  try {
    part = await request.file();
  } catch (error) {
    throw unreadable(error);
  }
  if (part?.fieldname !== "file") {
    throw new DomainError("VALIDATION_FAILED", "send the file in the multipart field `file`", {
      fields: [{ path: ["file"], code: "file_missing", message: "no file in the field file" }],
    });
  }
  try {
    return { filename: part.filename, bytes: new Uint8Array(await part.toBuffer()) };
  } catch (error) {
    if ((error as { code?: string }).code === "FST_REQ_FILE_TOO_LARGE") throw fileTooLarge(settings.maxBytes);
    throw unreadable(error);
  }
}

/**
 * Attachments over the API: upload to a deliverable's latest version or to a milestone decision
 * (multipart/form-data, the file in the field `file`), list them, and download one. Who may upload
 * is checked before the file is read.
 */
export function attachmentsApi({ app, api, db, config }: AppScope) {
  const settings = uploadSettings(config);
  const rawBody = { mediaTypes: ["multipart/form-data"], maxBytes: settings.maxBytes };

  withAttachmentUploads(app, settings, { attachFieldsToBody: false }, (scoped) => {
    api(
      {
        method: "POST",
        url: "/api/v1/deliverables/:deliverableId/attachments",
        summary: `Attach a file to the deliverable's latest version (the team): multipart/form-data with the file in the field \`file\`. Answers 201 with the attachment. ${REFUSALS}`,
        tag: "attachments",
        access: "authenticated",
        params: DeliverableAttachmentParams,
        rawBody,
        response: { status: 201, schema: Attachment },
        handler: async ({ actor, params, request, now }) => {
          await mayAttachToDeliverable({ db, actor }, params.deliverableId);
          await refuseIfFrozen({ db, actor }, params.deliverableId);
          const file = await uploadedFile(request, settings);
          return attachToDeliverable({ db, actor, now, deliverableId: params.deliverableId, file, settings });
        },
      },
      scoped,
    );

    api(
      {
        method: "POST",
        url: "/api/v1/decisions/:decisionId/attachments",
        summary: `Attach a file to a milestone decision (the signed agreement, the minutes): the initiative's team and the milestone's deciders; multipart/form-data with the file in the field \`file\`. Answers 201 with the attachment. ${REFUSALS}`,
        tag: "attachments",
        access: "authenticated",
        params: DecisionAttachmentParams,
        rawBody,
        response: { status: 201, schema: Attachment },
        handler: async ({ actor, params, request, now }) => {
          await mayAttachToDecision({ db, actor }, params.decisionId);
          const file = await uploadedFile(request, settings);
          return attachToDecision({ db, actor, now, decisionId: params.decisionId, file, settings });
        },
      },
      scoped,
    );
  });

  api({
    method: "GET",
    url: "/api/v1/deliverables/:deliverableId/attachments",
    summary: "Every attachment of a deliverable, every version's, oldest first (each names its version)",
    tag: "attachments",
    access: "authenticated",
    params: DeliverableAttachmentParams,
    response: { status: 200, schema: AttachmentList },
    handler: async ({ actor, params }) => ({
      attachments: await listDeliverableAttachments({ db, actor, deliverableId: params.deliverableId }),
    }),
  });

  api({
    method: "GET",
    url: "/api/v1/decisions/:decisionId/attachments",
    summary: "A milestone decision's attachments, oldest first",
    tag: "attachments",
    access: "authenticated",
    params: DecisionAttachmentParams,
    response: { status: 200, schema: AttachmentList },
    handler: async ({ actor, params }) => ({
      attachments: (await decisionAttachments({ db, actor, decisionId: params.decisionId })).attachments,
    }),
  });

  api({
    method: "GET",
    url: "/api/v1/attachments/:attachmentId",
    summary:
      "An attachment's bytes, always as a download: its real type, Content-Disposition: attachment (RFC 6266 filename*), X-Content-Type-Options: nosniff",
    tag: "attachments",
    access: "authenticated",
    params: AttachmentParams,
    response: { status: 200, files: ATTACHMENT_FILE_TYPES },
    handler: async ({ actor, params, reply }) => {
      const { attachment, bytes } = await readAttachment({ db, actor, attachmentId: params.attachmentId, files: settings.files });
      return sendAttachment(reply, attachment, bytes);
    },
  });
}
