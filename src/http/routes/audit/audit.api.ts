import { z } from "zod";
import { listAuditEntries } from "../../../domain/audit/list-audit-entries.ts";
import { verifyAuditLog } from "../../../domain/audit/verify-audit-log.ts";
import { listOutbox } from "../../../domain/mail/list-outbox.ts";
import type { AppScope } from "../../app-scope.ts";

const AuditEntry = z.object({
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

export const AuditQuery = z.object({
  limit: z.coerce
    .number({ error: "invalid" })
    .int({ error: "invalid" })
    .min(1, { error: "invalid" })
    .max(500, { error: "invalid" })
    .default(50),
  beforeSeq: z.coerce.number({ error: "invalid" }).int({ error: "invalid" }).positive({ error: "invalid" }).optional(),
  organisationId: z.uuid({ error: "invalid_id" }).optional(),
});

export function auditApi({ db, api }: AppScope) {
  api({
    method: "GET",
    url: "/api/v1/audit",
    summary: "Audit log entries, newest first (admin)",
    tag: "audit",
    access: "authenticated",
    query: AuditQuery,
    response: { status: 200, schema: z.object({ entries: z.array(AuditEntry) }) },
    handler: async ({ actor, query }) => ({ entries: await listAuditEntries({ db, actor, ...query }) }),
  });

  api({
    method: "GET",
    url: "/api/v1/audit/verify",
    summary: "Verify the audit log's hash chain (admin)",
    tag: "audit",
    access: "authenticated",
    response: {
      status: 200,
      schema: z.object({
        ok: z.boolean(),
        entries: z.number(),
        lastHash: z.string().optional(),
        brokenAtSeq: z.number().optional(),
        reason: z.string().optional(),
      }),
    },
    handler: async ({ actor }) => verifyAuditLog({ db, actor }),
  });

  api({
    method: "GET",
    url: "/api/v1/outbox",
    summary: "Mail sent or waiting to be sent (admin)",
    tag: "audit",
    access: "authenticated",
    response: {
      status: 200,
      schema: z.object({
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
      }),
    },
    handler: async ({ actor }) => ({ messages: await listOutbox({ db, actor }) }),
  });
}
