import { z } from "zod";
import { requiredText } from "../../../domain/shared/field-rules.ts";

export const CommunicationParams = z.object({ communicationId: z.uuid({ error: "invalid_id" }) });
/** An empty form field means "any": a filter form sends every field, chosen or not. */
const optional = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (v === "" || v === null ? undefined : v), schema.optional());
const pageNumber = optional(z.coerce.number({ error: "whole_number" }).int({ error: "whole_number" }).min(1, { error: "whole_number" }));

export const CommunicationsQuery = z.object({
  organisationId: z.uuid({ error: "invalid_id" }).optional(),
  unread: z.enum(["true", "false"]).optional(),
  page: pageNumber.meta({ description: "A page of the inbox, from 1 (a page past the end is the last page); without it, the newest 500" }),
  pageSize: optional(
    z.coerce
      .number({ error: "whole_number" })
      .int({ error: "whole_number" })
      .min(1, { error: "page_size" })
      .max(500, { error: "page_size" }),
  ).meta({ description: "Entries per page, 1–500 (default 25)" }),
});

/** The inbox page's filter and page, as its GET form and links send them. */
export const InboxPageQuery = z.object({
  status: optional(z.enum(["unread", "all"], { error: "invalid_choice" })),
  page: pageNumber,
});

export const CommunicationAnswer = z.object({
  id: z.string(),
  communicationId: z.string(),
  text: z.string(),
  createdAt: z.string(),
  createdByName: z.string(),
});

export const Communication = z.object({
  id: z.string(),
  decisionId: z.string().nullable().meta({ description: "null for a samverkanspart: it receives the message, not the initiative" }),
  initiativeId: z.string().nullable().meta({ description: "null for a samverkanspart: it receives the message, not the initiative" }),
  initiativeName: z.string(),
  organisationId: z.string(),
  organisationName: z.string(),
  audience: z.string(),
  subject: z.string(),
  body: z.string(),
  items: z.array(z.object({ key: z.string(), label: z.string(), value: z.string() })),
  createdAt: z.string(),
  recipient: z
    .object({ kind: z.enum(["forvaltningsgrupp", "organisation"]), organisationId: z.string().nullable(), name: z.string() })
    .meta({ description: "Whom the caller reads this copy for: the förvaltningsgrupp, or one of the caller's organisations" }),
  status: z.enum(["sent", "read"]).meta({ description: "This recipient's read status; every recipient has its own" }),
  readAt: z.string().nullable(),
  canMarkRead: z.boolean(),
  answers: z.array(CommunicationAnswer).meta({ description: "The förvaltningsgrupp's answers to the message, oldest first" }),
  canAnswer: z.boolean().meta({ description: "The caller may answer it (the förvaltningsgrupp, on its own copy)" }),
});

export const AnswerInput = z.object({ text: requiredText(5000) });

export const CommunicationList = z.object({
  communications: z.array(Communication),
  total: z.number().meta({ description: "How many entries the inbox has with these filters, on every page" }),
  page: z.number().optional().meta({ description: "The page answered, when a page was asked for" }),
  pages: z.number().optional(),
  pageSize: z.number().optional(),
});

export const CommunicationRead = z.object({ id: z.string(), status: z.literal("read"), readAt: z.string() });

export const MarkReadInput = z.object({
  recipient: z
    .union([z.literal("forvaltningsgrupp"), z.uuid({ error: "invalid_id" })])
    .optional()
    .meta({ description: "Whom the caller reads for (forvaltningsgrupp or an organisation id); needed only by one who reads for several" }),
});
