import { z } from "zod";

export const CommunicationParams = z.object({ communicationId: z.uuid({ error: "invalid_id" }) });
export const CommunicationsQuery = z.object({
  organisationId: z.uuid({ error: "invalid_id" }).optional(),
  unread: z.enum(["true", "false"]).optional(),
});

export const Communication = z.object({
  id: z.string(),
  decisionId: z.string(),
  initiativeId: z.string(),
  initiativeName: z.string(),
  organisationId: z.string(),
  organisationName: z.string(),
  audience: z.string(),
  subject: z.string(),
  body: z.string(),
  items: z.array(z.object({ key: z.string(), label: z.string(), value: z.string() })),
  createdAt: z.string(),
  status: z.enum(["sent", "read"]),
  readAt: z.string().nullable(),
});
