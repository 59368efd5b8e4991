import type { Database } from "../../db/database.ts";
import { outbox } from "../../db/schema.ts";

export type Mail = { to: string; subject: string; text: string };

/**
 * Mail is written to the outbox inside the business transaction, so a rolled-back change sends
 * nothing; a deliverer sends it afterwards when SMTP is configured, else it stays readable there.
 */
export async function queueMail(tx: Database, mail: Mail, now: Date): Promise<string> {
  const [row] = await tx
    .insert(outbox)
    .values({ toAddress: mail.to, subject: mail.subject, bodyText: mail.text, createdAt: now })
    .returning({ id: outbox.id });
  if (!row) throw new Error("insert outbox returned nothing");
  return row.id;
}
