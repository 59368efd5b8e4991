import type { Database } from "../../db/database.ts";
import { recipientsByIds, recordReminder } from "../../db/repositories/follow-up-repository.ts";
import { measuredBenefitsOf, reviewableRisksOf } from "../../db/repositories/reminder-repository.ts";
import { format, formatDate, messagesFor } from "../../i18n/index.ts";
import { queueMail } from "../mail/queue-mail.ts";
import { stockholmDay } from "./follow-up-rules.ts";
import { benefitTaskHref, riskTaskHref, type ValueDue, valueDue, valueSubjectKey } from "./value-reminders.ts";

/**
 * The risk register's and the nyttorealiseringsplan's part of a reminder round: each overdue risk
 * review and each due benefit measurement mailed once to the member responsible. Runs inside the
 * round's transaction (runReminders), under its advisory lock, and records each subject and due day
 * in reminders_sent ("overdue": the day has come), so no second mail goes out whoever runs the round.
 */
export async function queueValueReminders(
  tx: Database,
  {
    now,
    baseUrl,
    initiatives,
  }: { now: Date; baseUrl: string; initiatives: readonly { id: string; name: string; projectManagerId: string | null }[] },
): Promise<{ reminders: number; mails: number }> {
  const ids = initiatives.map((i) => i.id);
  // One connection runs one query at a time: inside a transaction, read in sequence.
  const risks = await reviewableRisksOf(tx, ids);
  const benefits = await measuredBenefitsOf(tx, ids);
  const due = valueDue({ today: stockholmDay(now), initiatives, risks, benefits });
  const people = await recipientsByIds(tx, [...new Set(due.flatMap((d) => (d.responsible ? [d.responsible] : [])))]);
  let reminders = 0;
  let mails = 0;
  for (const d of due) {
    const person = people.find((p) => p.id === d.responsible);
    const initiative = initiatives.find((i) => i.id === d.initiativeId);
    if (!person || !initiative) continue;
    if (!(await recordReminder(tx, { subjectKey: valueSubjectKey(d), kind: "overdue", sentAt: now, recipients: 1 }))) continue;
    reminders++;
    await queueMail(tx, { to: person.email, ...valueReminderMail(d, initiative.name, person, baseUrl) }, now);
    mails++;
  }
  return { reminders, mails };
}

/** The reminder in the recipient's language, with a link straight to the risk or the benefit. */
export function valueReminderMail(d: ValueDue, initiative: string, person: { name: string; locale: "sv" | "en" }, baseUrl: string) {
  const t = messagesFor(person.locale).riskReminders;
  const date = formatDate(person.locale, `${d.dueDate}T12:00:00Z`);
  if (d.about === "risk") {
    const values = { name: person.name, title: d.title, initiative, date, link: `${baseUrl}${riskTaskHref(d.id)}` };
    return { subject: format(t.riskSubject, values), text: format(t.riskBody, values) };
  }
  const values = { name: person.name, benefit: d.name, metric: d.metric, initiative, date, link: `${baseUrl}${benefitTaskHref(d.id)}` };
  return { subject: format(t.measurementSubject, values), text: format(t.measurementBody, values) };
}
