import { z } from "zod";
import { auditKeyOf } from "../../../domain/audit/audit-key.ts";
import { listAuditEntries } from "../../../domain/audit/list-audit-entries.ts";
import { verifyAuditLog } from "../../../domain/audit/verify-audit-log.ts";
import { listOutbox } from "../../../domain/mail/list-outbox.ts";
import type { AppScope } from "../../app-scope.ts";
import { AuditEntries, Outbox } from "./audit.schema.ts";

export const AuditQuery = z.object({
  limit: z.coerce
    .number({ error: "invalid" })
    .int({ error: "invalid" })
    .min(1, { error: "invalid" })
    .max(500, { error: "invalid" })
    .default(50),
  beforeSeq: z.coerce.number({ error: "invalid" }).int({ error: "invalid" }).positive({ error: "invalid" }).optional(),
  afterSeq: z.coerce
    .number({ error: "invalid" })
    .int({ error: "invalid" })
    .nonnegative({ error: "invalid" })
    .optional()
    .describe("the page of entries just newer than this sequence number (still newest first)"),
  organisationId: z.uuid({ error: "invalid_id" }).optional(),
  actorUserId: z.uuid({ error: "invalid_id" }).optional().describe("only entries by this user"),
  action: z.string().max(100, { error: "too_long" }).optional().describe("only this action, e.g. membership.update"),
  entityType: z.string().max(100, { error: "too_long" }).optional().describe("only entries about this kind of entity, e.g. deliverable"),
  from: z.iso.date({ error: "date" }).optional().describe("first day included (YYYY-MM-DD, Stockholm time)"),
  to: z.iso.date({ error: "date" }).optional().describe("last day included (YYYY-MM-DD, Stockholm time)"),
});

export function auditApi({ db, api, secrets }: AppScope) {
  api({
    method: "GET",
    url: "/api/v1/audit",
    summary: "Audit log entries, newest first (admin); filter by who, what and when, page with beforeSeq/afterSeq",
    tag: "audit",
    access: "authenticated",
    query: AuditQuery,
    response: { status: 200, schema: AuditEntries },
    handler: async ({ actor, query }) => ({ entries: await listAuditEntries({ db, actor, ...query }) }),
  });

  api({
    method: "GET",
    url: "/api/v1/audit/verify",
    summary:
      "Verify the audit log's hash chain against its signed checkpoint (admin): entries read and expected, and on failure the reason (prev_hash_mismatch, hash_mismatch, checkpoint_missing, checkpoint_signature_invalid, entries_missing, checkpoint_mismatch, anomaly_recorded)",
    tag: "audit",
    access: "authenticated",
    response: {
      status: 200,
      schema: z.object({
        ok: z.boolean(),
        entries: z.number(),
        expectedEntries: z.number().nullable(),
        lastHash: z.string().optional(),
        checkpoint: z.object({ lastSeq: z.number(), entries: z.number(), at: z.string() }).nullable().optional(),
        brokenAtSeq: z.number().optional(),
        reason: z.string().optional(),
        anomaly: z
          .object({ at: z.string(), problem: z.string(), checkpointSeq: z.number().nullable(), foundSeq: z.number().nullable() })
          .optional(),
      }),
    },
    handler: async ({ actor }) => verifyAuditLog({ db, actor, key: auditKeyOf(secrets) }),
  });

  api({
    method: "GET",
    url: "/api/v1/outbox",
    summary: "Mail sent or waiting to be sent (admin)",
    tag: "audit",
    access: "authenticated",
    response: { status: 200, schema: Outbox },
    handler: async ({ actor }) => ({ messages: await listOutbox({ db, actor }) }),
  });
}
