import { Fragment } from "react";
import { CONNECTION_TACTICS, FLOW_STATUSES, RECIPIENT_TYPES } from "../../../domain/flows/flow-input.ts";
import type { FlowView } from "../../../domain/flows/flow-view.ts";
import { format } from "../../../i18n/index.ts";
import {
  ChoiceGroup,
  FieldGroup,
  Form,
  FormErrorSummary,
  Heading,
  Layout,
  Link,
  PageHeading,
  Paragraph,
  SelectField,
  SubmitButton,
  TextArea,
  TextField,
} from "../../components/index.ts";
import type { FormErrors, PageContext } from "../../page-context.ts";
import { BackLink, formatDay } from "../initiatives/initiative-parts.tsx";
import { deleteFlowHref, FlowNav, flowHref, flowsHref, formatCount, formatSek, formatShare, newFlowHref } from "./flow-parts.tsx";

/** The form as typed (see http/routes/flows/flow-form.ts): strings, and checkboxes as booleans. */
export type FlowFormShown = {
  name: string;
  description: string;
  businessProcess: string;
  sourceSystem: string;
  recipientType: string;
  annualVolume: string;
  seasonality: string[];
  currentChannel: string;
  costPerLetterSek: string;
  informationSecurityClass: string;
  legalConstraints: string;
  needsReplies: boolean;
  needsReceipts: boolean;
  tactic: string;
  plannedTestDate: string;
  plannedProductionDate: string;
  status: string;
};

const monthField = (i: number) => `seasonality.${i}`;

/** The flow pages' own wording of some errors (per cent, 100 per cent) over the shared ones. */
const flowFormContext = (ctx: PageContext): PageContext => ({
  ...ctx,
  m: { ...ctx.m, fieldErrors: { ...ctx.m.fieldErrors, ...ctx.m.flows.fieldErrors } },
});

type Props = {
  ctx: PageContext;
  initiative: { id: string; name: string };
  /** The stored flow on its own page; absent on the page that registers one. */
  flow?: FlowView | undefined;
  canManage: boolean;
  values: FlowFormShown;
  errors?: FormErrors | undefined;
  /** The installation's information security classes. */
  scale: readonly string[];
};

/**
 * A meddelandeflöde: registered on its own page, then shown and changed on the flow's page by the
 * team; everyone else in the organisation reads it. Works without JavaScript: a plain form post,
 * the error summary and each field's error when something is wrong, a redirect when it is saved.
 */
export function FlowFormPage(props: Props) {
  const ctx = flowFormContext(props.ctx);
  const { initiative, flow, canManage } = props;
  const t = ctx.m.flows;
  const title = flow ? flow.name : t.newTitle;
  return (
    <Layout ctx={ctx} title={title}>
      <BackLink ctx={ctx} href={flowsHref(initiative.id)} name={t.title} />
      <PageHeading lead={flow ? flow.description || undefined : format(t.newLead, { initiative: initiative.name })}>{title}</PageHeading>
      {flow ? <FlowNav ctx={ctx} initiativeId={initiative.id} current="list" /> : null}
      {flow && !canManage ? (
        <>
          <FlowFacts ctx={ctx} flow={flow} />
          <Paragraph>{t.readOnly}</Paragraph>
        </>
      ) : (
        <FlowForm {...props} ctx={ctx} />
      )}
    </Layout>
  );
}

