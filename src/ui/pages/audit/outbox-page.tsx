import { formatDateTime } from "../../../i18n/index.ts";
import { Details, Layout, PageHeading, Paragraph, ScrollableTable, Table, Tag } from "../../components/index.ts";
import type { PageContext } from "../../page-context.ts";

type Message = { id: string; to: string; subject: string; text: string; createdAt: string; sentAt: string | null };

export function OutboxPage({ ctx, messages }: { ctx: PageContext; messages: Message[] }) {
  const { m, locale } = ctx;
  return (
    <Layout ctx={ctx} title={m.outbox.title}>
      <PageHeading lead={m.outbox.intro}>{m.outbox.title}</PageHeading>
      {messages.length ? (
        <ScrollableTable caption={m.outbox.title}>
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell>{m.outbox.created}</Table.HeaderCell>
              <Table.HeaderCell>{m.outbox.to}</Table.HeaderCell>
              <Table.HeaderCell>{m.outbox.subject}</Table.HeaderCell>
              <Table.HeaderCell>{m.outbox.status}</Table.HeaderCell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {messages.map((msg) => (
              <Table.Row key={msg.id}>
                <Table.Cell>{formatDateTime(locale, msg.createdAt)}</Table.Cell>
                <Table.Cell>{msg.to}</Table.Cell>
                <Table.Cell>
                  <Details>
                    <Details.Summary>{msg.subject}</Details.Summary>
                    <Details.Content>
                      <pre className="audit-change">{msg.text}</pre>
                    </Details.Content>
                  </Details>
                </Table.Cell>
                <Table.Cell>
                  <Tag data-color={msg.sentAt ? "success" : "neutral"}>{msg.sentAt ? m.outbox.sent : m.outbox.pending}</Tag>
                </Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </ScrollableTable>
      ) : (
        <Paragraph>{m.outbox.empty}</Paragraph>
      )}
    </Layout>
  );
}
