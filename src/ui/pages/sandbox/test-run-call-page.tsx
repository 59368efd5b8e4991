import type { ReactNode } from "react";
import type { DeliveredMessageMetadata, TestRunCallDetail } from "../../../domain/sandbox/test-runs/test-run-call-view.ts";
import { format, formatTimestamp } from "../../../i18n/index.ts";
import type { CheckStatus } from "../../../sandbox/checks/check.ts";
import { DELIVERY_CONTENTS_KEPT } from "../../../sandbox/emulator/events.ts";
import { FactList, Heading, Layout, Link, PageHeading, Paragraph } from "../../components/index.ts";
import type { PageContext } from "../../page-context.ts";
import { BackLink } from "../initiatives/initiative-parts.tsx";
import { ChecksTable } from "./checks-table.tsx";
import {
  deliveredAttachmentHref,
  deliveredBodyHref,
  formatBytes,
  formatMs,
  loadTestHref,
  OutcomeTag,
  testRunCallsHref,
} from "./test-run-parts.tsx";

/** One call in full: what arrived, how it was answered, every check, and what a recipient would have received. */
export function TestRunCallPage({ ctx, initiativeId, call }: { ctx: PageContext; initiativeId: string; call: TestRunCallDetail }) {
  const t = ctx.m.sandboxRuns;
  const title = format(t.callTitle, { operation: call.operation ?? t.unknownOperation });
  return (
    <Layout ctx={ctx} title={title}>
      <BackLink ctx={ctx} href={testRunCallsHref(initiativeId)} name={t.callsTitle} />
      <PageHeading>{title}</PageHeading>
      <Facts ctx={ctx} initiativeId={initiativeId} call={call} />
      <Checks ctx={ctx} checks={call.checks} />
      <section aria-labelledby="messages-heading" className="stack">
        <Heading level={2} data-size="md" id="messages-heading">
          {t.messagesHeading}
        </Heading>
        {call.messages.length ? (
          <>
            <Paragraph>{t.messagesLead}</Paragraph>
            {call.messages.map((message) => (
              <DeliveredMessage key={message.position} ctx={ctx} initiativeId={initiativeId} callId={call.id} message={message} />
            ))}
          </>
        ) : (
          <Paragraph>{format(t.noMessages, { kept: DELIVERY_CONTENTS_KEPT })}</Paragraph>
        )}
      </section>
    </Layout>
  );
}

/** What a fault code means, in the reader's language; the emulator's own words follow in English. */
function faultReason(ctx: PageContext, code: number | null): string | null {
  if (code === null) return null;
  return (ctx.m.sandboxRuns.faultReasons as Record<string, string>)[String(code)] ?? null;
}

function Facts({ ctx, initiativeId, call }: { ctx: PageContext; initiativeId: string; call: TestRunCallDetail }) {
  const t = ctx.m.sandboxRuns;
  const none = t.notRecorded;
  const rows: [string, ReactNode][] = [
    [t.receivedAt, formatTimestamp(ctx.locale, call.at)],
    [t.durationMs, formatMs(ctx, call.durationMs)],
    [t.outcome, <OutcomeTag key="o" ctx={ctx} outcome={call.outcome} />],
    [t.httpStatus, call.httpStatus ?? none],
    [t.endpoint, <code key="e">{call.endpoint}</code>],
    [t.operator, call.operatorId ?? none],
    [t.clientCertificate, call.clientOrgNr ?? none],
    [t.sender, call.senderOrgNr ?? none],
    [t.recipient, call.recipientIds.join(", ") || none],
    [t.size, formatBytes(ctx, call.requestBytes)],
    [t.faultCode, call.faultCode ?? none],
    [t.reason, faultReason(ctx, call.faultCode) ?? none],
    [
      t.technicalReason,
      call.reason ? (
        <span key="r" lang="en">
          {call.reason}
        </span>
      ) : (
        none
      ),
    ],
    [t.transId, call.transId ? <code key="tid">{call.transId}</code> : none],
  ];
  if (call.loadTestId)
    rows.push([
      t.loadTest,
      <Link key="lt" href={loadTestHref(initiativeId, call.loadTestId)}>
        {t.partOfLoadTest}
      </Link>,
    ]);
  return <FactList facts={rows} />;
}

function Checks({ ctx, checks }: { ctx: PageContext; checks: TestRunCallDetail["checks"] }) {
  const t = ctx.m.sandboxRuns;
  const count = (status: CheckStatus) => checks.filter((c) => c.status === status).length;
  return (
    <section aria-labelledby="checks-heading" className="stack">
      <Heading level={2} data-size="md" id="checks-heading">
        {t.checksHeading}
      </Heading>
      {checks.length ? (
        <>
          <Paragraph>{format(t.checksSummary, { pass: count("pass"), warn: count("warn"), fail: count("fail") })}</Paragraph>
          <ChecksTable ctx={ctx} checks={checks} caption={t.checksHeading} />
        </>
      ) : (
        <Paragraph>{t.noChecks}</Paragraph>
      )}
    </section>
  );
}

/**
 * The message as its recipient would see it. The body comes from its own address into a frame
 * with an empty sandbox attribute: no scripts, no forms, no same-origin access. That address
 * sends its own CSP, so the content stays inert even when opened outside the frame.
 */
function DeliveredMessage({
  ctx,
  initiativeId,
  callId,
  message,
}: {
  ctx: PageContext;
  initiativeId: string;
  callId: string;
  message: DeliveredMessageMetadata;
}) {
  const t = ctx.m.sandboxRuns;
  const number = message.position + 1;
  const subject = message.subject || t.noSubject;
  const headingId = `message-${message.position}`;
  const bodyHref = deliveredBodyHref(initiativeId, callId, message.position);
  return (
    <article aria-labelledby={headingId} className="stack">
      <Heading level={3} data-size="sm" id={headingId}>
        {format(t.messageHeading, { number, subject })}
      </Heading>
      <dl className="facts">
        <div>
          <dt>{t.messageId}</dt>
          <dd>{message.messageId ?? t.notRecorded}</dd>
        </div>
        <div>
          <dt>{t.bodyType}</dt>
          <dd>
            <code>{message.bodyContentType ?? t.notRecorded}</code>, {formatBytes(ctx, message.bodyBytes)}
          </dd>
        </div>
      </dl>
      <iframe sandbox="" src={bodyHref} title={format(t.bodyFrameTitle, { number, subject })} width="100%" height="360" />
      <Paragraph data-size="sm">
        <Link href={bodyHref}>{format(t.openBody, { number })}</Link>
      </Paragraph>
      <Heading level={4} data-size="xs">
        {t.attachments}
      </Heading>
      {message.attachments.length ? (
        <ul>
          {message.attachments.map((a) => (
            <li key={a.index}>
              <Link href={deliveredAttachmentHref(initiativeId, callId, message.position, a.index)} download={a.filename}>
                {format(t.downloadAttachment, { filename: a.filename })}
              </Link>{" "}
              ({format(t.attachmentFacts, { size: formatBytes(ctx, a.bytes), kind: a.isPdf ? t.isPdf : t.notPdf })})
            </li>
          ))}
        </ul>
      ) : (
        <Paragraph>{t.noAttachments}</Paragraph>
      )}
    </article>
  );
}
