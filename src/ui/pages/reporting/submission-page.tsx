import type { SubmissionView } from "../../../domain/reporting/submit-report.ts";
import { format, formatDateTime } from "../../../i18n/index.ts";
import { Heading, Layout, Link, PageHeading, Paragraph } from "../../components/index.ts";
import type { PageContext } from "../../page-context.ts";
import { initiativeReportingHref, roundHref, SnapshotView } from "./reporting-parts.tsx";

/** A submitted report as it was frozen, with the projektledare's comment. */
export function SubmissionPage({
  ctx,
  submission,
  back,
}: {
  ctx: PageContext;
  submission: SubmissionView & { roundName: string };
  /** Back to the round (the förvaltningsgrupp) or to the initiative's reporting (its members). */
  back: "round" | "initiative";
}) {
  const t = ctx.m.reporting;
  const { snapshot } = submission;
  const title = format(t.submissionTitle, { initiative: snapshot.initiative.name, round: submission.roundName });
  return (
    <Layout ctx={ctx} title={title}>
      <p className="back-link">
        {back === "round" ? (
          <Link href={roundHref(submission.roundId)}>{submission.roundName}</Link>
        ) : (
          <Link href={initiativeReportingHref(submission.initiativeId)}>{t.link}</Link>
        )}
      </p>
      <PageHeading
        lead={format(t.submissionMeta, { date: formatDateTime(ctx.locale, submission.submittedAt), name: submission.submittedByName })}
      >
        {title}
      </PageHeading>
      <section aria-labelledby="comment" className="stack">
        <Heading level={2} data-size="md" id="comment">
          {t.commentHeading}
        </Heading>
        <Paragraph className="comment-text">{submission.comment || t.noComment}</Paragraph>
      </section>
      <SnapshotView ctx={ctx} snapshot={snapshot} idPrefix="report" level={2} />
    </Layout>
  );
}
