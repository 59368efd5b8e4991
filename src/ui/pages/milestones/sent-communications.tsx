import type { RecipientView } from "../../../domain/communications/recipient-view.ts";
import { format, formatDateTime } from "../../../i18n/index.ts";
import { Details, FactList, Heading, Tag } from "../../components/index.ts";
import type { PageContext } from "../../page-context.ts";

export type SentCommunication = {
  id: string;
  audience: string;
  subject: string;
  body: string;
  items: { key: string; label: string; value: string }[];
  recipients: RecipientView[];
  answers?: readonly { id: string; text: string; createdAt: string; createdByName: string }[];
};

function RecipientStatus({ ctx, recipient: r }: { ctx: PageContext; recipient: RecipientView }) {
  const t = ctx.m.recipients;
  if (r.status === "emailed") return <Tag data-color="neutral">{format(t.emailed, { email: r.email ?? "" })}</Tag>;
  if (r.status === "read" && r.readAt)
    return <Tag data-color="success">{format(t.read, { date: formatDateTime(ctx.locale, r.readAt) })}</Tag>;
  return <Tag data-color="info">{t.sent}</Tag>;
}

/**
 * What a decision sent, as its sender keeps it: per audience, each recipient with its own read
 * status (or "inga samverkansparter"), and the message itself.
 */
export function SentCommunications({ ctx, communications }: { ctx: PageContext; communications: readonly SentCommunication[] }) {
  const { m } = ctx;
  if (!communications.length) return null;
  return (
    <>
      <Heading level={4} data-size="xs">
        {m.milestones.communications}
      </Heading>
      <ul className="sent-communications">
        {communications.map((c) => {
          const audience = m.milestones.audiences[c.audience as keyof typeof m.milestones.audiences] ?? c.audience;
          return (
            <li key={c.id} data-testid="sent-communication">
              {c.recipients.length === 0 ? (
                <>
                  {audience}: {m.recipients.noPartners}
                </>
              ) : (
                <>
                  {audience}:
                  <ul>
                    {c.recipients.map((r) => (
                      <li key={`${r.kind}-${r.organisationId ?? r.email ?? ""}`}>
                        {r.kind === "forvaltningsgrupp" ? null : <>{r.name} </>}
                        <RecipientStatus ctx={ctx} recipient={r} />
                      </li>
                    ))}
                  </ul>
                  <Details>
                    <Details.Summary>
                      {m.recipients.message}
                      <span className="visually-hidden">: {audience}</span>
                    </Details.Summary>
                    <Details.Content>
                      <p>
                        <strong>{c.subject}</strong>
                      </p>
                      {c.items.length ? <FactList facts={c.items.map((i) => [i.label, i.value] as const)} /> : null}
                      <p className="prose">{c.body}</p>
                    </Details.Content>
                  </Details>
                  {c.answers?.length ? (
                    <div data-testid="sent-communication-answers">
                      <strong>{m.answers.heading}</strong>
                      {c.answers.map((a) => (
                        <div key={a.id}>
                          <p className="prose">{a.text}</p>
                          <p className="hint">
                            {format(m.answers.by, { name: a.createdByName, date: formatDateTime(ctx.locale, a.createdAt) })}
                          </p>
                        </div>
                      ))}
                    </div>
                  ) : null}
                </>
              )}
            </li>
          );
        })}
      </ul>
    </>
  );
}
