import { ORGANISATION_KINDS } from "../../../domain/access/roles.ts";
import { CONNECTION_TACTICS } from "../../../domain/flows/flow-input.ts";
import { COUNTIES, COUNTY_CODES, isCounty } from "../../../domain/organisations/counties.ts";
import { type PortfolioPage as Page, PORTFOLIO_SORTS, type PortfolioQuery } from "../../../domain/portfolio/portfolio-query.ts";
import { PORTFOLIO_FLAGS, type PortfolioRow } from "../../../domain/portfolio/portfolio-rows.ts";
import { format } from "../../../i18n/index.ts";
import { phaseByNumber } from "../../../method/lookup.ts";
import { PHASE_NUMBERS } from "../../../method/types.ts";
import { methodV12 } from "../../../method/v1.2/index.ts";
import {
  Heading,
  Layout,
  Link,
  PageHeading,
  Pagination,
  Paragraph,
  ScrollableTable,
  SelectField,
  SubmitButton,
  Table,
  Tag,
  TextField,
} from "../../components/index.ts";
import type { PageContext } from "../../page-context.ts";
import { formatCount } from "../flows/flow-parts.tsx";
import { formatDay, initiativeHref, inLocale } from "../initiatives/initiative-parts.tsx";
import { PortfolioNav } from "./portfolio-nav.tsx";

/** The query as it is in the address, without the page: what the filter form, the sort and the downloads keep. */
export function portfolioSearch(query: PortfolioQuery, overrides: Record<string, string | number | undefined> = {}): string {
  const params = new URLSearchParams();
  const values: Record<string, string | number | undefined> = { ...query, ...overrides };
  for (const key of ["kind", "county", "phase", "flag", "tactic", "q", "sort", "order", "page"]) {
    const v = values[key];
    if (v !== undefined && v !== "") params.set(key, String(v));
  }
  const s = params.toString();
  return s ? `?${s}` : "";
}

/** Overdue first: those need someone to act, the others to look. */
const FLAG_COLOURS = {
  decisionOverdue: "danger",
  conditionOverdue: "danger",
  reportMissing: "danger",
  basisChangedAfterDecision: "warning",
  decidedOnIncompleteBasis: "warning",
  startedAheadOfDecision: "warning",
} as const;

function Filters({ ctx, query }: { ctx: PageContext; query: PortfolioQuery }) {
  const t = ctx.m.portfolio;
  const any = [{ value: "", label: t.any }];
  return (
    <section aria-labelledby="portfolio-filters-heading" className="stack">
      <Heading level={2} data-size="sm" id="portfolio-filters-heading">
        {t.filters}
      </Heading>
      <form method="get" action="/portfolio" className="filter-form">
        <TextField ctx={ctx} name="q" label={t.search} value={query.q} />
        <SelectField
          ctx={ctx}
          name="kind"
          label={t.kind}
          value={query.kind ?? ""}
          options={[...any, ...ORGANISATION_KINDS.map((k) => ({ value: k, label: ctx.m.organisations.kinds[k] }))]}
        />
        <SelectField
          ctx={ctx}
          name="county"
          label={t.county}
          value={query.county ?? ""}
          options={[...any, ...COUNTY_CODES.map((c) => ({ value: c, label: COUNTIES[c] }))]}
        />
        <SelectField
          ctx={ctx}
          name="phase"
          label={t.phase}
          value={query.phase === undefined ? "" : String(query.phase)}
          options={[
            ...any,
            ...PHASE_NUMBERS.map((n) => ({
              value: String(n),
              label: format(t.phaseValue, { number: n, name: inLocale(ctx, phaseByNumber(methodV12, n).name) }),
            })),
          ]}
        />
        <SelectField
          ctx={ctx}
          name="flag"
          label={t.flag}
          value={query.flag ?? ""}
          options={[...any, ...PORTFOLIO_FLAGS.map((f) => ({ value: f, label: t.flags[f] }))]}
        />
        <SelectField
          ctx={ctx}
          name="tactic"
          label={t.tactic}
          value={query.tactic ?? ""}
          options={[...any, ...CONNECTION_TACTICS.map((x) => ({ value: x, label: ctx.m.flows.tactics[x] }))]}
        />
        <SelectField
          ctx={ctx}
          name="sort"
          label={t.sort}
          value={query.sort ?? "organisation"}
          options={PORTFOLIO_SORTS.map((s) => ({ value: s, label: t.sorts[s] }))}
        />
        <SelectField
          ctx={ctx}
          name="order"
          label={t.order}
          value={query.order ?? "asc"}
          options={[
            { value: "asc", label: t.ascending },
            { value: "desc", label: t.descending },
          ]}
        />
        <div className="actions">
          <SubmitButton>{t.apply}</SubmitButton>
          <Link href="/portfolio">{t.clear}</Link>
        </div>
      </form>
    </section>
  );
}

