import type { Database } from "../../db/database.ts";
import {
  decisionsOfInitiatives,
  followUpsOf,
  initiativesWithGroups,
  plansOf,
  recipientsByIds,
  recordReminder,
  tryReminderLock,
} from "../../db/repositories/follow-up-repository.ts";
import { format, formatDate, messagesFor } from "../../i18n/index.ts";
import type { OrganisationRole } from "../access/roles.ts";
import { queueMail } from "../mail/queue-mail.ts";
import { queueReportingReminders } from "../reporting/queue-reporting-reminders.ts";
import { conditionHref } from "../tasks/my-tasks.ts";
import { stockholmDay } from "./follow-up-rules.ts";
import { queueValueReminders } from "./queue-value-reminders.ts";
import { dueReminders, type Reminder } from "./reminders.ts";

export type ReminderRun = { ran: false } | { ran: true; reminders: number; mails: number };

/**
 * One round of reminders: conditions and planned decisions `daysAhead` days ahead and overdue (and
 * the risk register's overdue reviews, the benefits' due measurements and the reporting rounds'), each
 * (subject, kind) mailed once through the outbox. The round holds a transaction-scoped advisory
 * lock, so of several app servers (or a server and the CLI) starting a round at once only one runs
 * it and the others return `{ ran: false }`; reminders_sent's key makes a second mail impossible
 * even without the lock. Mail and record commit together: a failed round sends nothing.
 */
export async function runReminders({
  db,
  now,
  daysAhead,
  baseUrl,
}: {
  db: Database;
  now: Date;
  daysAhead: number;
  baseUrl: string;
}): Promise<ReminderRun> {
  return db.transaction(async (tx) => {
    if (!(await tryReminderLock(tx))) return { ran: false };
    const initiatives = await initiativesWithGroups(tx, null);
    const ids = initiatives.map((i) => i.id);
    // One connection runs one query at a time: inside a transaction, read in sequence.
    const decisions = await decisionsOfInitiatives(tx, ids);
    const followUps = await followUpsOf(tx, ids);
    const plans = await plansOf(tx, ids);
    const steering = await recipientsByIds(tx, [...new Set(initiatives.flatMap((i) => i.steeringGroup))]);
    const reminders = dueReminders({
      today: stockholmDay(now),
      daysAhead,
      initiatives,
      decisions,
      followUps,
      plans,
      rolesOf: (userId, organisationId) => (steering.find((p) => p.id === userId)?.roles.get(organisationId) ?? []) as OrganisationRole[],
    });
    const people = await recipientsByIds(tx, [...new Set(reminders.flatMap((r) => r.recipients))]);
    let sent = 0;
    let mails = 0;
    for (const r of reminders) {
      const to = people.filter((p) => r.recipients.includes(p.id));
      if (!to.length) continue;
      if (!(await recordReminder(tx, { subjectKey: r.subjectKey, kind: r.kind, sentAt: now, recipients: to.length }))) continue;
      sent++;
      for (const person of to) {
        await queueMail(tx, { to: person.email, ...reminderMail(r, person, baseUrl) }, now);
        mails++;
      }
    }
    // Overdue risk reviews and due benefit measurements (issue 12), in the same round and lock.
    const value = await queueValueReminders(tx, { now, baseUrl, initiatives });
    // Reporting rounds' reminders to initiatives not completed that have not submitted (issue 14).
    const reporting = await queueReportingReminders(tx, { now, baseUrl, initiatives });
    return { ran: true, reminders: sent + value.reminders + reporting.reminders, mails: mails + value.mails + reporting.mails };
  });
}

/** The reminder in the recipient's language, with a link straight to where it is acted on. */
export function reminderMail(r: Reminder, person: { name: string; locale: "sv" | "en" }, baseUrl: string) {
  const t = messagesFor(person.locale).reminders;
  const values = {
    name: person.name,
    initiative: r.initiative.name,
    numeral: r.numeral,
    date: formatDate(person.locale, `${r.dueDate}T12:00:00Z`),
  };
  if (r.about === "condition") {
    const link = `${baseUrl}${conditionHref(r.decisionId, r.index)}`;
    const overdue = r.kind === "overdue";
    return {
      subject: format(overdue ? t.conditionOverdueSubject : t.conditionAheadSubject, values),
      text: format(overdue ? t.conditionOverdueBody : t.conditionBody, { ...values, text: r.text, link }),
    };
  }
  const link = `${baseUrl}/initiatives/${r.initiative.id}/milestones/${r.numeral}`;
  const overdue = r.kind === "overdue";
  return {
    subject: format(overdue ? t.decisionOverdueSubject : t.decisionAheadSubject, values),
    text: format(overdue ? t.decisionOverdueBody : t.decisionBody, { ...values, link }),
  };
}
