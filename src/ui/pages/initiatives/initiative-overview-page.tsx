import { format } from "../../../i18n/index.ts";
import { deliverableType, milestoneByNumeral, phaseByNumber } from "../../../method/lookup.ts";
import type { Method } from "../../../method/types.ts";
import { methodV12 } from "../../../method/v1.2/index.ts";
import {
  ActionButton,
  ActionForm,
  Heading,
  Layout,
  Link,
  NoticeBeside,
  PageHeading,
  Paragraph,
  SubmitButton,
  Tag,
} from "../../components/index.ts";
import type { PageContext } from "../../page-context.ts";
import { FlowNav } from "../flows/flow-parts.tsx";
import { partnersHref } from "../partners/partners-page.tsx";
import { initiativeReportingHref } from "../reporting/reporting-parts.tsx";
import { initiativeSandboxHref } from "../sandbox/initiative-sandbox-page.tsx";
import { ValueNav } from "../value/value-nav.tsx";
import { initiativeVolumesHref } from "../volumes/volumes-page.tsx";
import {
  ActivityStatusTag,
  activityAnchor,
  activityHref,
  BackLink,
  DeliverableStatusTag,
  deliverableHref,
  formatDay,
  type InitiativeOverview,
  inLocale,
  type MemberName,
  MilestoneStatusTag,
  milestoneHref,
  phaseAnchor,
} from "./initiative-parts.tsx";

type PhaseState = InitiativeOverview["phases"][number];

type MilestoneState = InitiativeOverview["milestones"][number];

/**
 * The initiative as a task list (after GOV.UK's pattern): a short summary, then the method in its
 * order, each phase with its activities and results, followed by the milestone that closes it.
 */
export function InitiativeOverviewPage({
  ctx,
  initiative,
  members,
}: {
  ctx: PageContext;
  initiative: InitiativeOverview;
  members: readonly MemberName[];
}) {
  const method = methodV12;
  const t = ctx.m.initiatives;
  const activities = initiative.phases.flatMap((p) => p.activities);
  const finished = activities.filter((a) => a.status === "done" || a.status === "not_applicable").length;
  return (
    <Layout ctx={ctx} title={initiative.name}>
      <BackLink ctx={ctx} href="/initiatives" name={t.title} />
      <PageHeading lead={initiative.description || undefined}>{initiative.name}</PageHeading>
      <Summary ctx={ctx} method={method} initiative={initiative} members={members} />
      <Paragraph>{format(t.overview.progress, { done: finished, total: activities.length })}</Paragraph>
      {initiative.phases.map((phase) => {
        const milestone = initiative.milestones.find((x) => milestoneByNumeral(method, x.numeral).afterPhase === phase.number);
        return (
          <div key={phase.number} className="stack-wide">
            <PhaseSection ctx={ctx} method={method} initiative={initiative} phase={phase} />
            {milestone ? <MilestoneSection ctx={ctx} method={method} initiative={initiative} milestone={milestone} /> : null}
          </div>
        );
      })}
    </Layout>
  );
}

