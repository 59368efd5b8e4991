import { calendarMonthOf, type MonthIndex, yearOf } from "./calendar-month.ts";

/**
 * The reach curve: the share of a flow's recipients who can be reached in a digital mailbox in a
 * given calendar month. A forecast multiplies a month's volume by it from the month the flow goes
 * into production.
 *
 * The default comes from ../shared/reference/domain.md §3.2 (Digg, "Statistik och prognoser för
 * digital post" [SRC 47], with the reach figures of [SRC 49]):
 *
 * - Mailboxes (private persons and companies) at each year-end: the outcome 2015–2021 (310 016 …
 *   5 472 899) and Digg's 2022 forecast for 2022–2027 (5.675 M … 6.8 M), "growth ≈ 75 % of the previous
 *   year's increase" (§3.2, rows "Digital mailboxes … yearly outcome" and "Mailbox forecast"). We use the
 *   forecast for 2022 rather than the 5.85 M Digg later reported for end 2022 [SRC 48], so the series
 *   comes from one source and stays smooth.
 * - Private persons: 0.75 reachable at the end of 2024, the suggested `reachableShare` (§3.2 "Suggested
 *   calculator defaults": between Göteborg's 0.73 in a real 2024 mailing and the 0.80 of adults with a
 *   mailbox, Dec 2023). Every other year-end scales it by mailboxes(year) / mailboxes(2024) (6.22 M):
 *   2015 ≈ 0.037, 2021 ≈ 0.660, 2024 = 0.75, 2027 ≈ 0.820.
 * - After 2027 the mailboxes go on growing by Digg's own rule, each year 75 % of the previous year's
 *   increase: 6.8 M + 0.125 M · 3 · (1 − 0.75^k) for 2027 + k. That converges to 7.175 M, so the share
 *   never passes 0.75 · 7.175 / 6.22 ≈ 0.865; no further ceiling is needed (a property test pins the
 *   curve within [0, 1]). Before 2015 there is no figure, so the 2015 value is held.
 * - Companies: the reference counts company mailboxes (171 220 in week 18 of 2022, 192 188 at the end of
 *   2022) but not the companies that could have one, so no share follows from it. ASSUMPTION, no source:
 *   half the private persons' share in every month. Replace it per initiative where the organisation
 *   knows its recipients.
 * - Blandat (both): ASSUMPTION, an even mix: the mean of the private persons' and companies' shares.
 *
 * Within a year the curve is interpolated linearly between year-ends, a twelfth per month: month m
 * (1 = January) of year Y has S(Y−1) + (S(Y) − S(Y−1)) · m / 12, so December carries the year-end figure.
 *
 * An initiative may override the default for some years per recipient type: every month of an overridden
 * year then has that share, and the default is left as it is for every other year.
 */

export const RECIPIENT_TYPES = ["privatperson", "foretag", "blandat"] as const;
export type RecipientType = (typeof RECIPIENT_TYPES)[number];

/** A share of recipients, 0 … 1. */
export type ReachShare = number;

/** Per recipient type, a share per calendar year ("2026": 0.82) replacing the default for that year. */
export type ReachOverrides = Partial<Record<RecipientType, Readonly<Partial<Record<number, ReachShare>>>>>;

/** Year-end mailboxes, §3.2 [SRC 47]: outcome 2015–2021, Digg's forecast 2022–2027. */
const MAILBOXES_AT_YEAR_END: Readonly<Record<number, number>> = {
  2015: 310_016,
  2016: 740_636,
  2017: 2_014_294,
  2018: 3_029_547,
  2019: 3_752_536,
  2020: 4_327_863,
  2021: 5_472_899,
  2022: 5_675_000,
  2023: 6_000_000,
  2024: 6_220_000,
  2025: 6_500_000,
  2026: 6_675_000,
  2027: 6_800_000,
};
const FIRST_YEAR = 2015;
const LAST_FORECAST_YEAR = 2027;
/** Digg: each year's increase is about 75 % of the year before's. */
const GROWTH_DECAY = 0.75;

const REFERENCE_YEAR = 2024;
const PRIVATE_SHARE_IN_REFERENCE_YEAR = 0.75;
const COMPANY_FACTOR = 0.5;

function mailboxesAtEndOf(year: number): number {
  if (year <= FIRST_YEAR) return MAILBOXES_AT_YEAR_END[FIRST_YEAR]!;
  if (year <= LAST_FORECAST_YEAR) return MAILBOXES_AT_YEAR_END[year]!;
  const last = MAILBOXES_AT_YEAR_END[LAST_FORECAST_YEAR]!;
  const lastIncrease = last - MAILBOXES_AT_YEAR_END[LAST_FORECAST_YEAR - 1]!;
  const yearsAfter = year - LAST_FORECAST_YEAR;
  // The sum of lastIncrease · 0.75^i for i = 1 … yearsAfter, a geometric series.
  return last + (lastIncrease * GROWTH_DECAY * (1 - GROWTH_DECAY ** yearsAfter)) / (1 - GROWTH_DECAY);
}

/** Per year, computed once: a forecast asks for every month of every flow. */
const privateShares = new Map<number, ReachShare>();
function privateShareAtEndOf(year: number): ReachShare {
  let share = privateShares.get(year);
  if (share === undefined) {
    share = (PRIVATE_SHARE_IN_REFERENCE_YEAR * mailboxesAtEndOf(year)) / mailboxesAtEndOf(REFERENCE_YEAR);
    // Years are bounded by the forecast's horizon; the guard keeps a runaway caller from growing it.
    if (privateShares.size < 1000) privateShares.set(year, share);
  }
  return share;
}

function defaultPrivateShare(month: MonthIndex): ReachShare {
  const year = yearOf(month);
  const before = privateShareAtEndOf(year - 1);
  return before + ((privateShareAtEndOf(year) - before) * (calendarMonthOf(month) + 1)) / 12;
}

function defaultShare(recipientType: RecipientType, month: MonthIndex): ReachShare {
  const privateShare = defaultPrivateShare(month);
  switch (recipientType) {
    case "privatperson":
      return privateShare;
    case "foretag":
      return privateShare * COMPANY_FACTOR;
    case "blandat":
      return (privateShare + privateShare * COMPANY_FACTOR) / 2;
  }
}

export function reachShare(recipientType: RecipientType, month: MonthIndex, overrides: ReachOverrides = {}): ReachShare {
  return overrides[recipientType]?.[yearOf(month)] ?? defaultShare(recipientType, month);
}
