import { communicationAnchor } from "../../../domain/tasks/my-tasks.ts";
import { format, formatDateTime } from "../../../i18n/index.ts";
import {
  ActionButton,
  Card,
  Details,
  FactList,
  Form,
  Heading,
  Layout,
  Link,
  PageHeading,
  Pagination,
  Paragraph,
  SubmitButton,
  Tag,
  TextArea,
} from "../../components/index.ts";
import type { FormErrors, PageContext } from "../../page-context.ts";

type Communication = {
  id: string;
  initiativeId: string | null;
  initiativeName: string;
  organisationName: string;
  audience: string;
  subject: string;
  body: string;
  items: { key: string; label: string; value: string }[];
  createdAt: string;
  recipient: { kind: "forvaltningsgrupp" | "organisation"; organisationId: string | null; name: string };
  status: "sent" | "read";
  canMarkRead: boolean;
  answers: { id: string; text: string; createdAt: string; createdByName: string }[];
  canAnswer: boolean;
};

/**
 * The answer field's name, one per message: the inbox shows many answer forms on one page, and
 * each control needs its own id for its label (WCAG 4.1.1/1.3.1).
 */
export const answerField = (communicationId: string) => `answer-${communicationId}`;

/** Whom the reader reads a copy for, as the mark-read form says it. */
const recipientKey = (c: Communication) =>
  c.recipient.kind === "forvaltningsgrupp" ? "forvaltningsgrupp" : (c.recipient.organisationId ?? "");

/**
 * The messages sent to the reader: each copy with its recipient's own read status. A samverkanspart
 * gets no link to the initiative, which is not its to read.
 */
/** Which page of the inbox is shown, of how many, with which filter. */
export type InboxPaging = { status: "all" | "unread"; page: number; pages: number; total: number };

const inboxHref = (status: InboxPaging["status"], page = 1) => {
  const query = new URLSearchParams();
  if (status === "unread") query.set("status", "unread");
  if (page > 1) query.set("page", String(page));
  const text = query.toString();
  return text ? `/inbox?${text}` : "/inbox";
};