function FlowForm({ ctx, initiative, flow, values, errors, scale }: Props) {
  const t = ctx.m.flows;
  const optional = ctx.m.common.optional;
  const labels: Record<string, string> = {
    name: t.name,
    description: t.description,
    businessProcess: t.businessProcess,
    sourceSystem: t.sourceSystem,
    recipientType: t.recipientType,
    annualVolume: t.annualVolumeShort,
    seasonality: t.seasonalitySummary,
    currentChannel: t.currentChannel,
    costPerLetterSek: t.costPerLetterShort,
    informationSecurityClass: t.informationSecurityClass,
    legalConstraints: t.legalConstraints,
    needsReplies: t.needsReplies,
    needsReceipts: t.needsReceipts,
    tactic: t.tactic,
    plannedTestDate: t.plannedTestDate,
    plannedProductionDate: t.plannedProductionDate,
    status: t.status,
    ...Object.fromEntries(t.monthNames.map((name, i) => [monthField(i), `${t.seasonalitySummary}, ${name.toLowerCase()}`])),
  };
  // A class stored before the installation changed its scale stays choosable, so saving keeps it.
  const classes =
    values.informationSecurityClass && !scale.includes(values.informationSecurityClass)
      ? [...scale, values.informationSecurityClass]
      : scale;
  return (
    <section aria-labelledby="flow-form-heading" className="stack">
      {flow ? (
        <Heading level={2} data-size="md" id="flow-form-heading">
          {t.editHeading}
        </Heading>
      ) : (
        <span id="flow-form-heading" className="visually-hidden">
          {t.newTitle}
        </span>
      )}
      <FormErrorSummary ctx={ctx} errors={errors} labels={labels} />
      <Form ctx={ctx} action={flow ? flowHref(flow.id) : newFlowHref(initiative.id)}>
        <TextField ctx={ctx} name="name" label={t.name} hint={t.nameHint} value={values.name} errors={errors} autoComplete="off" />
        <TextArea ctx={ctx} name="description" label={`${t.description} ${optional}`} value={values.description} errors={errors} rows={3} />
        <TextField
          ctx={ctx}
          name="businessProcess"
          label={`${t.businessProcess} ${optional}`}
          value={values.businessProcess}
          errors={errors}
          autoComplete="off"
        />
        <TextField
          ctx={ctx}
          name="sourceSystem"
          label={`${t.sourceSystem} ${optional}`}
          hint={t.sourceSystemHint}
          value={values.sourceSystem}
          errors={errors}
          autoComplete="off"
        />
        <ChoiceGroup
          ctx={ctx}
          name="recipientType"
          type="radio"
          legend={t.recipientType}
          errors={errors}
          options={RECIPIENT_TYPES.map((r) => ({ value: r, label: t.recipientTypes[r] }))}
          selected={[values.recipientType]}
        />
        <TextField
          ctx={ctx}
          name="annualVolume"
          label={t.annualVolume}
          hint={t.annualVolumeHint}
          value={values.annualVolume}
          errors={errors}
          width="short"
          autoComplete="off"
        />
        <FieldGroup
          ctx={ctx}
          name="seasonality"
          legend={t.seasonality}
          hint={t.seasonalityHint}
          errors={errors}
          className="seasonality-grid"
        >
          {t.monthNames.map((month, i) => (
            <TextField
              key={month}
              ctx={ctx}
              name={monthField(i)}
              label={`${month} (%)`}
              value={values.seasonality[i]}
              errors={errors}
              width="short"
              autoComplete="off"
            />
          ))}
        </FieldGroup>
        <TextField
          ctx={ctx}
          name="currentChannel"
          label={`${t.currentChannel} ${optional}`}
          hint={t.currentChannelHint}
          value={values.currentChannel}
          errors={errors}
          autoComplete="off"
        />
        <TextField
          ctx={ctx}
          name="costPerLetterSek"
          label={t.costPerLetterSek}
          hint={t.costPerLetterHint}
          value={values.costPerLetterSek}
          errors={errors}
          width="short"
          autoComplete="off"
        />
        <SelectField
          ctx={ctx}
          name="informationSecurityClass"
          label={t.informationSecurityClass}
          hint={t.informationSecurityHint}
          value={values.informationSecurityClass}
          errors={errors}
          options={[{ value: "", label: t.notClassified }, ...classes.map((c) => ({ value: c, label: c }))]}
        />
        <TextArea
          ctx={ctx}
          name="legalConstraints"
          label={`${t.legalConstraints} ${optional}`}
          hint={t.legalConstraintsHint}
          value={values.legalConstraints}
          errors={errors}
          rows={3}
        />
        <ChoiceGroup
          ctx={ctx}
          name="needs"
          type="checkbox"
          legend={t.needs}
          errors={errors}
          options={[
            { value: "needsReplies", label: t.needsReplies },
            { value: "needsReceipts", label: t.needsReceipts },
          ]}
          selected={[...(values.needsReplies ? ["needsReplies"] : []), ...(values.needsReceipts ? ["needsReceipts"] : [])]}
        />
        <SelectField
          ctx={ctx}
          name="tactic"
          label={t.tactic}
          value={values.tactic}
          errors={errors}
          options={[{ value: "", label: t.noTactic }, ...CONNECTION_TACTICS.map((c) => ({ value: c, label: t.tactics[c] }))]}
        />
        <TextField
          ctx={ctx}
          name="plannedTestDate"
          type="date"
          width="short"
          label={`${t.plannedTestDate} ${optional}`}
          hint={t.dateHint}
          value={values.plannedTestDate}
          errors={errors}
        />
        <TextField
          ctx={ctx}
          name="plannedProductionDate"
          type="date"
          width="short"
          label={`${t.plannedProductionDate} ${optional}`}
          value={values.plannedProductionDate}
          errors={errors}
        />
        <SelectField
          ctx={ctx}
          name="status"
          label={t.status}
          value={values.status}
          errors={errors}
          options={FLOW_STATUSES.map((s) => ({ value: s, label: t.statuses[s] }))}
        />
        <div className="actions">
          <SubmitButton>{flow ? t.save : t.create}</SubmitButton>
          {flow ? (
            <Link href={deleteFlowHref(flow.id)}>{t.delete}</Link>
          ) : (
            <Link href={flowsHref(initiative.id)}>{ctx.m.common.cancel}</Link>
          )}
        </div>
      </Form>
    </section>
  );
}

