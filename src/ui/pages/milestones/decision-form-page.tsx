import { format, formatDate } from "../../../i18n/index.ts";
import type { Milestone } from "../../../method/types.ts";
import {
  Alert,
  Breadcrumbs,
  ChoiceGroup,
  Form,
  FormErrorSummary,
  fieldId,
  Heading,
  Layout,
  Link,
  PageHeading,
  Paragraph,
  SelectField,
  SubmitButton,
  Tag,
  TextArea,
  TextField,
} from "../../components/index.ts";
import { errorFor, type FormErrors, type PageContext } from "../../page-context.ts";
import { type Preparation, preparedByText, type ReadinessView } from "./milestone-page.tsx";
import { type MissingItem, missingText, typeName } from "./milestone-texts.ts";

/** Condition rows on the form: a fixed few, so the form needs no script to add rows. */
export const CONDITION_ROWS = [0, 1, 2] as const;
export const ANSWERS = ["ja", "nej", "delvis"] as const;

export type DecisionFormValues = Record<string, string>;

/** The hidden field naming the decision the form supersedes (empty: none); a conflict is its error. */
export const SUPERSEDES_FIELD = "supersedes";

/** The milestone's current decision when the form was shown: what a new decision supersedes. */
export type CurrentDecision = { id: string; outcome: string; decidedOn: string; decidedByName: string };

/** The error summary's names for the form's fields; the per-point fields say which point they answer. */
function decisionFieldLabels(ctx: PageContext, milestone: Milestone, reports: { timeline: boolean; messageVolumes: boolean }) {
  const { m } = ctx;
  const f = m.milestones.form;
  const point = (i: number) => format(m.milestones.forDecisionPoint, { n: i + 1 });
  return {
    outcome: f.outcome,
    ...Object.fromEntries(
      milestone.decisionPoints.flatMap((dp, i) => [
        [`answer-${dp.id}`, `${f.answer} ${point(i)}`],
        [`motivation-${dp.id}`, `${f.motivation} ${point(i)}`],
      ]),
    ),
    ...Object.fromEntries(
      CONDITION_ROWS.flatMap((i) => [
        [`condition-${i}-text`, format(f.conditionText, { n: i + 1 })],
        [`condition-${i}-owner`, format(f.conditionOwner, { n: i + 1 })],
        [`condition-${i}-dueDate`, format(f.conditionDue, { n: i + 1 })],
      ]),
    ),
    ...(reports.timeline || reports.messageVolumes ? { note: m.forecastVersions.decisionForm.note } : {}),
    decidedOn: f.decidedOn,
    diarienummer: f.diarienummer,
    minutes: f.minutes,
    incompleteBasisReason: f.incompleteReason,
  };
}