function Summary({
  ctx,
  method,
  initiative,
  members,
}: {
  ctx: PageContext;
  method: Method;
  initiative: InitiativeOverview;
  members: readonly MemberName[];
}) {
  const t = ctx.m.initiatives;
  const current = phaseByNumber(method, initiative.currentPhase);
  const names = initiative.steeringGroup.map((id) => members.find((x) => x.userId === id)?.name ?? t.overview.formerMember);
  return (
    <section aria-labelledby="summary-heading" className="stack">
      <Heading level={2} data-size="md" id="summary-heading">
        {t.overview.summary}
      </Heading>
      <dl className="summary-list">
        <dt>{t.overview.currentPhase}</dt>
        <dd>
          {initiative.completed ? (
            t.overview.completed
          ) : (
            <Link href={`#${phaseAnchor(current.number)}`}>
              {format(t.overview.phase, { number: current.number, name: inLocale(ctx, current.name) })}
            </Link>
          )}
        </dd>
        <dt>{t.plannedGoLive}</dt>
        <dd>{formatDay(ctx, initiative.plannedGoLive)}</dd>
        {initiative.targetGroup ? (
          <>
            <dt>{t.targetGroup}</dt>
            <dd>{initiative.targetGroup}</dd>
          </>
        ) : null}
        <dt>{t.overview.steeringGroup}</dt>
        <dd>{names.length ? names.join(", ") : t.overview.noSteeringGroup}</dd>
        <dt>{ctx.m.openData.label}</dt>
        <dd data-testid="open-data">
          {initiative.publishable ? ctx.m.openData.listed : ctx.m.openData.notListed}{" "}
          {initiative.permissions.publish ? (
            <ActionButton
              ctx={ctx}
              action={`/initiatives/${initiative.id}/open-data`}
              fields={{ publishable: initiative.publishable ? "no" : "yes" }}
              variant="tertiary"
            >
              {initiative.publishable ? ctx.m.openData.unlist : ctx.m.openData.list}
            </ActionButton>
          ) : null}
        </dd>
      </dl>
      <Paragraph>
        <Link href={initiativeSandboxHref(initiative.id)}>{ctx.m.sandbox.initiativeTitle}</Link>
      </Paragraph>
      <Paragraph>
        <Link href={initiativeVolumesHref(initiative.id)}>{ctx.m.volumes.link}</Link>
      </Paragraph>
      <Paragraph>
        <Link href={partnersHref(initiative.id)}>{ctx.m.partners.link}</Link>
      </Paragraph>
      <Paragraph>
        <Link href={initiativeReportingHref(initiative.id)}>{ctx.m.reporting.link}</Link>
      </Paragraph>
      <FlowNav ctx={ctx} initiativeId={initiative.id} />
      <ValueNav ctx={ctx} initiativeId={initiative.id} />
    </section>
  );
}

/** What a phase's parts are drawn from: the method, the initiative and the phase's state in it. */
type PhaseProps = {
  ctx: PageContext;
  method: Method;
  initiative: InitiativeOverview;
  phase: PhaseState;
};

function PhaseSection({ ctx, method, initiative, phase }: PhaseProps) {
  const t = ctx.m.initiatives;
  const definition = phaseByNumber(method, phase.number);
  const anchor = phaseAnchor(phase.number);
  const isCurrent = phase.number === initiative.currentPhase && !initiative.completed;
  const work = initiative.permissions.work;
  return (
    <section aria-labelledby={`${anchor}-heading`} id={anchor} className="task-section">
      <div className="heading-with-tags">
        <Heading level={2} data-size="md" id={`${anchor}-heading`}>
          {format(t.overview.phaseHeading, { number: phase.number, name: inLocale(ctx, definition.name) })}
        </Heading>
        {isCurrent || phase.startedAheadOfDecision ? (
          <ul className="tag-list">
            {isCurrent ? (
              <li>
                <Tag data-color="accent">{t.overview.currentPhaseTag}</Tag>
              </li>
            ) : null}
            {phase.startedAheadOfDecision ? (
              <li>
                <Tag data-color="warning">{t.overview.aheadTag}</Tag>
              </li>
            ) : null}
          </ul>
        ) : null}
      </div>
      <Paragraph data-size="sm">
        <Link href={`/method/phases/${phase.number}`}>{t.overview.aboutPhase}</Link>
      </Paragraph>

      <Heading level={3} data-size="xs">
        {t.overview.activities}
      </Heading>
      <ul className="task-list task-rows">
        {phase.activities.map((activity) => {
          const name = inLocale(ctx, definition.activities.find((a) => a.id === activity.id)?.name ?? { sv: activity.id, en: activity.id });
          const statusId = `status-${activity.id}`;
          const motivationId = `motivation-${activity.id}`;
          const anchor = activityAnchor(activity.id);
          return (
            <li key={activity.id} id={anchor}>
              <div>
                {work ? (
                  <Link
                    href={activityHref(initiative.id, activity.id)}
                    aria-describedby={activity.motivation ? `${statusId} ${motivationId}` : statusId}
                  >
                    {name}
                  </Link>
                ) : (
                  name
                )}
                {activity.motivation ? (
                  <p className="hint task-list__meta" id={motivationId}>
                    {format(t.overview.motivation, { text: activity.motivation })}
                  </p>
                ) : null}
              </div>
              <ActivityStatusTag ctx={ctx} status={activity.status} id={statusId} />
              <NoticeBeside ctx={ctx} at={anchor} className="task-list__notice" />
            </li>
          );
        })}
      </ul>

      <Heading level={3} data-size="xs">
        {t.overview.results}
      </Heading>
      <ResultList ctx={ctx} method={method} initiative={initiative} phase={phase} />
    </section>
  );
}

