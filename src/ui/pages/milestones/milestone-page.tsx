import { format, formatDate, formatDateTime, type Messages } from "../../../i18n/index.ts";
import type { Milestone } from "../../../method/types.ts";
import {
  ActionButton,
  Alert,
  Card,
  Details,
  Form,
  FormErrorSummary,
  Heading,
  Layout,
  Link,
  PageHeading,
  Paragraph,
  SubmitButton,
  Tag,
  TextArea,
  TextField,
} from "../../components/index.ts";
import type { FormErrors, PageContext } from "../../page-context.ts";
import { decisionAttachmentsHref } from "../attachments/attachment-parts.tsx";
import { type ConditionEntry, ConditionStatusTag } from "../tasks/condition-page.tsx";
import { DecisionPackageLinks } from "./decision-package-links.tsx";
import { type MissingItem, missingText, outcomeColor, typeName } from "./milestone-texts.ts";
import { type SentCommunication, SentCommunications } from "./sent-communications.tsx";

export type ReadinessView = {
  ready: boolean;
  missing: MissingItem[];
  basis: {
    deliverableTypeId: string;
    required: boolean;
    deliverables: { id: string; title: string; status: string; approved: boolean; version: number }[];
  }[];
  decisionPoints: { id: string; prepared: boolean }[];
  preparations: Preparation[];
};

/** A decision point's prepared proposal, who prepared it (null: a removed account) and when. */
export type Preparation = { decisionPointId: string; proposal: string; preparedAt: string; preparedByName: string | null };

/** Who prepared a proposal and when, as one line of text. */
export function preparedByText(ctx: PageContext, p: Preparation): string {
  const when = formatDateTime(ctx.locale, p.preparedAt);
  return p.preparedByName
    ? format(ctx.m.milestones.preparedByOn, { name: p.preparedByName, date: when })
    : format(ctx.m.milestones.preparedOn, { date: when });
}

export type DecisionEntry = {
  id: string;
  outcome: string;
  current: boolean;
  decisionPoints: { id: string; answer: string; motivation: string }[];
  conditions: { text: string; owner: string; dueDate: string }[];
  decidedBy: { name: string };
  decidedOn: string;
  minutes: string;
  diarienummer: string | null;
  incompleteBasisReason: string | null;
  basisHash: string;
  decisionHash: string | null;
  decisionMatchesHash: boolean | null;
  basisSnapshot: unknown;
  basisChangedAfterDecision: boolean;
  communications: SentCommunication[];
};

type Snapshot = { deliverables: { deliverableId: string; typeId: string; title: string; version: number; status: string }[] };

/** An answer as the form offered it ("Ja", not the stored "ja"); one the catalogue does not know shows as stored. */
const answerText = (m: Messages, answer: string) => (m.milestones.form.answers as Record<string, string>)[answer] ?? answer;

