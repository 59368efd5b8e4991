import { and, asc, isNull, sql } from "drizzle-orm";
import nodemailer from "nodemailer";
import type { Database } from "../db/database.ts";
import { outbox } from "../db/schema.ts";

export type MailDeliverer = {
  /** Start a delivery pass now (after a change queued mail). */
  kick(): void;
  /** One pass over pending mail; resolves with how many were sent. */
  deliverPending(): Promise<number>;
  stop(): Promise<void>;
};

const RETRY_EVERY_MS = 30_000;
const BATCH = 20;

/**
 * Sends what the outbox holds through SMTP_URL. Rows are claimed with SKIP LOCKED, so several
 * app servers can run deliverers without sending a message twice. Without SMTP_URL it does
 * nothing and mail stays in the outbox for an admin to read.
 */
export function createMailDeliverer(
  db: Database,
  opts: { smtpUrl?: string | undefined; from: string; log?: (msg: string) => void },
): MailDeliverer {
  if (!opts.smtpUrl) {
    return { kick: () => {}, deliverPending: async () => 0, stop: async () => {} };
  }
  const transport = nodemailer.createTransport(opts.smtpUrl);
  let running: Promise<number> | null = null;
  let again = false;
  let stopped = false;

  const pass = async () => {
    return db.transaction(async (tx) => {
      const rows = await tx
        .select()
        .from(outbox)
        .where(and(isNull(outbox.sentAt)))
        .orderBy(asc(outbox.createdAt))
        .limit(BATCH)
        .for("update", { skipLocked: true });
      let sent = 0;
      for (const row of rows) {
        try {
          await transport.sendMail({ from: opts.from, to: row.toAddress, subject: row.subject, text: row.bodyText });
          await tx.update(outbox).set({ sentAt: new Date(), lastError: null }).where(sql`${outbox.id} = ${row.id}`);
          sent++;
        } catch (e) {
          await tx
            .update(outbox)
            .set({ lastError: String((e as Error).message).slice(0, 500) })
            .where(sql`${outbox.id} = ${row.id}`);
          opts.log?.(`mail to ${row.toAddress} failed: ${(e as Error).message}`);
        }
      }
      return { claimed: rows.length, sent };
    });
  };

  /**
   * Passes until the outbox has nothing more for this server: another after a full batch, and
   * another when mail was queued during a pass (its kick found this one running, and the pass had
   * already read the outbox). Failed mail ends it, for the timer to try again later.
   */
  const drain = async () => {
    let total = 0;
    do {
      again = false;
      const { claimed, sent } = await pass();
      total += sent;
      if (claimed === BATCH && sent === claimed) again = true;
    } while (again && !stopped);
    return total;
  };

  const deliverPending = () => {
    if (running) {
      again = true;
      return running;
    }
    running = drain().finally(() => {
      running = null;
    });
    return running;
  };
  const timer = setInterval(() => void deliverPending().catch(() => {}), RETRY_EVERY_MS);
  timer.unref();

  return {
    kick: () => void deliverPending().catch((e: Error) => opts.log?.(`mail delivery failed: ${e.message}`)),
    deliverPending,
    stop: async () => {
      stopped = true;
      clearInterval(timer);
      await running?.catch(() => {});
      transport.close();
    },
  };
}
