import { format } from "../../../i18n/index.ts";
import { phaseByNumber } from "../../../method/lookup.ts";
import type { Method, Milestone } from "../../../method/types.ts";
import { Heading, Layout, Link, PageHeading, Paragraph, Section } from "../../components/index.ts";
import type { PageContext } from "../../page-context.ts";
import {
  BasisTag,
  deliverableTypeHref,
  inLocale,
  milestoneHref,
  milestoneTitle,
  phaseHref,
  phaseTitle,
  referencedDeliverableType,
  StepNav,
} from "./method-parts.tsx";

export function MilestonePage({ ctx, method, milestone }: { ctx: PageContext; method: Method; milestone: Milestone }) {
  const { m } = ctx;
  const title = milestoneTitle(ctx, milestone);
  const phase = phaseByNumber(method, milestone.afterPhase);
  const { inform } = milestone;
  return (
    <Layout ctx={ctx} title={title}>
      <PageHeading lead={inLocale(ctx, milestone.summary)}>{title}</PageHeading>
      <Paragraph data-size="sm">
        {format(m.method.section, { section: milestone.section })} {m.method.followsPhase}{" "}
        <Link href={phaseHref(phase)}>{phaseTitle(ctx, phase)}</Link>.
      </Paragraph>
      <Section id="purpose" title={m.method.purpose}>
        <Paragraph>{inLocale(ctx, milestone.purpose)}</Paragraph>
      </Section>
      <Section id="decision-points" title={m.method.decisionPoints}>
        <ol className="stack-wide">
          {milestone.decisionPoints.map((decisionPoint) => (
            <li key={decisionPoint.id}>{inLocale(ctx, decisionPoint.text)}</li>
          ))}
        </ol>
      </Section>
      <Section id="basis" title={m.method.basis}>
        <Paragraph>{m.method.basisIntro}</Paragraph>
        <ul className="stack-wide">
          {milestone.basis.map((entry) => {
            const type = referencedDeliverableType(method, entry.deliverableTypeId);
            return (
              <li key={entry.deliverableTypeId}>
                <Link href={deliverableTypeHref(type)}>{inLocale(ctx, type.name)}</Link> <BasisTag ctx={ctx} required={entry.required} />
                {entry.note ? <Paragraph data-size="sm">{inLocale(ctx, entry.note)}</Paragraph> : null}
              </li>
            );
          })}
        </ul>
      </Section>
      <Section id="prepared-by" title={m.method.preparedBy}>
        <Paragraph>{inLocale(ctx, milestone.preparedBy)}</Paragraph>
      </Section>
      <Section id="decided-by" title={m.method.decidedBy}>
        <Paragraph>{inLocale(ctx, milestone.decidedBy.text)}</Paragraph>
      </Section>
      <Section id="inform" title={m.method.inform}>
        <Paragraph>{inLocale(ctx, inform.text)}</Paragraph>
        <Heading level={3} data-size="xs">
          {m.method.audiencesHeading}
        </Heading>
        <ul>
          {inform.audiences.map((audience) => (
            <li key={audience}>{m.method.audiences[audience]}</li>
          ))}
        </ul>
        {inform.forvaltningsgruppItems.length ? (
          <>
            <Heading level={3} data-size="xs">
              {m.method.forvaltningsgruppItems}
            </Heading>
            <ul>
              {inform.forvaltningsgruppItems.map((item) => (
                <li key={item.key}>{inLocale(ctx, item.text)}</li>
              ))}
            </ul>
          </>
        ) : null}
      </Section>
      <StepNav ctx={ctx} method={method} currentHref={milestoneHref(milestone)} />
    </Layout>
  );
}
