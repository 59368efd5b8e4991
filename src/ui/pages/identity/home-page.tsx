import { Card, Heading, Layout, Link, PageHeading, Paragraph, Tag } from "../../components/index.ts";
import { format } from "../../i18n/index.ts";
import type { PageContext } from "../../page-context.ts";

export function HomePage({ ctx }: { ctx: PageContext }) {
  const { m, actor } = ctx;
  if (!actor) return null;
  const active = ctx.organisations.find((o) => o.id === ctx.activeOrganisationId);
  const roles = active ? (actor.memberships.get(active.id) ?? []) : [];
  return (
    <Layout ctx={ctx} title={m.nav.start}>
      <PageHeading lead={m.home.intro}>{format(m.home.title, { name: actor.name })}</PageHeading>
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
      ) : (
        <Paragraph>{m.home.noMembership}</Paragraph>
      )}
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
