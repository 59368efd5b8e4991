import type { OwnRecipientView } from "../../../domain/sandbox/own-recipient-row.ts";
import { format } from "../../../i18n/index.ts";
import { OPERATOR_BEHAVIOURS } from "../../../sandbox/recipients/own-recipient.ts";
import type { Operator } from "../../../sandbox/recipients/scenarios.ts";
import {
  ActionButton,
  ChoiceGroup,
  Form,
  FormErrorSummary,
  Heading,
  Layout,
  PageHeading,
  Paragraph,
  ScrollableTable,
  SelectField,
  SubmitButton,
  Table,
  TextField,
} from "../../components/index.ts";
import type { FormErrors, PageContext } from "../../page-context.ts";
import { BackToOrganisation, expectedText, operatorAnswerText, ownRecipientsHref, setupFormContext } from "./environment-parts.tsx";

/** The add form's fields as typed, so a turned-down form comes back as it was sent. */
export type OwnRecipientFormValues = {
  recipientId: string;
  label: string;
  accountType: string;
  operatorId: string;
  options: string[];
  operatorBehaviour: string;
};

export const EMPTY_OWN_RECIPIENT: OwnRecipientFormValues = {
  recipientId: "",
  label: "",
  accountType: "Secure",
  operatorId: "",
  options: ["senderAccepted"],
  operatorBehaviour: "delivered",
};

/** The organisation's own synthetic recipients: each with the decision it expects, a remove button, and a form to add one. */
export function OwnRecipientsPage({
  ctx: pageCtx,
  organisation,
  recipients,
  operators,
  values = EMPTY_OWN_RECIPIENT,
  errors,
}: {
  ctx: PageContext;
  organisation: { id: string; name: string };
  recipients: readonly OwnRecipientView[];
  operators: readonly Operator[];
  values?: OwnRecipientFormValues;
  errors?: FormErrors;
}) {
  const ctx = setupFormContext(pageCtx);
  const t = ctx.m.sandboxSetup;
  const base = ownRecipientsHref(organisation.id);
  const title = format(t.ownRecipientsTitle, { organisation: organisation.name });
  const operatorName = (key: string | null) => (key ? (operators.find((o) => o.key === key)?.name ?? key) : t.noMailbox);
  return (
    <Layout ctx={ctx} title={title}>
      <BackToOrganisation ctx={ctx} organisation={organisation} />
      <PageHeading lead={t.ownRecipientsLead}>{title}</PageHeading>
      <FormErrorSummary
        ctx={ctx}
        errors={errors}
        labels={{
          recipientId: t.recipientIdLabel,
          label: t.labelLabel,
          accountType: t.accountTypeLegend,
          operatorId: t.operatorLabel,
          options: t.optionsLegend,
          operatorBehaviour: t.operatorBehaviourLabel,
        }}
      />
      {recipients.length ? (
        <ScrollableTable caption={t.ownRecipientsCaption}>
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell>{t.recipientNumber}</Table.HeaderCell>
              <Table.HeaderCell>{t.recipientSituation}</Table.HeaderCell>
              <Table.HeaderCell>{t.recipientMailbox}</Table.HeaderCell>
              <Table.HeaderCell>{t.recipientOperatorBehaviour}</Table.HeaderCell>
              <Table.HeaderCell>{t.recipientExpected}</Table.HeaderCell>
              <Table.HeaderCell>
                <span className="visually-hidden">{t.remove}</span>
              </Table.HeaderCell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {recipients.map((r) => (
              <Table.Row key={r.id}>
                <Table.Cell>
                  <code>{r.recipientId}</code>
                </Table.Cell>
                <Table.Cell>{r.label}</Table.Cell>
                <Table.Cell>
                  {r.pending ? format(t.pendingMailbox, { operator: operatorName(r.operatorId) }) : operatorName(r.operatorId)}
                </Table.Cell>
                <Table.Cell>{operatorAnswerText(ctx, r.operatorId !== null, r.operatorBehaviour)}</Table.Cell>
                <Table.Cell>{expectedText(ctx, r.expected)}</Table.Cell>
                <Table.Cell>
                  <ActionButton ctx={ctx} action={`${base}/${r.id}/delete`} variant="tertiary">
                    {format(t.removeRecipient, { recipientId: r.recipientId })}
                  </ActionButton>
                </Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </ScrollableTable>
      ) : (
        <Paragraph>{t.ownRecipientsEmpty}</Paragraph>
      )}
      <section aria-labelledby="add-recipient-heading" className="stack">
        <Heading level={2} data-size="md" id="add-recipient-heading">
          {t.addRecipientHeading}
        </Heading>
        <Form ctx={ctx} action={base}>
          <TextField
            ctx={ctx}
            name="recipientId"
            label={t.recipientIdLabel}
            hint={t.recipientIdHint}
            value={values.recipientId}
            errors={errors}
            autoComplete="off"
            width="short"
          />
          <TextField ctx={ctx} name="label" label={t.labelLabel} value={values.label} errors={errors} autoComplete="off" />
          <ChoiceGroup
            ctx={ctx}
            name="accountType"
            type="radio"
            legend={t.accountTypeLegend}
            errors={errors}
            options={[
              { value: "Secure", label: t.accountSecure },
              { value: "Not", label: t.accountNot },
            ]}
            selected={[values.accountType]}
          />
          <SelectField
            ctx={ctx}
            name="operatorId"
            label={t.operatorLabel}
            hint={t.operatorHint}
            value={values.operatorId}
            errors={errors}
            options={[{ value: "", label: t.operatorNone }, ...operators.map((o) => ({ value: o.key, label: o.name }))]}
          />
          <ChoiceGroup
            ctx={ctx}
            name="options"
            type="checkbox"
            legend={t.optionsLegend}
            errors={errors}
            options={[
              { value: "senderAccepted", label: t.senderAcceptedLabel },
              { value: "pending", label: t.pendingLabel },
            ]}
            selected={values.options}
          />
          <SelectField
            ctx={ctx}
            name="operatorBehaviour"
            label={t.operatorBehaviourLabel}
            value={values.operatorBehaviour}
            errors={errors}
            options={OPERATOR_BEHAVIOURS.map((b) => ({ value: b, label: t.behaviours[b] }))}
          />
          <div className="actions">
            <SubmitButton>{t.addRecipient}</SubmitButton>
          </div>
        </Form>
      </section>
    </Layout>
  );
}
