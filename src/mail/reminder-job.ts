import type { Database } from "../db/database.ts";
import { type ReminderRun, runReminders } from "../domain/follow-up/run-reminders.ts";

const FIRST_ROUND_MS = 60_000;

export type ReminderJob = { runNow(): Promise<ReminderRun>; stop(): Promise<void> };

/**
 * Runs a round of reminders every `intervalMinutes` (0: never) on every app server; the round's
 * database lock and reminders_sent keep several servers from mailing anything twice. The first
 * round runs a minute after start (or after one interval, when that is shorter), so a restart does
 * not delay reminders by a whole interval.
 */
export function startReminderJob(
  db: Database,
  opts: { intervalMinutes: number; daysAhead: number; baseUrl: string; mailQueued: () => void; log: (msg: string) => void },
): ReminderJob {
  let running: Promise<ReminderRun> | null = null;
  const runNow = () => {
    running ??= runReminders({ db, now: new Date(), daysAhead: opts.daysAhead, baseUrl: opts.baseUrl })
      .then((r) => {
        if (r.ran && r.mails) {
          opts.log(`reminders: ${r.reminders} due, ${r.mails} mails queued`);
          opts.mailQueued();
        }
        return r;
      })
      .finally(() => {
        running = null;
      });
    return running;
  };
  const tick = () => void runNow().catch((e: Error) => opts.log(`reminders failed: ${e.message}`));
  const everyMs = opts.intervalMinutes * 60_000;
  const timers =
    everyMs <= 0
      ? []
      : everyMs <= FIRST_ROUND_MS
        ? [setInterval(tick, everyMs)]
        : [setTimeout(tick, FIRST_ROUND_MS), setInterval(tick, everyMs)];
  for (const t of timers) t.unref();
  return {
    runNow,
    stop: async () => {
      for (const t of timers) clearTimeout(t);
      await running?.catch(() => {});
    },
  };
}
