import { answersOf, findCommunication, insertAnswer } from "../../db/repositories/communication-repository.ts";
import { findInitiative } from "../../db/repositories/initiative-repository.ts";
import { format, messagesFor } from "../../i18n/index.ts";
import { can } from "../access/policy.ts";
import { recordAudit } from "../audit/record-audit.ts";
import { projectLeadersToTell } from "../initiatives/project-leaders-to-tell.ts";
import { queueMail } from "../mail/queue-mail.ts";
import { notFound } from "../shared/domain-error.ts";
import type { UseCaseContext } from "../shared/use-case.ts";

export type AnswerView = { id: string; communicationId: string; text: string; createdAt: string; createdByName: string };

const answerView = (a: Awaited<ReturnType<typeof answersOf>>[number]): AnswerView => ({
  id: a.id,
  communicationId: a.communicationId,
  text: a.text,
  createdAt: a.createdAt.toISOString(),
  createdByName: a.createdByName,
});

/** The answers to each of these communications, for views that show them beside the message. */
export async function answersByCommunication(db: UseCaseContext["db"], ids: readonly string[]): Promise<Map<string, AnswerView[]>> {
  const byId = new Map<string, AnswerView[]>();
  for (const a of await answersOf(db, ids)) byId.set(a.communicationId, [...(byId.get(a.communicationId) ?? []), answerView(a)]);
  return byId;
}

/** A communication the actor may answer (the förvaltningsgrupp, one sent to it); to anyone else it does not exist. */
export async function answerableCommunication({ db, actor }: Pick<UseCaseContext, "db" | "actor">, communicationId: string) {
  const communication = await findCommunication(db, communicationId);
  if (
    !communication ||
    !can(actor, { action: "communications:acknowledge-forvaltningsgrupp" }) ||
    !communication.recipients.some((r) => r.kind === "forvaltningsgrupp")
  ) {
    throw notFound("communication");
  }
  return communication;
}

/**
 * The förvaltningsgrupp answers a communication it received (issue 14): the answer is kept beside the
 * message and mailed, in the same transaction, to the initiative's projektledare (the one it names
 * while she holds the role, else every projektledare of the organisation). Anyone else, and a
 * communication not sent to the förvaltningsgrupp, is answered as for one that does not exist.
 */
export async function answerCommunication({
  db,
  actor,
  now,
  communicationId,
  text,
  baseUrl,
}: UseCaseContext & { communicationId: string; text: string; baseUrl: string }): Promise<AnswerView> {
  const communication = await answerableCommunication({ db, actor }, communicationId);
  const initiative = await findInitiative(db, communication.initiativeId);
  if (!initiative) throw notFound("communication");
  const to = (await projectLeadersToTell(db, [initiative]))(initiative);
  return db.transaction(async (tx) => {
    const answer = await insertAnswer(tx, { communicationId, text, createdAt: now, createdBy: actor.userId, createdByName: actor.name });
    for (const person of to) {
      const t = messagesFor(person.locale === "en" ? "en" : "sv").answers;
      const values = {
        name: person.name,
        subject: communication.subject,
        initiative: initiative.name,
        text,
        link: `${baseUrl}/initiatives/${initiative.id}`,
      };
      await queueMail(tx, { to: person.email, subject: format(t.mailSubject, values), text: format(t.mailBody, values) }, now);
    }
    await recordAudit(
      tx,
      actor,
      {
        action: "communication.answer",
        entityType: "communication",
        entityId: communicationId,
        organisationId: communication.organisationId,
        after: { answerId: answer.id, text, mailedTo: to.map((p) => p.email) },
      },
      now,
    );
    return answerView(answer);
  });
}