function LastDecision({ ctx, row }: { ctx: PageContext; row: PortfolioRow }) {
  const t = ctx.m.portfolio;
  const d = row.lastDecision;
  if (!d) return <>{t.noDecision}</>;
  return (
    <>
      {format(t.decisionShort, { numeral: d.numeral, outcome: ctx.m.milestones.outcomes[d.outcome] })}
      <br />
      <span className="hint nowrap">{formatDay(ctx, d.decidedOn)}</span>
    </>
  );
}

function Flags({ ctx, row }: { ctx: PageContext; row: PortfolioRow }) {
  const t = ctx.m.portfolio;
  if (!row.flags.length) return <>{t.noFlags}</>;
  return (
    <ul className="tag-list">
      {row.flags.map((f) => (
        <li key={f}>
          <Tag data-color={FLAG_COLOURS[f]}>{t.flags[f]}</Tag>
        </li>
      ))}
    </ul>
  );
}

/** The förvaltningsgrupp's portfolio: every organisation's initiatives, filtered, sorted and paged on the server. */
export function PortfolioPage({ ctx, page, query }: { ctx: PageContext; page: Page; query: PortfolioQuery }) {
  const t = ctx.m.portfolio;
  const c = t.columns;
  const downloads = portfolioSearch(query, { page: undefined });
  return (
    <Layout ctx={ctx} title={t.title}>
      <PageHeading lead={t.lead}>{t.title}</PageHeading>
      <PortfolioNav ctx={ctx} current="/portfolio" />
      <Filters ctx={ctx} query={query} />
      <Paragraph role="status" data-testid="portfolio-count">
        {format(t.count, { total: formatCount(ctx.locale, page.total) })}
      </Paragraph>
      {page.rows.length ? (
        <>
          <ScrollableTable caption={format(t.caption, { page: page.page, pages: page.pages })} zebra>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{c.organisation}</Table.HeaderCell>
                <Table.HeaderCell>{c.initiative}</Table.HeaderCell>
                <Table.HeaderCell>{c.phase}</Table.HeaderCell>
                <Table.HeaderCell>{c.lastDecision}</Table.HeaderCell>
                <Table.HeaderCell>{c.plannedDates}</Table.HeaderCell>
                <Table.HeaderCell className="numeric">{c.digitalShort}</Table.HeaderCell>
                <Table.HeaderCell>{c.flags}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {page.rows.map((r) => (
                <Table.Row key={r.initiativeId}>
                  <Table.Cell>
                    <Link href={`/organisations/${r.organisationId}`}>{r.organisationName}</Link>
                    <br />
                    <span className="hint">
                      {ctx.m.organisations.kinds[r.organisationKind]}
                      {r.county && isCounty(r.county) ? `, ${COUNTIES[r.county]}` : ""}
                    </span>
                  </Table.Cell>
                  <Table.Cell>
                    <Link href={initiativeHref(r.initiativeId)}>{r.name}</Link>
                  </Table.Cell>
                  <Table.Cell>
                    {r.completed
                      ? t.completed
                      : format(t.phaseValue, {
                          number: r.currentPhase,
                          name: inLocale(ctx, phaseByNumber(methodV12, r.currentPhase).name),
                        })}
                  </Table.Cell>
                  <Table.Cell>
                    <LastDecision ctx={ctx} row={r} />
                  </Table.Cell>
                  <Table.Cell>
                    {format(t.testOn, { date: r.plannedTestDate ? formatDay(ctx, r.plannedTestDate) : t.notPlanned })}
                    <br />
                    {format(t.productionOn, { date: r.plannedProductionDate ? formatDay(ctx, r.plannedProductionDate) : t.notPlanned })}
                  </Table.Cell>
                  <Table.Cell className="numeric">{formatCount(ctx.locale, r.digitalNext12Months)}</Table.Cell>
                  <Table.Cell>
                    <Flags ctx={ctx} row={r} />
                  </Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </ScrollableTable>
          <Pagination
            ctx={ctx}
            label={t.pagination}
            page={page.page}
            pages={page.pages}
            href={(n) => `/portfolio${portfolioSearch(query, { page: n })}`}
          />
        </>
      ) : (
        <Paragraph>{t.empty}</Paragraph>
      )}
      <section aria-labelledby="portfolio-downloads-heading" className="stack">
        <Heading level={2} data-size="sm" id="portfolio-downloads-heading">
          {t.downloads}
        </Heading>
        <ul>
          <li>
            <Link href={`/portfolio.csv${downloads}`}>{t.downloadCsv}</Link>
          </li>
          <li>
            <Link href={`/portfolio.xlsx${downloads}`}>{t.downloadXlsx}</Link>
          </li>
        </ul>
      </section>
    </Layout>
  );
}
