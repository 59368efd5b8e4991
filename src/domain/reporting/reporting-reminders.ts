import { addDays } from "../follow-up/follow-up-rules.ts";

export type RoundReminderKind = "before" | "after";

/**
 * Which reminder of a round is due today, if any: from `remindDaysBefore` days before the deadline
 * up to the deadline itself "before" (a round opened late reminds at once), and from
 * `remindDaysAfter` days after it (at the earliest the day after) "after". Whether it went out
 * already is reporting_reminders' key to say, not this rule's.
 */
export function roundReminderDue(
  round: { deadline: string; remindDaysBefore: number; remindDaysAfter: number },
  today: string,
): RoundReminderKind | null {
  if (today > round.deadline) return today >= addDays(round.deadline, Math.max(1, round.remindDaysAfter)) ? "after" : null;
  return today >= addDays(round.deadline, -round.remindDaysBefore) ? "before" : null;
}
