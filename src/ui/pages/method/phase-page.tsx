import type { Method, Phase } from "../../../method/types.ts";
import { Heading, Layout, Link, PageHeading, Paragraph } from "../../components/index.ts";
import { format } from "../../i18n/index.ts";
import type { PageContext } from "../../page-context.ts";
import {
  deliverableTypeHref,
  inLocale,
  milestoneAfter,
  milestoneHref,
  milestoneTitle,
  phaseHref,
  phaseTitle,
  referencedDeliverableType,
  StepNav,
} from "./method-parts.tsx";

export function PhasePage({ ctx, method, phase }: { ctx: PageContext; method: Method; phase: Phase }) {
  const { m } = ctx;
  const title = phaseTitle(ctx, phase);
  const milestone = milestoneAfter(method, phase);
  return (
    <Layout ctx={ctx} title={title}>
      <PageHeading>{title}</PageHeading>
      <Paragraph data-size="sm">{format(m.method.chapter, { section: phase.section })}</Paragraph>
      <section aria-labelledby="purpose" className="stack-wide">
        <Heading level={2} data-size="md" id="purpose">
          {m.method.purpose}
        </Heading>
        <Paragraph>{inLocale(ctx, phase.purpose)}</Paragraph>
      </section>
      <section aria-labelledby="activities" className="stack-wide">
        <Heading level={2} data-size="md" id="activities">
          {m.method.activities}
        </Heading>
        <ul className="stack-wide">
          {phase.activities.map((activity) => (
            <li key={activity.id}>
              <Heading level={3} data-size="2xs">
                {inLocale(ctx, activity.name)}
              </Heading>
              {activity.description ? <Paragraph>{inLocale(ctx, activity.description)}</Paragraph> : null}
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="results" className="stack-wide">
        <Heading level={2} data-size="md" id="results">
          {m.method.results}
        </Heading>
        <ul>
          {phase.results.map((id) => {
            const type = referencedDeliverableType(method, id);
            return (
              <li key={id}>
                <Link href={deliverableTypeHref(type)}>{inLocale(ctx, type.name)}</Link>
              </li>
            );
          })}
        </ul>
      </section>
      <section aria-labelledby="milestone-after" className="stack-wide">
        <Heading level={2} data-size="md" id="milestone-after">
          {m.method.milestoneAfter}
        </Heading>
        <Paragraph>
          <Link href={milestoneHref(milestone)}>{milestoneTitle(ctx, milestone)}</Link>
        </Paragraph>
        <Paragraph>{inLocale(ctx, milestone.summary)}</Paragraph>
      </section>
      <StepNav ctx={ctx} method={method} currentHref={phaseHref(phase)} />
    </Layout>
  );
}
