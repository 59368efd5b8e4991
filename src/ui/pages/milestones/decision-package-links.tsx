import { format, formatDate } from "../../../i18n/index.ts";
import { Heading, Link, Paragraph } from "../../components/index.ts";
import type { PageContext } from "../../page-context.ts";

/**
 * The milestone's decision package for the diarium, as PDF and Word: the beslutsunderlag while it is
 * undecided, the beslutsprotokoll once it is, and the protokoll of each superseded decision.
 */
export function DecisionPackageLinks({
  ctx,
  base,
  decisions,
}: {
  ctx: PageContext;
  /** The milestone page's own path; the packages are under it. */
  base: string;
  decisions: readonly { id: string; current: boolean; decidedOn: string }[];
}) {
  const t = ctx.m.decisionPackage.links;
  const current = decisions.find((d) => d.current);
  const superseded = decisions.filter((d) => !d.current);
  return (
    <section aria-labelledby="decision-package-heading" className="stack" data-testid="decision-package">
      <Heading level={2} data-size="md" id="decision-package-heading">
        {t.heading}
      </Heading>
      <Paragraph>{current ? t.protokollIntro : t.underlagIntro}</Paragraph>
      <ul>
        <li>
          <Link href={`${base}/package.pdf`}>{current ? t.protokollPdf : t.underlagPdf}</Link>
        </li>
        <li>
          <Link href={`${base}/package.docx`}>{current ? t.protokollDocx : t.underlagDocx}</Link>
        </li>
        {superseded.flatMap((d) => {
          const date = formatDate(ctx.locale, `${d.decidedOn}T12:00:00Z`);
          return [
            <li key={`${d.id}-pdf`}>
              <Link href={`${base}/package.pdf?decision=${d.id}`}>{format(t.supersededPdf, { date })}</Link>
            </li>,
            <li key={`${d.id}-docx`}>
              <Link href={`${base}/package.docx?decision=${d.id}`}>{format(t.supersededDocx, { date })}</Link>
            </li>,
          ];
        })}
      </ul>
    </section>
  );
}
