import { z } from "zod";

export const AuditEntry = z.object({
  seq: z.number(),
  at: z.string(),
  actorUserId: z.string().nullable(),
  organisationId: z.string().nullable(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string(),
  before: z.unknown(),
  after: z.unknown(),
  prevHash: z.string(),
  hash: z.string(),
});

export const AuditEntries = z.object({ entries: z.array(AuditEntry) });

/** Mail sent or waiting in the outbox. */
export const Outbox = z.object({
  messages: z.array(
    z.object({
      id: z.string(),
      to: z.string(),
      subject: z.string(),
      text: z.string(),
      createdAt: z.string(),
      sentAt: z.string().nullable(),
      lastError: z.string().nullable(),
    }),
  ),
});
