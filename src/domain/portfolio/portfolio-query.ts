import { z } from "zod";
import { PHASE_NUMBERS } from "../../method/types.ts";
import { ORGANISATION_KINDS } from "../access/roles.ts";
import { CONNECTION_TACTICS } from "../flows/flow-input.ts";
import { COUNTY_CODES } from "../organisations/counties.ts";
import { PORTFOLIO_FLAGS, type PortfolioRow } from "./portfolio-rows.ts";

export const PORTFOLIO_SORTS = ["organisation", "initiative", "phase", "decided", "production", "digital"] as const;
export type PortfolioSort = (typeof PORTFOLIO_SORTS)[number];

/** An empty form field means "any": a filter form sends every select, chosen or not. */
const optional = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (v === "" || v === null ? undefined : v), schema.optional());

/**
 * The portfolio's filters, order and page, as the API's query and the page's GET form send them. The
 * API answers every row unless a page is asked for; the page shows 50 at a time.
 */
export const PortfolioQuery = z.object({
  kind: optional(z.enum(ORGANISATION_KINDS, { error: "invalid_choice" })),
  county: optional(z.enum(COUNTY_CODES as [string, ...string[]], { error: "invalid_choice" })),
  phase: optional(z.coerce.number({ error: "invalid_choice" }).pipe(z.union(PHASE_NUMBERS.map((n) => z.literal(n))))),
  flag: optional(z.enum(PORTFOLIO_FLAGS, { error: "invalid_choice" })),
  tactic: optional(z.enum(CONNECTION_TACTICS, { error: "invalid_choice" })),
  q: optional(z.string().trim().max(200, { error: "too_long" })),
  sort: optional(z.enum(PORTFOLIO_SORTS, { error: "invalid_choice" })),
  order: optional(z.enum(["asc", "desc"], { error: "invalid_choice" })),
  page: optional(z.coerce.number({ error: "whole_number" }).int({ error: "whole_number" }).min(1, { error: "whole_number" })),
  pageSize: optional(z.coerce.number({ error: "whole_number" }).int({ error: "whole_number" }).min(1).max(1000, { error: "page_size" })),
});
export type PortfolioQuery = z.infer<typeof PortfolioQuery>;

const text = (a: string, b: string) => a.localeCompare(b, "sv");
/** Nulls (nothing planned, nothing decided) last in either order. */
const nullable = <T>(a: T | null, b: T | null, compare: (x: T, y: T) => number, sign: number) =>
  a === null ? (b === null ? 0 : 1) : b === null ? -1 : sign * compare(a, b);

const orderings: Record<PortfolioSort, (a: PortfolioRow, b: PortfolioRow, sign: number) => number> = {
  organisation: (a, b, s) => s * text(a.organisationName, b.organisationName),
  initiative: (a, b, s) => s * text(a.name, b.name),
  phase: (a, b, s) => s * (a.currentPhase - b.currentPhase),
  decided: (a, b, s) => nullable(a.lastDecision?.decidedOn ?? null, b.lastDecision?.decidedOn ?? null, text, s),
  production: (a, b, s) => nullable(a.plannedProductionDate, b.plannedProductionDate, text, s),
  digital: (a, b, s) => s * (a.digitalNext12Months - b.digitalNext12Months),
};

export type PortfolioPage = { rows: PortfolioRow[]; total: number; page: number; pageSize: number; pages: number };

/** Filters, orders (ties by organisation, then initiative) and cuts out the page asked for. */
export function selectPortfolio(rows: readonly PortfolioRow[], query: PortfolioQuery): PortfolioPage {
  const needle = query.q?.toLocaleLowerCase("sv");
  const kept = rows.filter(
    (r) =>
      (query.kind === undefined || r.organisationKind === query.kind) &&
      (query.county === undefined || r.county === query.county) &&
      (query.phase === undefined || r.currentPhase === query.phase) &&
      (query.flag === undefined || r.flags.includes(query.flag)) &&
      (query.tactic === undefined || r.tactics.includes(query.tactic)) &&
      (!needle || `${r.organisationName} ${r.name}`.toLocaleLowerCase("sv").includes(needle)),
  );
  const sign = query.order === "desc" ? -1 : 1;
  const primary = orderings[query.sort ?? "organisation"];
  const sorted = kept.toSorted(
    (a, b) =>
      primary(a, b, sign) || text(a.organisationName, b.organisationName) || text(a.name, b.name) || text(a.initiativeId, b.initiativeId),
  );
  const pageSize = query.pageSize ?? (query.page === undefined ? Math.max(sorted.length, 1) : 50);
  const pages = Math.max(1, Math.ceil(sorted.length / pageSize));
  const page = Math.min(query.page ?? 1, pages);
  return { rows: sorted.slice((page - 1) * pageSize, page * pageSize), total: sorted.length, page, pageSize, pages };
}
