import { and, asc, eq, inArray, or, type SQL } from "drizzle-orm";
import type { AttachmentFiles } from "../attachment-files.ts";
import type { Database } from "../database.ts";
import { attachments, users } from "../schema.ts";

export type AttachmentRow = typeof attachments.$inferSelect;

/** An attachment as lists show it: everything but the bytes, with the uploader's name. */
export type AttachmentMeta = Omit<AttachmentRow, "bytes"> & { uploadedByName: string | null };

/** An attachment with its bytes, for whoever assembles files (the decision package). */
export type AttachmentWithBytes = AttachmentMeta & { bytes: Uint8Array };

const META = {
  id: attachments.id,
  initiativeId: attachments.initiativeId,
  deliverableId: attachments.deliverableId,
  version: attachments.version,
  decisionId: attachments.decisionId,
  filename: attachments.filename,
  contentType: attachments.contentType,
  size: attachments.size,
  sha256: attachments.sha256,
  scanned: attachments.scanned,
  uploadedBy: attachments.uploadedBy,
  createdAt: attachments.createdAt,
  uploadedByName: users.name,
};

const metaWhere = (db: Database, where: SQL | undefined) =>
  db
    .select(META)
    .from(attachments)
    .leftJoin(users, eq(users.id, attachments.uploadedBy))
    .where(where)
    .orderBy(asc(attachments.createdAt), asc(attachments.id));

export async function insertAttachment(tx: Database, values: typeof attachments.$inferInsert): Promise<AttachmentMeta> {
  const [row] = await tx.insert(attachments).values(values).returning({ id: attachments.id });
  if (!row) throw new Error("insert attachments returned nothing");
  const [meta] = await metaWhere(tx, eq(attachments.id, row.id));
  if (!meta) throw new Error("the attachment just stored is gone");
  return meta;
}

export const findAttachment = async (db: Database, id: string): Promise<AttachmentMeta | undefined> =>
  (await metaWhere(db, eq(attachments.id, id)))[0];

/** Every attachment of a deliverable, all versions, oldest first. */
export const attachmentsOfDeliverable = (db: Database, deliverableId: string): Promise<AttachmentMeta[]> =>
  metaWhere(db, eq(attachments.deliverableId, deliverableId));

export const attachmentsOfDecisionMeta = (db: Database, decisionId: string): Promise<AttachmentMeta[]> =>
  metaWhere(db, eq(attachments.decisionId, decisionId));

/** How many attachments each decision has, for the milestone page's links. */
export async function attachmentCountsOfDecisions(db: Database, decisionIds: string[]): Promise<Map<string, number>> {
  if (!decisionIds.length) return new Map();
  const rows = await db
    .select({ decisionId: attachments.decisionId })
    .from(attachments)
    .where(inArray(attachments.decisionId, decisionIds));
  const counts = new Map<string, number>();
  for (const r of rows) if (r.decisionId) counts.set(r.decisionId, (counts.get(r.decisionId) ?? 0) + 1);
  return counts;
}

/** The bytes of one attachment, from the row or, when it was stored in ATTACHMENT_DIR, from there. */
export async function attachmentBytes(db: Database, id: string, files: AttachmentFiles | null): Promise<Uint8Array | undefined> {
  const [row] = await db.select({ bytes: attachments.bytes, sha256: attachments.sha256 }).from(attachments).where(eq(attachments.id, id));
  if (!row) return undefined;
  if (row.bytes) return row.bytes;
  if (!files) throw new Error(`attachment ${id} is stored in a directory, and no ATTACHMENT_DIR is set`);
  return files.get(row.sha256);
}

async function withBytes(db: Database, rows: AttachmentMeta[], files: AttachmentFiles | null): Promise<AttachmentWithBytes[]> {
  const out: AttachmentWithBytes[] = [];
  for (const row of rows) {
    const bytes = await attachmentBytes(db, row.id, files);
    if (!bytes) throw new Error(`attachment ${row.id} vanished while read`);
    out.push({ ...row, bytes });
  }
  return out;
}

/**
 * The attachments of the given document versions, with their bytes, in the order the refs are
 * given and oldest first within each (for the decision package). No authorisation here: the
 * caller has checked that the actor may read these deliverables.
 */
export async function attachmentsOfVersions(
  db: Database,
  refs: readonly { deliverableId: string; version: number }[],
  files: AttachmentFiles | null = null,
): Promise<AttachmentWithBytes[]> {
  if (!refs.length) return [];
  const rows = await metaWhere(
    db,
    or(...refs.map((r) => and(eq(attachments.deliverableId, r.deliverableId), eq(attachments.version, r.version)))),
  );
  const position = (r: AttachmentMeta) => refs.findIndex((ref) => ref.deliverableId === r.deliverableId && ref.version === r.version);
  return withBytes(
    db,
    [...rows].sort((a, b) => position(a) - position(b)),
    files,
  );
}

/** A decision's attachments with their bytes, oldest first (for the decision package); authorised by the caller. */
export async function attachmentsOfDecision(
  db: Database,
  decisionId: string,
  files: AttachmentFiles | null = null,
): Promise<AttachmentWithBytes[]> {
  return withBytes(db, await attachmentsOfDecisionMeta(db, decisionId), files);
}

/** How many attachments there are (tests count them to show a refused upload stored nothing). */
export async function countAttachments(db: Database): Promise<number> {
  return (await db.select({ id: attachments.id }).from(attachments)).length;
}
