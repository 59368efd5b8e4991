import type { Database } from "../../db/database.ts";
import { insertOutboxMail } from "../../db/repositories/outbox-repository.ts";

export type Mail = { to: string; subject: string; text: string };

/**
 * Mail is written to the outbox inside the business transaction, so a rolled-back change sends
 * nothing; a deliverer sends it afterwards when SMTP is configured, else it stays readable there.
 */
export const queueMail = (tx: Database, mail: Mail, now: Date): Promise<string> =>
  insertOutboxMail(tx, { toAddress: mail.to, subject: mail.subject, bodyText: mail.text, createdAt: now });
