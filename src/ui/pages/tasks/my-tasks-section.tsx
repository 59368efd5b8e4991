import { TASK_KINDS } from "../../../domain/tasks/my-tasks.ts";
import type { TitledTask } from "../../../domain/tasks/titled-tasks.ts";
import { format, formatDate } from "../../../i18n/index.ts";
import { Heading, Link, Paragraph, Tag } from "../../components/index.ts";
import type { PageContext } from "../../page-context.ts";

/**
 * "Mina uppgifter" on the start page: what waits for the person, grouped by what they are to do
 * (decide, fastställa, follow up, prepare, review, read), earliest due first within each group,
 * each a link to the page where it is done. Plain links and lists: it works without JavaScript.
 */
export function MyTasksSection({ ctx, tasks, today }: { ctx: PageContext; tasks: readonly TitledTask[]; today: string }) {
  const t = ctx.m.tasks;
  const groups = TASK_KINDS.map((kind) => ({ kind, items: tasks.filter((x) => x.kind === kind) })).filter((g) => g.items.length);
  const member = (ctx.actor?.memberships.size ?? 0) > 0;
  const reader = ctx.actor?.systemRoles.includes("forvaltningsgrupp") ?? false;
  return (
    <section aria-labelledby="my-tasks-heading" className="stack-wide" data-testid="my-tasks">
      <Heading level={2} data-size="md" id="my-tasks-heading">
        {t.heading}
      </Heading>
      {groups.length === 0 ? (
        <div className="stack" data-testid="my-tasks-empty">
          <Paragraph>
            <strong>{t.empty}</strong>
          </Paragraph>
          {member ? <Paragraph>{t.emptyMember}</Paragraph> : null}
          <ul className="plain-list">
            {member || reader ? (
              <li>
                <Link href="/initiatives">{t.emptyLinks}</Link>
              </li>
            ) : null}
            {reader ? (
              <li>
                <Link href="/inbox">{t.emptyInbox}</Link>
              </li>
            ) : null}
          </ul>
        </div>
      ) : (
        <>
          <Paragraph>{t.intro}</Paragraph>
          {groups.map((g) => (
            <div key={g.kind} className="stack" data-testid={`tasks-${g.kind}`}>
              <Heading level={3} data-size="sm" id={`tasks-${g.kind}`}>
                {t.groups[g.kind]} <span className="hint">({g.items.length})</span>
              </Heading>
              <ul className="task-list" aria-labelledby={`tasks-${g.kind}`}>
                {g.items.map((task) => (
                  <li key={task.href} className="task-list__item">
                    <div className="task-list__name">
                      <Link href={task.href}>{task.title}</Link>
                      <p className="hint task-list__meta">{format(t.initiative, { name: task.initiativeName })}</p>
                    </div>
                    {task.dueDate ? (
                      <div className="task-list__status">
                        <DueTag ctx={ctx} kind={task.kind} dueDate={task.dueDate} today={today} />
                      </div>
                    ) : null}
                  </li>
                ))}
              </ul>
            </div>
          ))}
        </>
      )}
    </section>
  );
}

function DueTag({ ctx, kind, dueDate, today }: { ctx: PageContext; kind: string; dueDate: string; today: string }) {
  const t = ctx.m.tasks;
  const date = formatDate(ctx.locale, `${dueDate}T12:00:00Z`);
  // A milestone's planned decision day is when the task is planned for; the rest have a day they are due by.
  const planned = kind === "decide_milestone" || kind === "prepare_decision_point" || kind.endsWith("_document");
  const text = format(planned ? t.planned : t.due, { date });
  if (dueDate < today)
    return (
      <Tag data-color="danger">
        {t.overdue}: {text}
      </Tag>
    );
  return <Tag data-color={dueDate === today ? "warning" : "neutral"}>{text}</Tag>;
}
