import type { Comparison } from "../../../domain/forecast/compare.ts";
import type { VersionView } from "../../../domain/forecast-versions/version-view.ts";
import {
  Heading,
  Layout,
  Link,
  PageHeading,
  Paragraph,
  ScrollableTable,
  SelectField,
  SubmitButton,
  Table,
} from "../../components/index.ts";
import type { PageContext } from "../../page-context.ts";
import { BackLink, initiativeHref } from "../initiatives/initiative-parts.tsx";
import { compareHref, formatCount, formatDifference, monthName, versionLabel, versionsHref } from "./forecast-version-parts.tsx";

type Counts = { volume: number; digital: number; paper: number };
type Row = { a: Counts; b: Counts; difference: Counts };

/** The months added up per calendar year: the summary above the month table. */
function perYear(months: Comparison["months"]): (Row & { year: string })[] {
  const years = new Map<string, Row & { year: string }>();
  const zero = (): Counts => ({ volume: 0, digital: 0, paper: 0 });
  for (const m of months) {
    const year = m.month.slice(0, 4);
    const row = years.get(year) ?? { year, a: zero(), b: zero(), difference: zero() };
    for (const side of ["a", "b", "difference"] as const)
      for (const k of ["volume", "digital", "paper"] as const) row[side][k] += m[side][k];
    years.set(year, row);
  }
  return [...years.values()];
}

/** Two selects and a button, sent with GET: the comparison is a page anyone who reads may link to. */
export function CompareForm({
  ctx,
  initiativeId,
  versions,
  a,
  b,
}: {
  ctx: PageContext;
  initiativeId: string;
  versions: readonly VersionView[];
  a?: string | undefined;
  b?: string | undefined;
}) {
  const t = ctx.m.forecastVersions.compare;
  const options = versions.map((v) => ({ value: v.id, label: versionLabel(ctx, v) }));
  return (
    <form method="get" action={compareHref(initiativeId)} className="stack">
      <SelectField ctx={ctx} name="a" label={t.a} value={a ?? versions[0]?.id ?? ""} options={options} />
      <SelectField ctx={ctx} name="b" label={t.b} value={b ?? "current"} options={[{ value: "current", label: t.current }, ...options]} />
      <div className="actions">
        <SubmitButton variant="secondary">{t.show}</SubmitButton>
      </div>
    </form>
  );
}

const Numbers = ({ ctx, row }: { ctx: PageContext; row: Row }) => (
  <>
    <Table.Cell>{formatCount(ctx.locale, row.a.digital)}</Table.Cell>
    <Table.Cell>{formatCount(ctx.locale, row.b.digital)}</Table.Cell>
    <Table.Cell>{formatDifference(ctx.locale, row.difference.digital)}</Table.Cell>
    <Table.Cell>{formatCount(ctx.locale, row.a.paper)}</Table.Cell>
    <Table.Cell>{formatCount(ctx.locale, row.b.paper)}</Table.Cell>
    <Table.Cell>{formatDifference(ctx.locale, row.difference.paper)}</Table.Cell>
  </>
);

function NumberHeads({ ctx }: { ctx: PageContext }) {
  const t = ctx.m.forecastVersions.compare;
  return (
    <>
      {[t.digitalA, t.digitalB, t.digitalDiff, t.paperA, t.paperB, t.paperDiff].map((h) => (
        <Table.HeaderCell key={h}>{h}</Table.HeaderCell>
      ))}
    </>
  );
}

/** Two forecast versions (or one and the live forecast) side by side, per year and per month, with B − A. */
export function ComparePage({
  ctx,
  initiative,
  versions,
  a,
  b,
  comparison,
}: {
  ctx: PageContext;
  initiative: { id: string; name: string };
  versions: readonly VersionView[];
  a?: string | undefined;
  b?: string | undefined;
  comparison: Comparison | null;
}) {
  const t = ctx.m.forecastVersions.compare;
  return (
    <Layout ctx={ctx} title={t.title}>
      <BackLink ctx={ctx} href={initiativeHref(initiative.id)} name={initiative.name} />
      <PageHeading lead={t.lead}>{t.title}</PageHeading>
      <Paragraph>
        <Link href={versionsHref(initiative.id)}>{t.back}</Link>
      </Paragraph>
      {versions.length ? (
        <CompareForm ctx={ctx} initiativeId={initiative.id} versions={versions} a={a} b={b} />
      ) : (
        <Paragraph>{t.noVersions}</Paragraph>
      )}
      {comparison ? (
        <>
          <section aria-labelledby="year-heading" className="stack-wide">
            <Heading level={2} data-size="md" id="year-heading">
              {t.yearHeading}
            </Heading>
            <ScrollableTable caption={t.yearCaption}>
              <Table.Head>
                <Table.Row>
                  <Table.HeaderCell>{t.year}</Table.HeaderCell>
                  <Table.HeaderCell>{t.volumeA}</Table.HeaderCell>
                  <Table.HeaderCell>{t.volumeB}</Table.HeaderCell>
                  <NumberHeads ctx={ctx} />
                </Table.Row>
              </Table.Head>
              <Table.Body>
                {perYear(comparison.months).map((y) => (
                  <Table.Row key={y.year}>
                    <Table.HeaderCell scope="row">{y.year}</Table.HeaderCell>
                    <Table.Cell>{formatCount(ctx.locale, y.a.volume)}</Table.Cell>
                    <Table.Cell>{formatCount(ctx.locale, y.b.volume)}</Table.Cell>
                    <Numbers ctx={ctx} row={y} />
                  </Table.Row>
                ))}
              </Table.Body>
            </ScrollableTable>
          </section>
          <section aria-labelledby="month-heading" className="stack-wide">
            <Heading level={2} data-size="md" id="month-heading">
              {t.monthHeading}
            </Heading>
            <ScrollableTable caption={t.monthCaption}>
              <Table.Head>
                <Table.Row>
                  <Table.HeaderCell>{t.month}</Table.HeaderCell>
                  <NumberHeads ctx={ctx} />
                </Table.Row>
              </Table.Head>
              <Table.Body>
                {comparison.months.map((m) => (
                  <Table.Row key={m.month} data-testid="compared-month">
                    <Table.HeaderCell scope="row" className="nowrap">
                      {monthName(ctx.locale, m.month)}
                    </Table.HeaderCell>
                    <Numbers ctx={ctx} row={m} />
                  </Table.Row>
                ))}
              </Table.Body>
            </ScrollableTable>
          </section>
        </>
      ) : versions.length ? (
        <Paragraph>{t.chooseFirst}</Paragraph>
      ) : null}
    </Layout>
  );
}