function DecisionCard({
  ctx,
  milestone,
  d,
  conditions,
}: {
  ctx: PageContext;
  milestone: Milestone;
  d: DecisionEntry;
  conditions: readonly ConditionEntry[];
}) {
  const { m, locale } = ctx;
  const snapshot = d.basisSnapshot as Snapshot;
  const outcome = m.milestones.outcomes[d.outcome as keyof typeof m.milestones.outcomes] ?? d.outcome;
  return (
    // Blocks, not the card itself, carry the padding: Designsystemet drops a card's own padding when
    // it holds a Details, and the frozen basis is one.
    <Card data-testid={d.current ? "current-decision" : "superseded-decision"}>
      <Card.Block className="stack-wide">
        <Heading level={3} data-size="sm">
          <Tag data-color={outcomeColor(d.outcome)}>{outcome}</Tag>{" "}
          {format(m.milestones.decidedOnBy, { date: formatDate(locale, d.decidedOn), name: d.decidedBy.name })}
        </Heading>
        {d.decisionMatchesHash === false ? <Alert data-color="danger">{m.milestones.decisionAltered}</Alert> : null}
        {d.basisChangedAfterDecision ? (
          <Alert data-color="warning">
            <strong>{m.milestones.basisChanged}.</strong> {m.milestones.basisChangedText}
          </Alert>
        ) : null}
        {d.incompleteBasisReason ? (
          <Alert data-color="warning">
            {m.milestones.incompleteBasis} {d.incompleteBasisReason}
          </Alert>
        ) : null}
        <dl className="facts">
          {d.diarienummer ? (
            <>
              <dt>{m.milestones.diarienummer}</dt>
              <dd>{d.diarienummer}</dd>
            </>
          ) : null}
          {d.minutes ? (
            <>
              <dt>{m.milestones.minutes}</dt>
              <dd className="prose">{d.minutes}</dd>
            </>
          ) : null}
          <dt>{m.milestones.basisHash}</dt>
          <dd>
            <code className="hash">{d.basisHash}</code>
          </dd>
          {d.decisionHash ? (
            <>
              <dt>{m.milestones.decisionHash}</dt>
              <dd>
                <code className="hash">{d.decisionHash}</code>
              </dd>
            </>
          ) : null}
        </dl>
        <Paragraph>
          <Link href={decisionAttachmentsHref(d.id)}>{m.attachments.decisionLink}</Link>
        </Paragraph>
        <Heading level={4} data-size="xs">
          {m.milestones.decisionPoints}
        </Heading>
        <ol>
          {milestone.decisionPoints.map((dp) => {
            const answer = d.decisionPoints.find((a) => a.id === dp.id);
            return (
              <li key={dp.id}>
                {dp.text[locale]}: <strong>{answer ? answerText(m, answer.answer) : "–"}</strong>
                {answer?.motivation ? ` – ${answer.motivation}` : null}
              </li>
            );
          })}
        </ol>
        {d.conditions.length ? (
          <>
            <Heading level={4} data-size="xs">
              {m.milestones.conditions}
            </Heading>
            <ul data-testid="conditions">
              {d.conditions.map((c, i) => {
                const followUp = conditions.find((x) => x.decisionId === d.id && x.index === i);
                return (
                  <li key={`${c.text}-${c.dueDate}`} id={`condition-${d.id}-${i}`}>
                    {c.text} ({m.milestones.conditionOwner}: {c.owner}, {m.milestones.conditionDue}: {c.dueDate}){" "}
                    {followUp ? (
                      <>
                        <ConditionStatusTag ctx={ctx} condition={followUp} />{" "}
                        <Link href={`/decisions/${d.id}/conditions/${i}`}>
                          {m.conditions.followUp}
                          <span className="visually-hidden">{`: ${c.text}`}</span>
                        </Link>
                      </>
                    ) : null}
                  </li>
                );
              })}
            </ul>
          </>
        ) : null}
      </Card.Block>
      <Details>
        <Details.Summary>{m.milestones.frozenBasis}</Details.Summary>
        <Details.Content>
          <ul>
            {snapshot.deliverables.map((doc) => (
              <li key={doc.deliverableId}>
                <Link href={`/deliverables/${doc.deliverableId}`}>{doc.title}</Link> ({typeName(locale, doc.typeId)},{" "}
                {format(m.milestones.version, { version: doc.version })})
              </li>
            ))}
          </ul>
        </Details.Content>
      </Details>
      {d.communications.length ? (
        <Card.Block className="stack-wide">
          <SentCommunications ctx={ctx} communications={d.communications} />
        </Card.Block>
      ) : null}
    </Card>
  );
}

export type MilestonePlanView = { plannedOn: string | null; overdue: boolean };
/** The plan form sent back: the date as typed and what is wrong with it. */
export type PlanFormState = { values: { plannedOn: string }; errors: FormErrors };

/** The day the decision is planned for: the team sets it here; reminders and "decision overdue" go by it. */
function PlanSection({
  ctx,
  action,
  plan,
  canWork,
  form,
}: {
  ctx: PageContext;
  action: string;
  plan: MilestonePlanView;
  canWork: boolean;
  form: PlanFormState | undefined;
}) {
  const t = ctx.m.plans;
  const { plannedOn } = plan;
  return (
    <div id="plan" className="stack">
      <Heading level={3} data-size="sm">
        {t.heading}
      </Heading>
      <Paragraph>
        {plannedOn ? format(t.plannedFor, { date: formatDate(ctx.locale, `${plannedOn}T12:00:00Z`) }) : t.none}
        {plan.overdue ? (
          <>
            {" "}
            <Tag data-color="danger">{t.overdueFlag}</Tag>
          </>
        ) : null}
      </Paragraph>
      {canWork ? (
        <Form ctx={ctx} action={action}>
          <FormErrorSummary ctx={ctx} errors={form?.errors} labels={{ plannedOn: t.plannedOn }} />
          <TextField
            ctx={ctx}
            name="plannedOn"
            type="date"
            label={t.plannedOn}
            hint={t.hint}
            value={form ? form.values.plannedOn : (plannedOn ?? "")}
            width="short"
            errors={form?.errors}
          />
          <div>
            <SubmitButton variant="secondary">{t.save}</SubmitButton>
          </div>
        </Form>
      ) : null}
    </div>
  );
}

