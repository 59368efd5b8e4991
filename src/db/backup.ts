import { sql } from "drizzle-orm";
import { checkpointSignatureValid, type SignedAuditCheckpoint } from "../domain/audit/audit-checkpoint.ts";
import { auditKeyOf } from "../domain/audit/audit-key.ts";
import type { SecretBox } from "../secrets/secret-box.ts";
import type { AttachmentFiles } from "./attachment-files.ts";
import type { Database } from "./database.ts";

/**
 * A logical backup: every table's rows as PostgreSQL renders them to JSON, in foreign-key order.
 * Restoring feeds the same JSON back through json_populate_recordset, so each value round-trips
 * through PostgreSQL's own text form and PGlite and PostgreSQL backups are interchangeable.
 */
export const BACKUP_TABLES = [
  // Before organisations and sessions, whose sign-in provider it is.
  { name: "oidc_providers", orderBy: "id" },
  { name: "organisations", orderBy: "id" },
  { name: "users", orderBy: "id" },
  { name: "memberships", orderBy: "user_id, organisation_id" },
  { name: "invitations", orderBy: "id" },
  { name: "sessions", orderBy: "token_hash" },
  { name: "api_tokens", orderBy: "id" },
  { name: "login_attempts", orderBy: "id" },
  { name: "user_identities", orderBy: "issuer, subject" },
  { name: "oidc_claim_mappings", orderBy: "id" },
  { name: "oidc_link_grants", orderBy: "user_id, provider_id" },
  { name: "audit_log", orderBy: "seq" },
  { name: "audit_checkpoints", orderBy: "id" },
  { name: "outbox", orderBy: "id" },
  { name: "initiatives", orderBy: "id" },
  { name: "steering_group_members", orderBy: "initiative_id, user_id" },
  { name: "activity_progress", orderBy: "initiative_id, activity_id" },
  { name: "deliverables", orderBy: "id" },
  { name: "deliverable_versions", orderBy: "id" },
  { name: "deliverable_reviews", orderBy: "id" },
  { name: "deliverable_reviewers", orderBy: "review_id, reviewer_id" },
  { name: "deliverable_comments", orderBy: "id" },
  { name: "decision_point_preparations", orderBy: "initiative_id, decision_point_id" },
  { name: "milestone_decisions", orderBy: "id" },
  { name: "attachments", orderBy: "id" },
  { name: "communications", orderBy: "id" },
  { name: "communication_recipients", orderBy: "id" },
  { name: "communication_answers", orderBy: "id" },
  { name: "initiative_partners", orderBy: "id" },
  { name: "message_flows", orderBy: "id" },
  { name: "flow_plan_settings", orderBy: "initiative_id" },
  { name: "tactic_alternatives", orderBy: "id" },
  { name: "tactic_alternative_flows", orderBy: "alternative_id, flow_id" },
  { name: "forecast_versions", orderBy: "id" },
  { name: "flow_actuals", orderBy: "flow_id, month" },
  { name: "business_cases", orderBy: "initiative_id" },
  { name: "benefits", orderBy: "id" },
  { name: "benefit_measurements", orderBy: "id" },
  { name: "risks", orderBy: "id" },
  { name: "reserve_plans", orderBy: "id" },
  { name: "condition_followups", orderBy: "decision_id, condition_index" },
  { name: "milestone_plans", orderBy: "initiative_id, numeral" },
  { name: "reminders_sent", orderBy: "subject_key, kind" },
  { name: "reporting_rounds", orderBy: "id" },
  { name: "reporting_submissions", orderBy: "id" },
  { name: "reporting_reminders", orderBy: "round_id, initiative_id, kind" },
  { name: "sandbox_authorities", orderBy: "id" },
  { name: "sandbox_environments", orderBy: "id" },
  { name: "sandbox_trusted_cas", orderBy: "id" },
  { name: "sandbox_recipients", orderBy: "id" },
  { name: "sandbox_load_tests", orderBy: "id" },
  { name: "sandbox_events", orderBy: "id" },
  { name: "sandbox_messages", orderBy: "event_id, position" },
] as const;

const SERIAL_COLUMNS = [
  { table: "login_attempts", column: "id" },
  { table: "audit_log", column: "seq" },
] as const;

/** Columns sealed under SECRET_KEY (docs/decisions/007), each with the purpose it is sealed for: its table.column. */
const SEALED_COLUMNS = [
  { table: "sandbox_authorities", column: "ca_private_key_pem" },
  { table: "sandbox_authorities", column: "server_private_key_pem" },
  { table: "oidc_providers", column: "client_secret" },
] as const;