export function InboxPage({
  ctx,
  communications,
  paging,
  answerErrors,
}: {
  ctx: PageContext;
  communications: Communication[];
  /** The page of the inbox shown; without it, the one message an answer was refused for. */
  paging?: InboxPaging | undefined;
  /** An answer refused: which message, what was typed, and why. */
  answerErrors?: { communicationId: string; text: string; errors: FormErrors } | undefined;
}) {
  const { m, locale } = ctx;
  // Someone who reads for more than one recipient sees whose copy each one is.
  const several = new Set(communications.map(recipientKey)).size > 1;
  return (
    <Layout ctx={ctx} title={m.inbox.title}>
      <PageHeading lead={m.inbox.intro}>{m.inbox.title}</PageHeading>
      {paging ? <InboxFilter ctx={ctx} paging={paging} /> : <Link href="/inbox">{m.inbox.back}</Link>}
      {communications.length === 0 ? <Paragraph>{paging?.status === "unread" ? m.inbox.noUnread : m.inbox.empty}</Paragraph> : null}
      {communications.map((c) => (
        <Card key={`${c.id}-${recipientKey(c)}`} id={communicationAnchor(c.id, recipientKey(c))} data-testid="communication">
          {/* Blocks between the folded parts: a card that holds Details lays its children edge to edge. */}
          <Card.Block className="stack">
            <Heading level={2} data-size="sm">
              {c.subject}
            </Heading>
            <Paragraph>
              <Tag data-color={c.status === "read" ? "neutral" : "info"}>{c.status === "read" ? m.milestones.read : m.inbox.unread}</Tag>{" "}
              {m.milestones.audiences[c.audience as keyof typeof m.milestones.audiences] ?? c.audience} · {m.inbox.from}{" "}
              {c.organisationName} · {m.inbox.received} {formatDateTime(locale, c.createdAt)}
              {several ? <> · {format(m.recipients.toRecipient, { name: c.recipient.name })}</> : null}
            </Paragraph>
          </Card.Block>
          {/* Folded: the timeline and volumes of a large sender run to many lines, and the inbox is read as a list. */}
          <Details>
            <Details.Summary>
              {m.inbox.readMessage}
              <span className="visually-hidden"> {c.subject}</span>
            </Details.Summary>
            <Details.Content>
              {c.items.length ? <FactList facts={c.items.map((i) => [i.label, i.value] as const)} /> : null}
              <p className="prose">{c.body}</p>
            </Details.Content>
          </Details>
          <Card.Block className="stack-wide">
            <div className="actions">
              {c.initiativeId ? (
                <Link href={`/initiatives/${c.initiativeId}`}>
                  {m.inbox.initiative}: {c.initiativeName}
                </Link>
              ) : null}
              {c.canMarkRead ? (
                <ActionButton ctx={ctx} action={`/inbox/${c.id}/read`} fields={{ recipient: recipientKey(c) }}>
                  {m.inbox.markRead}
                  <span className="visually-hidden"> {c.subject}</span>
                </ActionButton>
              ) : null}
            </div>
            {c.answers.length ? (
              <section aria-labelledby={`answers-${c.id}`} className="stack">
                <Heading level={3} data-size="xs" id={`answers-${c.id}`}>
                  {m.answers.heading}
                </Heading>
                {c.answers.map((a) => (
                  <div key={a.id} data-testid="answer">
                    <p className="prose">{a.text}</p>
                    <Paragraph data-size="sm" className="hint">
                      {format(m.answers.by, { name: a.createdByName, date: formatDateTime(locale, a.createdAt) })}
                    </Paragraph>
                  </div>
                ))}
              </section>
            ) : null}
          </Card.Block>
          {c.canAnswer ? (
            <AnswerForm ctx={ctx} communication={c} refused={answerErrors?.communicationId === c.id ? answerErrors : undefined} />
          ) : null}
        </Card>
      ))}
      {paging ? (
        <Pagination
          ctx={ctx}
          label={m.inbox.pagination}
          page={paging.page}
          pages={paging.pages}
          href={(n) => inboxHref(paging.status, n)}
        />
      ) : null}
    </Layout>
  );
}

/** The förvaltningsgrupp's answer to one message, folded until asked for (open again when refused). */
function AnswerForm({
  ctx,
  communication: c,
  refused,
}: {
  ctx: PageContext;
  communication: Communication;
  refused: { text: string; errors: FormErrors } | undefined;
}) {
  const { m } = ctx;
  const name = answerField(c.id);
  return (
    <Details defaultOpen={refused !== undefined}>
      <Details.Summary>
        {m.answers.open}
        <span className="visually-hidden"> {c.subject}</span>
      </Details.Summary>
      <Details.Content>
        <Form ctx={ctx} action={`/inbox/${c.id}/answers`}>
          <TextArea
            ctx={ctx}
            name={name}
            label={format(m.answers.label, { organisation: c.organisationName })}
            hint={m.answers.hint}
            rows={3}
            errors={refused?.errors.map((e) => ({ ...e, field: e.field === "text" ? name : e.field }))}
            value={refused?.text}
          />
          <div>
            <SubmitButton variant="secondary">
              {m.answers.submit}
              <span className="visually-hidden"> {c.subject}</span>
            </SubmitButton>
          </div>
        </Form>
      </Details.Content>
    </Details>
  );
}

/** All messages or the unread ones, as links (each view has its address), and how many there are. */
function InboxFilter({ ctx, paging }: { ctx: PageContext; paging: InboxPaging }) {
  const t = ctx.m.inbox;
  const views = [
    { status: "all" as const, label: t.showAll },
    { status: "unread" as const, label: t.showUnread },
  ];
  return (
    <>
      <nav aria-label={t.filterLabel}>
        <ul className="plain-list inline-list">
          {views.map((v) => (
            <li key={v.status}>
              <Link href={inboxHref(v.status)} aria-current={v.status === paging.status ? "page" : undefined}>
                {v.label}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <Paragraph data-testid="inbox-count">
        {format(paging.status === "unread" ? t.countUnread : t.count, { total: paging.total })}
      </Paragraph>
    </>
  );
}
