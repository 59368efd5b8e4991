import { phaseByNumber } from "../../../method/lookup.ts";
import type { DeliverableType, Method } from "../../../method/types.ts";
import { Heading, Layout, Link, PageHeading, Paragraph, Section } from "../../components/index.ts";
import type { PageContext } from "../../page-context.ts";
import { BasisTag, inLocale, milestoneHref, milestoneTitle, phaseHref, phaseTitle } from "./method-parts.tsx";

export function DeliverableTypePage({ ctx, method, type }: { ctx: PageContext; method: Method; type: DeliverableType }) {
  const { m } = ctx;
  const title = inLocale(ctx, type.name);
  const phase = type.producedInPhase === null ? null : phaseByNumber(method, type.producedInPhase);
  const neededAt = method.milestones.flatMap((milestone) => {
    const entry = milestone.basis.find((candidate) => candidate.deliverableTypeId === type.id);
    return entry ? [{ milestone, required: entry.required }] : [];
  });
  return (
    <Layout ctx={ctx} title={title}>
      <PageHeading>{title}</PageHeading>
      <Section id="purpose" title={m.method.purpose}>
        <Paragraph>{inLocale(ctx, type.purpose)}</Paragraph>
      </Section>
      <Section id="in-the-method" title={m.method.inTheMethod}>
        <Heading level={3} data-size="xs">
          {m.method.producedIn}
        </Heading>
        <Paragraph>{phase ? <Link href={phaseHref(phase)}>{phaseTitle(ctx, phase)}</Link> : m.method.noPhase}</Paragraph>
        <Heading level={3} data-size="xs">
          {m.method.neededAt}
        </Heading>
        {neededAt.length ? (
          <ul className="stack-wide">
            {neededAt.map(({ milestone, required }) => (
              <li key={milestone.numeral}>
                <Link href={milestoneHref(milestone)}>{milestoneTitle(ctx, milestone)}</Link> <BasisTag ctx={ctx} required={required} />
              </li>
            ))}
          </ul>
        ) : (
          <Paragraph>{m.method.noMilestone}</Paragraph>
        )}
        {type.inAppendix1 ? <Paragraph>{m.method.appendix1}</Paragraph> : null}
      </Section>
      <Section id="template" title={m.method.template}>
        <Paragraph>{m.method.templateIntro}</Paragraph>
        <ol className="stack-wide">
          {type.template.map((section) => (
            <li key={section.id}>
              <Heading level={3} data-size="xs">
                {inLocale(ctx, section.heading)}
              </Heading>
              <Paragraph>{inLocale(ctx, section.guidance)}</Paragraph>
            </li>
          ))}
        </ol>
      </Section>
      <Paragraph>
        <Link href="/method#deliverables">{m.method.toDeliverables}</Link>
      </Paragraph>
    </Layout>
  );
}
