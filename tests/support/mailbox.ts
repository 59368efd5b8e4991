import type { Database } from "../../src/db/database.ts";
import { SYSTEM_ACTOR } from "../../src/domain/access/actor.ts";
import { listOutbox } from "../../src/domain/mail/list-outbox.ts";

/**
 * The invitation token in the newest mail to an address: what only the owner of the mailbox sees,
 * since an invitation's link is never shown to the one who invites.
 */
export async function mailedInvitationToken(db: Database, email: string): Promise<string> {
  const mail = (await listOutbox({ db, actor: SYSTEM_ACTOR, limit: 1000 })).find((m) => m.to === email.toLowerCase());
  const token = /\/invitation\/([A-Za-z0-9_-]+)/.exec(mail?.text ?? "")?.[1];
  if (!token) throw new Error(`no invitation mailed to ${email}`);
  return token;
}
