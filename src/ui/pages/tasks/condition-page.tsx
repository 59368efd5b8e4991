import { format, formatDate, formatDateTime } from "../../../i18n/index.ts";
import {
  Alert,
  FactList,
  Form,
  FormErrorSummary,
  Layout,
  Link,
  PageHeading,
  Paragraph,
  SubmitButton,
  Tag,
  TextArea,
} from "../../components/index.ts";
import type { FormErrors, PageContext } from "../../page-context.ts";

export type ConditionEntry = {
  decisionId: string;
  index: number;
  numeral: string;
  text: string;
  owner: string;
  ownerUserId: string | null;
  dueDate: string;
  current: boolean;
  overdue: boolean;
  met: { at: string; byName: string | null; note: string } | null;
  permissions: { markMet: boolean };
};

const day = (ctx: PageContext, d: string) => formatDate(ctx.locale, `${d}T12:00:00Z`);

/** A condition's status as a tag: met, overdue, open, or no longer applying. */
export function ConditionStatusTag({ ctx, condition }: { ctx: PageContext; condition: ConditionEntry }) {
  const t = ctx.m.conditions;
  if (condition.met) return <Tag data-color="success">{t.met}</Tag>;
  if (!condition.current) return <Tag data-color="neutral">{t.superseded}</Tag>;
  if (condition.overdue) return <Tag data-color="danger">{t.overdue}</Tag>;
  return <Tag data-color="warning">{t.open}</Tag>;
}

/** One condition of a decision and, for its owner or the projektledare, the form to mark it met. */
export function ConditionPage({
  ctx,
  initiative,
  decidedOn,
  condition,
  note,
  errors,
}: {
  ctx: PageContext;
  initiative: { id: string; name: string };
  decidedOn: string;
  condition: ConditionEntry;
  note?: string;
  errors?: FormErrors;
}) {
  const t = ctx.m.conditions;
  const title = format(t.pageTitle, { numeral: condition.numeral });
  const milestoneHref = `/initiatives/${initiative.id}/milestones/${condition.numeral}`;
  return (
    <Layout ctx={ctx} title={title}>
      <Paragraph>
        <Link href={milestoneHref}>
          {initiative.name}: {format(ctx.m.milestones.decideTitle, { numeral: condition.numeral })}
        </Link>
      </Paragraph>
      <PageHeading lead={initiative.name}>{title}</PageHeading>
      <FormErrorSummary ctx={ctx} errors={errors} labels={{ note: t.note }} />
      <FactList
        facts={[
          [
            t.text,
            <span key="text" className="prose">
              {condition.text}
            </span>,
          ],
          [t.owner, condition.owner],
          [t.dueDate, day(ctx, condition.dueDate)],
          [t.decision, format(t.decidedOn, { date: day(ctx, decidedOn) })],
          [t.status, <ConditionStatusTag key="status" ctx={ctx} condition={condition} />],
        ]}
      />
      {condition.met ? (
        <Alert data-color="success">
          <Paragraph>
            {condition.met.byName
              ? format(t.metByOn, { date: formatDateTime(ctx.locale, condition.met.at), name: condition.met.byName })
              : format(t.metOn, { date: formatDateTime(ctx.locale, condition.met.at) })}
          </Paragraph>
          <Paragraph className="prose">{condition.met.note}</Paragraph>
        </Alert>
      ) : null}
      {!condition.met && !condition.ownerUserId && condition.current ? <Paragraph data-size="sm">{t.noOwnerMember}</Paragraph> : null}
      {condition.permissions.markMet ? (
        <Form ctx={ctx} action={`/decisions/${condition.decisionId}/conditions/${condition.index}`}>
          <TextArea ctx={ctx} name="note" label={t.note} hint={t.noteHint} value={note} rows={4} errors={errors} />
          <div>
            <SubmitButton>{t.markMet}</SubmitButton>
          </div>
        </Form>
      ) : null}
    </Layout>
  );
}
