import type { Database } from "../../db/database.ts";
import { openRounds, recordRoundReminder, submittedKeys } from "../../db/repositories/reporting-repository.ts";
import { format, formatDate, messagesFor } from "../../i18n/index.ts";
import { stockholmDay } from "../follow-up/follow-up-rules.ts";
import { projectLeadersToTell } from "../initiatives/project-leaders-to-tell.ts";
import { initiativeStatuses } from "../initiatives/read-initiatives.ts";
import { queueMail } from "../mail/queue-mail.ts";
import { type RoundReminderKind, roundReminderDue } from "./reporting-reminders.ts";

export const initiativeReportingHref = (initiativeId: string) => `/initiatives/${initiativeId}/reporting`;

/**
 * The reporting rounds' part of a reminder round (issue 14): for each open round and each active
 * initiative that has not submitted, its projektledare is mailed once before the deadline and once
 * after it. Runs inside the round's transaction (runReminders); the reminder is recorded in
 * reporting_reminders first and the mail queued only when that insert took, so of two app servers
 * running at once each reminder goes out once, lock or no lock. The initiative's projektledare is
 * the one it names while she still holds the role; else every projektledare of the organisation.
 */
export async function queueReportingReminders(
  tx: Database,
  {
    now,
    baseUrl,
    initiatives,
  }: {
    now: Date;
    baseUrl: string;
    initiatives: readonly { id: string; name: string; organisationId: string; projectManagerId: string | null }[];
  },
): Promise<{ reminders: number; mails: number }> {
  const today = stockholmDay(now);
  const due = (await openRounds(tx))
    .map((round) => ({ round, kind: roundReminderDue(round, today) }))
    .filter((d): d is { round: (typeof d)["round"]; kind: RoundReminderKind } => d.kind !== null);
  if (!due.length) return { reminders: 0, mails: 0 };
  const submitted = await submittedKeys(
    tx,
    due.map((d) => d.round.id),
  );
  // Only initiatives not completed are asked to report (the status read model; read only when a reminder is due).
  const statuses = await initiativeStatuses(tx, "all", now);
  const candidates = initiatives.filter((i) => statuses.get(i.id)?.completed === false);
  const recipientsOf = await projectLeadersToTell(tx, candidates);
  let reminders = 0;
  let mails = 0;
  for (const { round, kind } of due) {
    for (const initiative of candidates) {
      if (submitted.has(`${round.id}:${initiative.id}`)) continue;
      const to = recipientsOf(initiative);
      if (!to.length) continue;
      if (!(await recordRoundReminder(tx, { roundId: round.id, initiativeId: initiative.id, kind, sentAt: now }))) continue;
      reminders++;
      for (const person of to) {
        await queueMail(tx, { to: person.email, ...roundReminderMail({ round, kind, initiative, person, baseUrl }) }, now);
        mails++;
      }
    }
  }
  return { reminders, mails };
}

/** The reminder in the recipient's language (Swedish unless she chose English), with a link to where she submits. */
export function roundReminderMail({
  round,
  kind,
  initiative,
  person,
  baseUrl,
}: {
  round: { name: string; deadline: string };
  kind: RoundReminderKind;
  initiative: { id: string; name: string };
  person: { name: string; locale: string };
  baseUrl: string;
}) {
  const locale = person.locale === "en" ? "en" : "sv";
  const t = messagesFor(locale).reporting.reminders;
  const values = {
    name: person.name,
    round: round.name,
    initiative: initiative.name,
    date: formatDate(locale, `${round.deadline}T12:00:00Z`),
    link: `${baseUrl}${initiativeReportingHref(initiative.id)}`,
  };
  return kind === "before"
    ? { subject: format(t.beforeSubject, values), text: format(t.beforeBody, values) }
    : { subject: format(t.afterSubject, values), text: format(t.afterBody, values) };
}
