import { format } from "../../../i18n/index.ts";
import type { Method, Phase } from "../../../method/types.ts";
import { Heading, Layout, Link, PageHeading, Paragraph, Section } from "../../components/index.ts";
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
      <Section id="purpose" title={m.method.purpose}>
        <Paragraph>{inLocale(ctx, phase.purpose)}</Paragraph>
      </Section>
      <Section id="activities" title={m.method.activities}>
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
      </Section>
      <Section id="results" title={m.method.results}>
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
      </Section>
      <Section id="milestone-after" title={m.method.milestoneAfter}>
        <Paragraph>
          <Link href={milestoneHref(milestone)}>{milestoneTitle(ctx, milestone)}</Link>
        </Paragraph>
        <Paragraph>{inLocale(ctx, milestone.summary)}</Paragraph>
      </Section>
      <StepNav ctx={ctx} method={method} currentHref={phaseHref(phase)} />
    </Layout>
  );
}
