import { format } from "../../../i18n/index.ts";
import { deliverableType } from "../../../method/lookup.ts";
import { methodV12 } from "../../../method/v1.2/index.ts";
import { Alert, Form, Layout, Link, PageHeading, Paragraph, SubmitButton } from "../../components/index.ts";
import type { PageContext } from "../../page-context.ts";
import { ApprovalBlockerList, BASE_ETAG_FIELD } from "./deliverable-page.tsx";
import { BackLink, type DeliverableView, inLocale } from "./initiative-parts.tsx";

/** The confirmation field: the status route fastställer only a post that carries it (else it sends the person here). */
export const CONFIRM_FIELD = "confirm";

/**
 * "Fastställa version N?": what fastställa means (this version becomes the basis decisions are
 * taken on, and never changes again) before the final post. The form carries the ETag of the
 * version shown, so a version changed meanwhile is not fastställd unseen. Where the version cannot
 * be fastställd (required sections empty, a second person needed), the page says why instead.
 */
export function ApproveDeliverablePage({
  ctx,
  deliverable,
  initiative,
}: {
  ctx: PageContext;
  deliverable: DeliverableView;
  initiative: { id: string; name: string };
}) {
  const t = ctx.m.initiatives.deliverable;
  const latest = deliverable.versions[deliverable.versions.length - 1];
  const version = latest?.version ?? 0;
  const type = deliverableType(methodV12, deliverable.typeId);
  const authors = [latest?.createdBy, latest?.lastEditedBy]
    .filter((p, i, all): p is NonNullable<typeof p> => p !== null && p !== undefined && all.findIndex((q) => q?.id === p.id) === i)
    .map((p) => p.name ?? t.removedAccount);
  return (
    <Layout ctx={ctx} title={format(t.confirmTitle, { version })}>
      <BackLink ctx={ctx} href={`/deliverables/${deliverable.id}`} name={deliverable.title} />
      <PageHeading lead={format(t.confirmLead, { title: deliverable.title })}>{format(t.confirmTitle, { version })}</PageHeading>
      <dl className="summary-list">
        <dt>{t.type}</dt>
        <dd>{type ? inLocale(ctx, type.name) : deliverable.typeId}</dd>
        <dt>{t.initiative}</dt>
        <dd>{initiative.name}</dd>
        <dt>{t.writtenBy}</dt>
        <dd>{authors.join(", ") || "–"}</dd>
      </dl>
      {deliverable.permissions.approve ? (
        <>
          <Paragraph>{format(t.confirmMeaning, { version })}</Paragraph>
          <Paragraph>{t.confirmFrozen}</Paragraph>
          <Paragraph>{t.confirmRecorded}</Paragraph>
          <Form ctx={ctx} action={`/deliverables/${deliverable.id}/status`}>
            <input type="hidden" name="status" value="faststalld" />
            <input type="hidden" name={CONFIRM_FIELD} value="yes" />
            <input type="hidden" name={BASE_ETAG_FIELD} value={deliverable.etag ?? ""} />
            <div className="actions">
              <SubmitButton>{format(t.confirmSubmit, { version })}</SubmitButton>
              <Link href={`/deliverables/${deliverable.id}`}>{t.confirmCancel}</Link>
            </div>
          </Form>
        </>
      ) : deliverable.approvalBlockers ? (
        <>
          <ApprovalBlockerList ctx={ctx} deliverable={deliverable} linkToFields={false} />
          <Paragraph>
            <Link href={`/deliverables/${deliverable.id}`}>{t.confirmCancel}</Link>
          </Paragraph>
        </>
      ) : (
        <>
          <Alert data-color="info">{format(t.notApprovable, { version })}</Alert>
          <Paragraph>
            <Link href={`/deliverables/${deliverable.id}`}>{t.confirmCancel}</Link>
          </Paragraph>
        </>
      )}
    </Layout>
  );
}