export function DecisionFormPage({
  ctx,
  initiative,
  milestone,
  missing,
  basis,
  preparations,
  reports,
  preview,
  values,
  errors,
  current,
  members,
}: {
  ctx: PageContext;
  initiative: { id: string; name: string };
  milestone: Milestone;
  missing: MissingItem[];
  /** The basis documents, each at the version the decision will be taken on. */
  basis: ReadinessView["basis"];
  preparations: Preparation[];
  reports: { timeline: boolean; messageVolumes: boolean };
  /** What the decision will tell the förvaltningsgrupp, computed from the flows now (always Swedish, as the message is). */
  preview: { timeline: string; volumes: string } | null;
  values: DecisionFormValues;
  errors?: FormErrors;
  current: CurrentDecision | null;
  /** The organisation's members, one of whom may own each condition. */
  members: readonly { userId: string; name: string }[];
}) {
  const { m, locale } = ctx;
  const f = m.milestones.form;
  const v = m.forecastVersions.decisionForm;
  const title = format(m.milestones.decideTitle, { numeral: milestone.numeral });
  const outcomes = (["go", "go_with_conditions", "rework", "stop"] as const).map((o) => ({ value: o, label: m.milestones.outcomes[o] }));
  const conflict = errorFor(errors, SUPERSEDES_FIELD) !== undefined;
  const currentText = current
    ? {
        outcome: m.milestones.outcomes[current.outcome as keyof typeof m.milestones.outcomes] ?? current.outcome,
        date: formatDate(locale, `${current.decidedOn}T12:00:00Z`),
        name: current.decidedByName,
      }
    : null;
  return (
    <Layout ctx={ctx} title={title}>
      <Breadcrumbs
        ctx={ctx}
        trail={[
          { href: `/initiatives/${initiative.id}`, label: initiative.name },
          {
            href: `/initiatives/${initiative.id}/milestones/${milestone.numeral}`,
            label: format(m.milestones.title, { numeral: milestone.numeral, name: milestone.name[locale] }),
          },
        ]}
      />
      <PageHeading lead={milestone.decidedBy.text[locale]}>{title}</PageHeading>
      <FormErrorSummary ctx={ctx} errors={errors} labels={decisionFieldLabels(ctx, milestone, reports)} />
      {conflict ? (
        <Alert data-color="warning" id={fieldId(SUPERSEDES_FIELD)}>
          {currentText ? format(f.conflict, currentText) : m.fieldErrors.decision_conflict}
        </Alert>
      ) : currentText ? (
        <Alert data-color="info">{format(f.supersedesNotice, currentText)}</Alert>
      ) : null}
      {missing.length ? (
        <Alert data-color="warning">
          <Paragraph>{m.milestones.notReady}</Paragraph>
          <ul>
            {missing.map((item) => (
              <li key={JSON.stringify(item)}>{missingText(m, locale, milestone, item)}</li>
            ))}
          </ul>
        </Alert>
      ) : null}
      <section aria-labelledby="basis-heading" className="stack">
        <Heading level={2} data-size="md" id="basis-heading">
          {f.basisLegend}
        </Heading>
        <ul data-testid="decision-basis">
          {basis.flatMap((b) =>
            b.deliverables.map((doc) => (
              <li key={doc.id}>
                <Link href={`/deliverables/${doc.id}?version=${doc.version}`}>
                  {doc.title}, {format(m.milestones.version, { version: doc.version })}
                </Link>{" "}
                ({typeName(locale, b.deliverableTypeId)}){" "}
                <Tag data-color={doc.approved ? "success" : "warning"}>
                  {doc.approved ? m.milestones.approved : m.milestones.notApproved}
                </Tag>
              </li>
            )),
          )}
        </ul>
      </section>
      <Form ctx={ctx} action={`/initiatives/${initiative.id}/milestones/${milestone.numeral}/decide`}>
        <input type="hidden" name={SUPERSEDES_FIELD} value={current?.id ?? ""} />
        <ChoiceGroup
          ctx={ctx}
          name="outcome"
          type="radio"
          legend={f.outcome}
          options={outcomes}
          selected={[values.outcome ?? ""]}
          errors={errors}
        />
        <Heading level={2} data-size="md">
          {m.milestones.decisionPoints}
        </Heading>
        {milestone.decisionPoints.map((dp, i) => {
          const preparation = preparations.find((p) => p.decisionPointId === dp.id);
          return (
            <fieldset key={dp.id} className="ds-fieldset decision-point">
              <legend className="ds-label">
                {i + 1}. {dp.text[locale]}
              </legend>
              <div className="stack" data-testid={`preparation-${dp.id}`}>
                {preparation ? (
                  <>
                    <Paragraph>
                      <strong>{f.preparedProposal}:</strong> <span className="prose">{preparation.proposal}</span>
                    </Paragraph>
                    <Paragraph data-size="sm">{preparedByText(ctx, preparation)}</Paragraph>
                  </>
                ) : (
                  <Paragraph>{f.noProposal}</Paragraph>
                )}
              </div>
              <ChoiceGroup
                ctx={ctx}
                name={`answer-${dp.id}`}
                type="radio"
                legend={f.answer}
                options={ANSWERS.map((a) => ({ value: a, label: f.answers[a] }))}
                selected={[values[`answer-${dp.id}`] ?? ""]}
                errors={errors}
              />
              <TextArea
                ctx={ctx}
                name={`motivation-${dp.id}`}
                label={f.motivation}
                value={values[`motivation-${dp.id}`]}
                rows={3}
                errors={errors}
              />
            </fieldset>
          );
        })}
        <fieldset className="ds-fieldset">
          <legend className="ds-label">{f.conditionsLegend}</legend>
          {CONDITION_ROWS.map((i) => (
            <div key={`condition-${i}`} className="condition-row">
              <TextField
                ctx={ctx}
                name={`condition-${i}-text`}
                label={format(f.conditionText, { n: i + 1 })}
                value={values[`condition-${i}-text`]}
                errors={errors}
              />
              <SelectField
                ctx={ctx}
                name={`condition-${i}-ownerUserId`}
                label={format(m.conditions.ownerMember, { n: i + 1 })}
                hint={m.conditions.ownerMemberHint}
                value={values[`condition-${i}-ownerUserId`] ?? ""}
                options={[{ value: "", label: m.conditions.ownerNone }, ...members.map((p) => ({ value: p.userId, label: p.name }))]}
                errors={errors}
              />
              <TextField
                ctx={ctx}
                name={`condition-${i}-owner`}
                label={format(m.conditions.ownerOther, { n: i + 1 })}
                value={values[`condition-${i}-owner`]}
                errors={errors}
              />
              <TextField
                ctx={ctx}
                name={`condition-${i}-dueDate`}
                type="date"
                label={format(f.conditionDue, { n: i + 1 })}
                value={values[`condition-${i}-dueDate`]}
                errors={errors}
                width="short"
              />
            </div>
          ))}
        </fieldset>
        {reports.timeline || reports.messageVolumes ? (
          <fieldset className="ds-fieldset">
            <legend className="ds-label">{f.reportedLegend}</legend>
            <Paragraph>{v.previewIntro}</Paragraph>
            {preview ? (
              <dl className="stack" data-testid="reported-preview">
                {reports.timeline ? (
                  <div>
                    <dt>{v.previewTimeline}</dt>
                    <dd lang="sv">{preview.timeline}</dd>
                  </div>
                ) : null}
                {reports.messageVolumes ? (
                  <div>
                    <dt>{v.previewVolumes}</dt>
                    <dd lang="sv">{preview.volumes}</dd>
                  </div>
                ) : null}
              </dl>
            ) : null}
            <Paragraph data-size="sm">
              <Link href={`/initiatives/${initiative.id}/forecast/versions`}>{v.versionsLink}</Link>
            </Paragraph>
            <TextArea
              ctx={ctx}
              name="note"
              label={`${v.note} ${m.common.optional}`}
              hint={v.noteHint}
              value={values.note}
              rows={3}
              errors={errors}
            />
          </fieldset>
        ) : null}
        <TextField ctx={ctx} name="decidedOn" type="date" label={f.decidedOn} value={values.decidedOn} errors={errors} width="short" />
        <TextField
          ctx={ctx}
          name="diarienummer"
          label={`${f.diarienummer} ${m.common.optional}`}
          value={values.diarienummer}
          errors={errors}
          width="short"
        />
        <TextArea ctx={ctx} name="minutes" label={`${f.minutes} ${m.common.optional}`} value={values.minutes} errors={errors} />
        {missing.length ? (
          <TextArea
            ctx={ctx}
            name="incompleteBasisReason"
            label={f.incompleteReason}
            hint={f.incompleteReasonHint}
            value={values.incompleteBasisReason}
            errors={errors}
          />
        ) : null}
        <div>
          <SubmitButton>{f.submit}</SubmitButton>
        </div>
      </Form>
    </Layout>
  );
}