/** The flow as a reader sees it: every field, in the form's order. */
function FlowFacts({ ctx, flow }: { ctx: PageContext; flow: FlowView }) {
  const t = ctx.m.flows;
  const dash = "–";
  const seasons = (flow.seasonality as number[]).map((s, i) => `${t.monthNames[i]} ${formatShare(ctx.locale, s)}`).join(", ");
  const facts: [string, string][] = [
    [t.businessProcess, flow.businessProcess || dash],
    [t.sourceSystem, flow.sourceSystem || dash],
    [t.recipientType, t.recipientTypes[flow.recipientType]],
    [t.annualVolumeShort, formatCount(ctx.locale, flow.annualVolume)],
    [t.seasonalitySummary, seasons],
    [t.currentChannel, flow.currentChannel || dash],
    [t.costPerLetterShort, formatSek(ctx.locale, flow.costPerLetterSek)],
    [t.informationSecurityClass, flow.informationSecurityClass ?? t.notClassified],
    [t.legalConstraints, flow.legalConstraints || dash],
    [t.needsReplies, flow.needsReplies ? t.yes : t.no],
    [t.needsReceipts, flow.needsReceipts ? t.yes : t.no],
    [t.tactic, flow.tactic ? t.tactics[flow.tactic] : t.noTactic],
    [t.plannedTestDate, flow.plannedTestDate ? formatDay(ctx, flow.plannedTestDate) : t.notPlanned],
    [t.plannedProductionDate, flow.plannedProductionDate ? formatDay(ctx, flow.plannedProductionDate) : t.notPlanned],
    [t.status, t.statuses[flow.status]],
  ];
  return (
    <section aria-labelledby="flow-facts-heading" className="stack">
      <Heading level={2} data-size="md" id="flow-facts-heading">
        {t.factsHeading}
      </Heading>
      <dl className="summary-list">
        {facts.map(([term, value]) => (
          <Fragment key={term}>
            <dt>{term}</dt>
            <dd>{value}</dd>
          </Fragment>
        ))}
      </dl>
    </section>
  );
}
