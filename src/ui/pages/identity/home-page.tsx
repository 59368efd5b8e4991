import type { TitledTask } from "../../../domain/tasks/titled-tasks.ts";
import { format } from "../../../i18n/index.ts";
import { Card, Heading, Layout, Link, PageHeading, Paragraph, Tag } from "../../components/index.ts";
import type { PageContext } from "../../page-context.ts";
import { MyTasksSection } from "../tasks/my-tasks-section.tsx";

export function HomePage({ ctx, tasks, today }: { ctx: PageContext; tasks: readonly TitledTask[]; today: string }) {
  const { m, actor } = ctx;
  if (!actor) return null;
  const active = ctx.organisations.find((o) => o.id === ctx.activeOrganisationId);
  const roles = active ? (actor.memberships.get(active.id) ?? []) : [];
  return (
    <Layout ctx={ctx} title={m.nav.start}>
      <PageHeading lead={m.home.intro}>{format(m.home.title, { name: actor.name })}</PageHeading>
      <MyTasksSection ctx={ctx} tasks={tasks} today={today} />
      {active ? (
        <Card>
          <Heading level={2} data-size="sm">
            <Link href={`/organisations/${active.id}`}>{active.name}</Link>
          </Heading>
          <Paragraph>{format(m.home.activeOrganisation, { organisation: active.name })}</Paragraph>
          <Heading level={3} data-size="xs">
            {m.home.yourRoles}
          </Heading>
          <ul className="tag-list">
            {roles.map((r) => (
              <li key={r}>
                <Tag data-color="info">{m.roles[r]}</Tag>
              </li>
            ))}
          </ul>
        </Card>
      ) : actor.systemRoles.length ? null : (
        <Paragraph>{m.home.noMembership}</Paragraph>
      )}
      {actor.systemRoles.includes("forvaltningsgrupp") ? (
        <Card>
          <Paragraph>{m.home.forvaltningsgruppIntro}</Paragraph>
          <ul>
            <li>
              <Link href="/inbox">{m.nav.inbox}</Link>
            </li>
            <li>
              <Link href="/reporting-rounds">{m.reporting.nav}</Link>
            </li>
            <li>
              <Link href="/initiatives">{m.nav.initiatives}</Link>
            </li>
            <li>
              <Link href="/organisations">{m.nav.organisations}</Link>
            </li>
          </ul>
        </Card>
      ) : null}
      {actor.systemRoles.includes("admin") ? (
        <Card>
          <Paragraph>{m.home.adminIntro}</Paragraph>
          <ul>
            <li>
              <Link href="/organisations">{m.nav.organisations}</Link>
            </li>
            <li>
              <Link href="/admin/audit">{m.nav.audit}</Link>
            </li>
            <li>
              <Link href="/admin/outbox">{m.nav.outbox}</Link>
            </li>
          </ul>
        </Card>
      ) : null}
      {actor.systemRoles.length ? (
        <ul className="tag-list" aria-label={m.home.yourRoles}>
          {actor.systemRoles.map((r) => (
            <li key={r}>
              <Tag data-color="accent">{m.roles[r]}</Tag>
            </li>
          ))}
        </ul>
      ) : null}
    </Layout>
  );
}
