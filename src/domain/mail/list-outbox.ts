import { latestOutboxMail } from "../../db/repositories/outbox-repository.ts";
import { authorize } from "../access/policy.ts";
import type { UseCaseContext } from "../shared/use-case.ts";

export async function listOutbox({ db, actor, limit = 100 }: Pick<UseCaseContext, "db" | "actor"> & { limit?: number }) {
  authorize(actor, { action: "outbox:read" });
  const rows = await latestOutboxMail(db, limit);
  return rows.map((r) => ({
    id: r.id,
    to: r.toAddress,
    subject: r.subject,
    text: r.bodyText,
    createdAt: r.createdAt.toISOString(),
    sentAt: r.sentAt?.toISOString() ?? null,
    lastError: r.lastError,
  }));
}