/** Statement triggers that refuse TRUNCATE to everyone (migration 0007); a restore lifts them inside its own transaction. */
const TRUNCATE_GUARDS = [
  { table: "audit_log", trigger: "audit_log_no_truncate" },
  { table: "milestone_decisions", trigger: "milestone_decisions_no_truncate" },
  { table: "audit_checkpoints", trigger: "audit_checkpoints_kept" },
] as const;

export type Backup = {
  format: "ansluta-backup";
  formatVersion: 1;
  createdAt: string;
  /** Hashes of the migrations the data was written under; a restore needs the same schema. */
  migrations: string[];
  tables: Record<string, unknown[]>;
};

type Rows<T> = { rows: T[] };

async function appliedMigrations(db: Database): Promise<string[]> {
  const r = (await db.execute(sql`select hash from drizzle.__drizzle_migrations order by id`)) as unknown as Rows<{ hash: string }>;
  return r.rows.map((x) => x.hash);
}

/** bytea as PostgreSQL renders it in JSON ("\\x…"), and back. */
const byteaText = (bytes: Uint8Array) => `\\x${Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("hex")}`;
const byteaBytes = (text: string) => new Uint8Array(Buffer.from(text.replace(/^\\x/, ""), "hex"));

/**
 * Attachments kept in ATTACHMENT_DIR (bytes null in the table) are read into the backup, so it
 * holds every file whichever way each was stored and restores anywhere.
 */
async function withAttachmentFiles(rows: unknown[], files: AttachmentFiles | null): Promise<unknown[]> {
  const out: unknown[] = [];
  for (const row of rows as Record<string, unknown>[]) {
    if (row.bytes !== null && row.bytes !== undefined) {
      out.push(row);
      continue;
    }
    if (!files) {
      throw new Error(`attachment ${String(row.id)} is kept in a directory: set ATTACHMENT_DIR to back it up`);
    }
    out.push({ ...row, bytes: byteaText(await files.get(String(row.sha256))) });
  }
  return out;
}

export async function createBackup(
  db: Database,
  now: Date,
  { attachmentFiles = null }: { attachmentFiles?: AttachmentFiles | null } = {},
): Promise<Backup> {
  const backup = await db.transaction(async (tx) => {
    // One snapshot for all tables, so the backup is consistent while the server keeps writing.
    await tx.execute(sql`set transaction isolation level repeatable read`);
    const tables: Record<string, unknown[]> = {};
    for (const t of BACKUP_TABLES) {
      const r = (await tx.execute(
        sql.raw(`select coalesce(json_agg(t order by ${t.orderBy}), '[]'::json)::text as rows from "${t.name}" t`),
      )) as unknown as Rows<{ rows: string }>;
      tables[t.name] = JSON.parse(r.rows[0]?.rows ?? "[]") as unknown[];
    }
    return { format: "ansluta-backup", formatVersion: 1, createdAt: now.toISOString(), migrations: await appliedMigrations(tx), tables };
  });
  backup.tables.attachments = await withAttachmentFiles(backup.tables.attachments ?? [], attachmentFiles);
  return backup as Backup;
}

export class BackupRejectedError extends Error {}

export function parseBackup(text: string): Backup {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new BackupRejectedError("the file is not JSON: not an Ansluta backup");
  }
  const b = data as Partial<Backup>;
  if (
    b?.format !== "ansluta-backup" ||
    b.formatVersion !== 1 ||
    !Array.isArray(b.migrations) ||
    typeof b.tables !== "object" ||
    !b.tables
  ) {
    throw new BackupRejectedError("the file is not an Ansluta backup (format ansluta-backup, version 1)");
  }
  for (const t of BACKUP_TABLES) {
    if (!Array.isArray(b.tables[t.name])) throw new BackupRejectedError(`the backup has no table ${t.name}`);
  }
  return b as Backup;
}

const KEY_SOURCE_SV = "miljövariabeln SECRET_KEY, eller DATA_DIR/secret.key i den inbyggda databasen";
const KEY_SOURCE_EN = "the SECRET_KEY variable, or DATA_DIR/secret.key on the embedded database";

/**
 * Refuses, before anything is written, a backup this installation's SECRET_KEY cannot use: its sealed
 * keys would not open (the server could not use its test CA) and its audit checkpoint would not verify.
 */