/** The phase's results; where the person may work, those not yet created have a button that creates one. */
function ResultList({ ctx, method, initiative, phase }: PhaseProps) {
  const t = ctx.m.initiatives;
  const work = initiative.permissions.work;
  const list = (
    <ul className="task-list task-rows">
      {phase.results.map((result) => {
        const type = deliverableType(method, result.deliverableTypeId);
        const typeName = type ? inLocale(ctx, type.name) : result.deliverableTypeId;
        return (
          <li key={result.deliverableTypeId}>
            <div>
              {result.deliverables.length ? (
                <ul className="plain-list">
                  {result.deliverables.map((d) => (
                    <li key={d.id}>
                      <Link href={deliverableHref(d.id)}>{d.title}</Link>
                      <span className="hint"> · {format(t.overview.version, { version: d.version })}</span>
                    </li>
                  ))}
                </ul>
              ) : (
                <>
                  <span>{typeName}</span>
                  <p className="hint task-list__meta">{t.overview.notCreated}</p>
                </>
              )}
            </div>
            {result.deliverables.length ? (
              <ul className="tag-list">
                {result.deliverables.map((d) => (
                  <li key={d.id}>
                    <DeliverableStatusTag ctx={ctx} status={d.status} />
                  </li>
                ))}
              </ul>
            ) : work ? (
              <SubmitButton variant="secondary" size="sm" name="deliverableTypeId" value={result.deliverableTypeId}>
                {t.overview.createDocument}
                <span className="visually-hidden">{`: ${typeName}`}</span>
              </SubmitButton>
            ) : null}
          </li>
        );
      })}
    </ul>
  );
  const creatable = work && phase.results.some((r) => r.deliverables.length === 0);
  return creatable ? (
    <ActionForm ctx={ctx} action={`/initiatives/${initiative.id}/deliverables`}>
      {list}
    </ActionForm>
  ) : (
    list
  );
}

function MilestoneSection({
  ctx,
  method,
  initiative,
  milestone,
}: {
  ctx: PageContext;
  method: Method;
  initiative: InitiativeOverview;
  milestone: MilestoneState;
}) {
  const { status } = initiative;
  const overdue = status.overdueConditionCounts[milestone.numeral] ?? 0;
  const planned = status.plannedDecisions.find((p) => p.numeral === milestone.numeral)?.plannedOn ?? null;
  const t = ctx.m.initiatives;
  const definition = milestoneByNumeral(method, milestone.numeral);
  const anchor = `milstolpe-${milestone.numeral}`;
  const decision = milestone.decision;
  return (
    <section aria-labelledby={`${anchor}-heading`} id={anchor} className="task-section task-section--milestone">
      <div className="heading-with-tags">
        <Heading level={2} data-size="sm" id={`${anchor}-heading`}>
          {format(t.overview.milestoneHeading, { numeral: milestone.numeral, name: inLocale(ctx, definition.name) })}
        </Heading>
        <ul className="tag-list">
          <li>
            <MilestoneStatusTag ctx={ctx} status={milestone.status} />
          </li>
          {milestone.basisChangedAfterDecision ? (
            <li>
              <Tag data-color="warning">{ctx.m.milestones.basisChanged}</Tag>
            </li>
          ) : null}
          {overdue ? (
            <li>
              <Tag data-color="danger">{format(ctx.m.conditions.overdueFlag, { count: overdue })}</Tag>
            </li>
          ) : null}
          {status.overdueDecision?.numeral === milestone.numeral ? (
            <li>
              <Tag data-color="danger">{ctx.m.plans.overdueFlag}</Tag>
            </li>
          ) : null}
        </ul>
      </div>
      <Paragraph>{inLocale(ctx, definition.summary)}</Paragraph>
      {planned && milestone.status === "not_decided" ? (
        <Paragraph data-size="sm">{format(ctx.m.plans.plannedFor, { date: formatDay(ctx, planned) })}</Paragraph>
      ) : null}
      {decision ? (
        <Paragraph data-size="sm">
          {format(ctx.m.milestones.decidedOnBy, { date: formatDay(ctx, decision.decidedOn), name: decision.decidedBy.name })}
        </Paragraph>
      ) : null}
      <Paragraph>
        <Link href={milestoneHref(initiative.id, milestone.numeral)}>
          {format(t.overview.openMilestone, { numeral: milestone.numeral })}
        </Link>
      </Paragraph>
    </section>
  );
}
