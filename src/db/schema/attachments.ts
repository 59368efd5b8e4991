import { sql } from "drizzle-orm";
import { boolean, check, customType, foreignKey, index, integer, pgTable, text, uuid } from "drizzle-orm/pg-core";
import { createdAt } from "./columns.ts";
import { deliverableVersions } from "./deliverables.ts";
import { users } from "./identity.ts";
import { initiatives } from "./initiatives.ts";
import { milestoneDecisions } from "./milestones.ts";

/** PostgreSQL's bytea, as bytes: pg hands back a Buffer, PGlite a Uint8Array; both become a plain Uint8Array. */
const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({
  dataType: () => "bytea",
  toDriver: (value) => Buffer.from(value.buffer, value.byteOffset, value.byteLength),
  fromDriver: (value) => new Uint8Array(value),
});

/**
 * A file attached to a document version or to a milestone decision (never both). The bytes are in
 * `bytes`, or, with ATTACHMENT_DIR set, in that directory under their SHA-256 (bytes null). Never
 * changed once stored: an attachment is part of what was decided on.
 */
export const attachments = pgTable(
  "attachments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    initiativeId: uuid("initiative_id")
      .notNull()
      .references(() => initiatives.id, { onDelete: "cascade" }),
    deliverableId: uuid("deliverable_id"),
    version: integer("version"),
    decisionId: uuid("decision_id").references(() => milestoneDecisions.id, { onDelete: "cascade" }),
    filename: text("filename").notNull(),
    contentType: text("content_type").notNull(),
    size: integer("size").notNull(),
    sha256: text("sha256").notNull(),
    bytes: bytea("bytes"),
    /** Whether ClamAV (CLAMD_SOCKET) found it clean before it was stored; false when no scanner is configured. */
    scanned: boolean("scanned").notNull(),
    uploadedBy: uuid("uploaded_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [
    foreignKey({
      name: "attachments_version_fk",
      columns: [t.deliverableId, t.version],
      foreignColumns: [deliverableVersions.deliverableId, deliverableVersions.version],
    }).onDelete("cascade"),
    index("attachments_version_idx").on(t.deliverableId, t.version),
    index("attachments_decision_idx").on(t.decisionId),
    index("attachments_initiative_idx").on(t.initiativeId),
    check(
      "attachments_subject_check",
      sql`(${t.deliverableId} is not null and ${t.version} is not null and ${t.decisionId} is null) or (${t.deliverableId} is null and ${t.version} is null and ${t.decisionId} is not null)`,
    ),
    check("attachments_size_check", sql`${t.size} > 0`),
    check("attachments_sha256_check", sql`${t.sha256} ~ '^[0-9a-f]{64}$'`),
  ],
);
