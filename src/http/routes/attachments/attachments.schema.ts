import { z } from "zod";

export const DeliverableAttachmentParams = z.object({ deliverableId: z.uuid() });
export const DecisionAttachmentParams = z.object({ decisionId: z.uuid() });
export const AttachmentParams = z.object({ attachmentId: z.uuid() });

export const Attachment = z
  .object({
    id: z.uuid(),
    filename: z.string().meta({ description: "The name it was uploaded under (NFC), as the download offers it" }),
    contentType: z.string().meta({ description: "Told by the bytes: application/pdf, DOCX, XLSX, image/png or image/jpeg" }),
    size: z.int().meta({ description: "Bytes" }),
    sha256: z.string().meta({ description: "SHA-256 of the bytes, lower-case hex" }),
    deliverableId: z.uuid().nullable(),
    version: z.int().nullable().meta({ description: "The document version it is attached to (the latest when uploaded)" }),
    decisionId: z.uuid().nullable(),
    scanned: z.boolean().meta({ description: "ClamAV found it clean before it was stored; false where no scanner is configured" }),
    createdAt: z.string(),
    uploadedBy: z.object({ id: z.uuid(), name: z.string().nullable() }).nullable(),
  })
  .meta({ description: "A file attached to a document version or a milestone decision" });

export const AttachmentList = z.object({ attachments: z.array(Attachment) });

/** The kinds an attachment is answered as (Content-Type), for the API description. */
export const ATTACHMENT_FILE_TYPES = [
  "application/pdf",
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  "image/png",
  "image/jpeg",
] as const;
