import { format, type Messages } from "../../i18n/index.ts";
import { byDueDateThenTitle, type Task } from "./my-tasks.ts";

/** A condition's text is the person's own words and may run long; a title keeps to one line. */
const short = (text: string, max = 120) => (text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text);

export function taskTitle(m: Messages, task: Task): string {
  const t = m.tasks.titles;
  const s = task.subject;
  switch (s.kind) {
    case "approve_document":
      return format(t.approve_document, { document: s.documentTitle });
    case "review_document":
      return format(t.review_document, { document: s.documentTitle });
    case "decide_milestone":
      return format(t.decide_milestone, { numeral: s.numeral });
    case "prepare_decision_point":
      return format(t.prepare_decision_point, { n: s.decisionPointNumber, numeral: s.numeral });
    case "condition_due":
      return format(t.condition_due, { numeral: s.numeral, text: short(s.text) });
    case "read_communication": {
      // One decision may send the organisation two messages with one subject (to its own verksamhet,
      // and to pass on to other stakeholders): the audience tells them apart.
      const audience = (m.milestones.audiences as Record<string, string>)[s.audience] ?? s.audience;
      return format(t.read_communication, { subject: s.subject, audience });
    }
    case "review_risk":
      return format(t.review_risk, { title: short(s.title) });
    case "measure_benefit":
      return format(t.measure_benefit, { name: short(s.name) });
    case "answer_comments":
      return format(s.count === 1 ? t.answer_comment : t.answer_comments, { document: s.documentTitle, count: s.count });
  }
}

/** Tasks with their titles in the reader's language, earliest due first, undated last, then by title. */
export const titledTasks = (m: Messages, tasks: readonly Task[]) =>
  tasks.map((task) => ({ ...task, title: taskTitle(m, task) })).sort(byDueDateThenTitle);
export type TitledTask = ReturnType<typeof titledTasks>[number];
