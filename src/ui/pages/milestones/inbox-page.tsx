import { formatDateTime } from "../../../i18n/index.ts";
import { ActionButton, Card, FactList, Heading, Layout, Link, PageHeading, Paragraph, Tag } from "../../components/index.ts";
import type { PageContext } from "../../page-context.ts";

type Communication = {
  id: string;
  initiativeId: string;
  initiativeName: string;
  organisationName: string;
  audience: string;
  subject: string;
  body: string;
  items: { key: string; label: string; value: string }[];
  createdAt: string;
  status: "sent" | "read";
};

export function InboxPage({ ctx, communications }: { ctx: PageContext; communications: Communication[] }) {
  const { m, locale } = ctx;
  return (
    <Layout ctx={ctx} title={m.inbox.title}>
      <PageHeading lead={m.inbox.intro}>{m.inbox.title}</PageHeading>
      {communications.length === 0 ? <Paragraph>{m.inbox.empty}</Paragraph> : null}
      {communications.map((c) => (
        <Card key={c.id} id={`communication-${c.id}`} className="stack-wide" data-testid="communication">
          <Heading level={2} data-size="sm">
            {c.subject}
          </Heading>
          <Paragraph>
            <Tag data-color={c.status === "read" ? "neutral" : "info"}>{c.status === "read" ? m.milestones.read : m.inbox.unread}</Tag>{" "}
            {m.milestones.audiences[c.audience as keyof typeof m.milestones.audiences] ?? c.audience} · {m.inbox.from} {c.organisationName}{" "}
            · {m.inbox.received} {formatDateTime(locale, c.createdAt)}
          </Paragraph>
          {c.items.length ? <FactList facts={c.items.map((i) => [i.label, i.value] as const)} /> : null}
          <p className="prose">{c.body}</p>
          <div className="actions">
            <Link href={`/initiatives/${c.initiativeId}`}>
              {m.inbox.initiative}: {c.initiativeName}
            </Link>
            {c.status === "sent" ? (
              <ActionButton ctx={ctx} action={`/inbox/${c.id}/read`}>
                {m.inbox.markRead}
                <span className="visually-hidden"> {c.subject}</span>
              </ActionButton>
            ) : null}
          </div>
        </Card>
      ))}
    </Layout>
  );
}