export function assertBackupFitsKey(backup: Backup, secrets: SecretBox): void {
  for (const c of SEALED_COLUMNS) {
    for (const row of (backup.tables[c.table] ?? []) as Record<string, unknown>[]) {
      const value = row[c.column];
      // Keys from before sealing are plain PEM; start-up seals them.
      if (typeof value !== "string" || value.startsWith("-----BEGIN")) continue;
      try {
        secrets.open(value, `${c.table}.${c.column}`);
      } catch {
        throw new BackupKeyMismatchError(
          "Säkerhetskopians förseglade nycklar (testmiljöns CA, identitetsleverantörernas klienthemligheter) går inte att öppna med denna SECRET_KEY. Återställ med samma SECRET_KEY som " +
            `säkerhetskopian gjordes med (${KEY_SOURCE_SV}); inget har återställts. / The backup's sealed keys (the sandbox's test CA, the identity providers' client secrets) do not ` +
            `open with this SECRET_KEY: restore with the SECRET_KEY the backup was made under (${KEY_SOURCE_EN}). Nothing was restored.`,
        );
      }
    }
  }
  for (const row of (backup.tables.audit_checkpoints ?? []) as Record<string, unknown>[]) {
    const checkpoint: SignedAuditCheckpoint = {
      lastSeq: Number(row.last_seq),
      lastHash: String(row.last_hash),
      entries: Number(row.entries),
      at: String(row.at),
      anomaly: (row.anomaly ?? null) as SignedAuditCheckpoint["anomaly"],
      mac: String(row.mac),
    };
    if (!checkpointSignatureValid(auditKeyOf(secrets), checkpoint)) {
      throw new BackupKeyMismatchError(
        "Säkerhetskopians signerade kontrollpunkt för granskningsloggen stämmer inte med denna SECRET_KEY: den gjordes med en annan nyckel " +
          `(${KEY_SOURCE_SV}), eller har ändrats. Inget har återställts. / The backup's signed audit checkpoint does not verify with this ` +
          `SECRET_KEY: it was made under another key (${KEY_SOURCE_EN}), or altered. Nothing was restored.`,
      );
    }
  }
}

export class BackupKeyMismatchError extends BackupRejectedError {}

/**
 * Replaces all data with the backup's, in one transaction: either everything is restored or nothing
 * changes. Refuses a backup made under another schema or another SECRET_KEY before writing anything.
 */
export async function restoreBackup(
  db: Database,
  backup: Backup,
  { secrets, attachmentFiles = null }: { secrets: SecretBox; attachmentFiles?: AttachmentFiles | null },
): Promise<Record<string, number>> {
  const current = await appliedMigrations(db);
  if (current.join() !== backup.migrations.join()) {
    throw new BackupRejectedError(
      `the backup was made under ${backup.migrations.length} migrations, this database has ${current.length}; restore into the same version of Ansluta`,
    );
  }
  assertBackupFitsKey(backup, secrets);
  // With ATTACHMENT_DIR, attachments are restored as files there (each checked against its SHA-256) and the rows
  // keep no bytes; written before the transaction, a file left by a failed restore is unreferenced and harmless.
  if (attachmentFiles) {
    const rows: unknown[] = [];
    for (const row of (backup.tables.attachments ?? []) as Record<string, unknown>[]) {
      if (typeof row.bytes === "string") await attachmentFiles.put(String(row.sha256), byteaBytes(row.bytes));
      rows.push({ ...row, bytes: null });
    }
    backup = { ...backup, tables: { ...backup.tables, attachments: rows } };
  }
  return db.transaction(async (tx) => {
    const names = BACKUP_TABLES.map((t) => `"${t.name}"`).join(", ");
    // TRUNCATE, not DELETE: the append-only triggers guard rows, not a whole-database restore. The
    // TRUNCATE guards are lifted for this transaction only (it takes the tables' owner), and put back before it commits.
    for (const g of TRUNCATE_GUARDS) await tx.execute(sql.raw(`alter table "${g.table}" disable trigger "${g.trigger}"`));
    await tx.execute(sql.raw(`truncate ${names} restart identity cascade`));
    for (const g of TRUNCATE_GUARDS) await tx.execute(sql.raw(`alter table "${g.table}" enable trigger "${g.trigger}"`));
    const counts: Record<string, number> = {};
    for (const t of BACKUP_TABLES) {
      const rows = backup.tables[t.name] ?? [];
      counts[t.name] = rows.length;
      if (!rows.length) continue;
      await tx.execute(
        sql`insert into ${sql.identifier(t.name)} select * from json_populate_recordset(null::${sql.identifier(t.name)}, ${JSON.stringify(rows)}::json)`,
      );
    }
    for (const s of SERIAL_COLUMNS) {
      await tx.execute(
        sql.raw(
          `select setval(pg_get_serial_sequence('${s.table}', '${s.column}'), coalesce((select max(${s.column}) from ${s.table}), 0) + 1, false)`,
        ),
      );
    }
    return counts;
  });
}