export function MilestonePage({
  ctx,
  initiative,
  milestone,
  readiness,
  decisions,
  canWork,
  canDecide,
  proposals,
  errors,
  conditions = [],
  plan = { plannedOn: null, overdue: false },
  planForm,
}: {
  ctx: PageContext;
  initiative: { id: string; name: string };
  milestone: Milestone;
  readiness: ReadinessView;
  /** The conditions of the milestone's decisions with their follow-up. */
  conditions?: readonly ConditionEntry[];
  /** The day the decision is planned for, if any, and whether it passed with the milestone still ahead. */
  plan?: MilestonePlanView;
  /** The plan form, when a date it sent did not parse. */
  planForm?: PlanFormState;
  decisions: DecisionEntry[];
  canWork: boolean;
  canDecide: boolean;
  /** The proposals as sent, by decision point, when the form comes back with errors. */
  proposals?: Record<string, string>;
  errors?: FormErrors;
}) {
  const { m, locale } = ctx;
  const title = format(m.milestones.title, { numeral: milestone.numeral, name: milestone.name[locale] });
  const current = decisions.find((d) => d.current);
  const base = `/initiatives/${initiative.id}/milestones/${milestone.numeral}`;
  return (
    <Layout ctx={ctx} title={title}>
      <Paragraph>
        <Link href={`/initiatives/${initiative.id}`}>{initiative.name}</Link>
      </Paragraph>
      <PageHeading lead={milestone.purpose[locale]}>{title}</PageHeading>
      <Paragraph>
        {m.milestones.status}:{" "}
        <Tag data-color={outcomeColor(current?.outcome ?? "not_decided")}>
          {m.milestones.outcomes[(current?.outcome ?? "not_decided") as keyof typeof m.milestones.outcomes]}
        </Tag>
        {current?.basisChangedAfterDecision ? (
          <>
            {" "}
            <Tag data-color="warning">{m.milestones.basisChanged}</Tag>
          </>
        ) : null}
      </Paragraph>

      <section aria-labelledby="readiness-heading" className="stack-wide">
        <Heading level={2} data-size="md" id="readiness-heading">
          {m.milestones.readiness}
        </Heading>
        {readiness.ready ? (
          <Alert data-color="success">{m.milestones.ready}</Alert>
        ) : (
          <Alert data-color="info">
            <Paragraph>{m.milestones.notReady}</Paragraph>
            <ul data-testid="missing">
              {readiness.missing.map((item) => (
                <li key={JSON.stringify(item)}>{missingText(m, locale, milestone, item)}</li>
              ))}
            </ul>
          </Alert>
        )}
        <Heading level={3} data-size="sm">
          {m.milestones.basis}
        </Heading>
        <ul className="task-list">
          {readiness.basis.map((b) => (
            <li key={b.deliverableTypeId}>
              <span>
                {typeName(locale, b.deliverableTypeId)}{" "}
                <Tag data-color="neutral">{b.required ? m.milestones.required : m.milestones.optional}</Tag>
              </span>
              {b.deliverables.length ? (
                b.deliverables.map((doc) => (
                  <span key={doc.id}>
                    <Link href={`/deliverables/${doc.id}`}>{doc.title}</Link>{" "}
                    <Tag data-color={doc.approved ? "success" : "warning"}>
                      {doc.approved ? m.milestones.approved : m.milestones.notApproved}
                    </Tag>
                  </span>
                ))
              ) : (
                <span>
                  <Tag data-color="warning">{m.milestones.notCreated}</Tag>
                  {canWork ? (
                    // Some basis (kravbild, leveransrapport, testrapporter) is a result of no phase, so this
                    // is the one place the team can start it.
                    <>
                      {" "}
                      <ActionButton
                        ctx={ctx}
                        action={`/initiatives/${initiative.id}/deliverables`}
                        fields={{ deliverableTypeId: b.deliverableTypeId }}
                      >
                        {m.initiatives.overview.createDocument}
                        <span className="visually-hidden">{`: ${typeName(locale, b.deliverableTypeId)}`}</span>
                      </ActionButton>
                    </>
                  ) : null}
                </span>
              )}
            </li>
          ))}
        </ul>
        <Heading level={3} data-size="sm">
          {m.milestones.decisionPoints}
        </Heading>
        {canWork ? (
          // One form for every decision point, so saving one proposal never drops what was typed in the others.
          <Form ctx={ctx} action={`${base}/preparations`}>
            <FormErrorSummary
              ctx={ctx}
              errors={errors}
              labels={Object.fromEntries(
                milestone.decisionPoints.map((dp, i) => [
                  `proposal-${dp.id}`,
                  `${m.milestones.proposal} ${format(m.milestones.forDecisionPoint, { n: i + 1 })}`,
                ]),
              )}
            />
            <ol className="stack-wide">
              {milestone.decisionPoints.map((dp, i) => {
                const prepared = readiness.decisionPoints.find((x) => x.id === dp.id)?.prepared ?? false;
                const preparation = readiness.preparations.find((p) => p.decisionPointId === dp.id);
                return (
                  <li key={dp.id} id={`dp-${dp.id}`}>
                    <Paragraph id={`dp-text-${dp.id}`}>
                      {dp.text[locale]}{" "}
                      <Tag data-color={prepared ? "success" : "warning"}>{prepared ? m.milestones.prepared : m.milestones.unprepared}</Tag>
                    </Paragraph>
                    <TextArea
                      ctx={ctx}
                      name={`proposal-${dp.id}`}
                      label={`${m.milestones.proposal} ${format(m.milestones.forDecisionPoint, { n: i + 1 })}`}
                      describedBy={`dp-text-${dp.id}`}
                      value={proposals?.[dp.id] ?? preparation?.proposal}
                      rows={3}
                      errors={errors}
                    />
                    {preparation ? <Paragraph data-size="sm">{preparedByText(ctx, preparation)}</Paragraph> : null}
                  </li>
                );
              })}
            </ol>
            <div>
              <SubmitButton variant="secondary">{m.milestones.saveProposal}</SubmitButton>
            </div>
          </Form>
        ) : (
          <ol className="stack-wide">
            {milestone.decisionPoints.map((dp) => {
              const prepared = readiness.decisionPoints.find((x) => x.id === dp.id)?.prepared ?? false;
              const preparation = readiness.preparations.find((p) => p.decisionPointId === dp.id);
              return (
                <li key={dp.id} id={`dp-${dp.id}`}>
                  <Paragraph>
                    {dp.text[locale]}{" "}
                    <Tag data-color={prepared ? "success" : "warning"}>{prepared ? m.milestones.prepared : m.milestones.unprepared}</Tag>
                  </Paragraph>
                  {preparation ? (
                    <>
                      <Paragraph className="prose">{preparation.proposal}</Paragraph>
                      <Paragraph data-size="sm">{preparedByText(ctx, preparation)}</Paragraph>
                    </>
                  ) : null}
                </li>
              );
            })}
          </ol>
        )}
        <dl className="facts">
          <dt>{m.milestones.preparedBy}</dt>
          <dd>{milestone.preparedBy[locale]}</dd>
          <dt>{m.milestones.decidedBy}</dt>
          <dd>{milestone.decidedBy.text[locale]}</dd>
          <dt>{m.milestones.inform}</dt>
          <dd>{milestone.inform.text[locale]}</dd>
        </dl>
        <PlanSection ctx={ctx} action={`${base}/plan`} plan={plan} canWork={canWork} form={planForm} />
        {canDecide ? (
          <Paragraph>
            <Link href={`${base}/decide`} data-testid="decide-link">
              {m.milestones.decide}
            </Link>
          </Paragraph>
        ) : null}
      </section>

      <section aria-labelledby="decisions-heading" className="stack-wide">
        <Heading level={2} data-size="md" id="decisions-heading">
          {m.milestones.currentDecision}
        </Heading>
        {current ? (
          <DecisionCard ctx={ctx} milestone={milestone} d={current} conditions={conditions} />
        ) : (
          <Paragraph>{m.milestones.noDecision}</Paragraph>
        )}
        {decisions.some((d) => !d.current) ? (
          <>
            <Heading level={2} data-size="md">
              {m.milestones.history}
            </Heading>
            {decisions
              .filter((d) => !d.current)
              .map((d) => (
                <DecisionCard key={d.id} ctx={ctx} milestone={milestone} d={d} conditions={conditions} />
              ))}
          </>
        ) : null}
      </section>
      <DecisionPackageLinks ctx={ctx} base={base} decisions={decisions} />
    </Layout>
  );
}
