import type { Database } from "../../db/database.ts";
import { readAuditCheckpoint } from "../../db/repositories/audit-repository.ts";
import { checkpointSignatureValid } from "./audit-checkpoint.ts";

/** Whether the audit log's checkpoint (if any) was signed under this key: checked at start, so a wrong SECRET_KEY is said at once. */
export async function auditCheckpointFitsKey(db: Database, key: Buffer): Promise<boolean> {
  const checkpoint = await readAuditCheckpoint(db);
  return !checkpoint || checkpointSignatureValid(key, checkpoint);
}
