import { sql } from "drizzle-orm";
import { bigint, bigserial, check, index, integer, jsonb, pgTable, text, uuid } from "drizzle-orm/pg-core";
import type { CheckpointAnomaly } from "../../domain/audit/audit-checkpoint.ts";

/** Append-only, hash-chained record of every change. A trigger (migration 0001) refuses UPDATE and DELETE. */
export const auditLog = pgTable(
  "audit_log",
  {
    seq: bigserial("seq", { mode: "number" }).primaryKey(),
    at: text("at").notNull(),
    actorUserId: uuid("actor_user_id"),
    organisationId: uuid("organisation_id"),
    action: text("action").notNull(),
    entityType: text("entity_type").notNull(),
    entityId: text("entity_id").notNull(),
    before: jsonb("before"),
    after: jsonb("after"),
    prevHash: text("prev_hash").notNull(),
    hash: text("hash").notNull().unique(),
  },
  (t) => [
    index("audit_log_org_idx").on(t.organisationId, t.seq),
    index("audit_log_actor_idx").on(t.actorUserId, t.seq),
    // One record's history (a document's: edited, reviewed, commented, fastställd) without reading the organisation's whole log.
    index("audit_log_entity_idx").on(t.entityType, t.entityId, t.seq),
  ],
);

/**
 * The audit log's one signed checkpoint (src/domain/audit/audit-checkpoint.ts): where the chain ends,
 * how many entries it holds, and an HMAC under a key derived from SECRET_KEY. Moved forward with every
 * entry, under the chain's lock; a trigger (migration 0007) refuses DELETE and TRUNCATE.
 */
export const auditCheckpoints = pgTable(
  "audit_checkpoints",
  {
    id: integer("id").primaryKey().default(1),
    lastSeq: bigint("last_seq", { mode: "number" }).notNull(),
    lastHash: text("last_hash").notNull(),
    entries: bigint("entries", { mode: "number" }).notNull(),
    at: text("at").notNull(),
    anomaly: jsonb("anomaly").$type<CheckpointAnomaly>(),
    mac: text("mac").notNull(),
  },
  (t) => [check("audit_checkpoints_single", sql`${t.id} = 1`)],
);
