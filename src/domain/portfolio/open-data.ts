import type { PhaseNumber } from "../../method/types.ts";
import type { OrganisationKind } from "../access/roles.ts";
import type { PortfolioRow } from "./portfolio-rows.ts";

/**
 * The public export of who is connected to Mina meddelanden or connecting (issue 14): only initiatives
 * their organisation has marked publishable, and of those only what is public anyway — the
 * organisation, the initiative's name, its phase, the quarter it plans production and a band of its
 * digital messages, never the exact forecast, flags or people. Licensed CC0; the schema is versioned.
 */
export const OPEN_DATA_SCHEMA_VERSION = 1 as const;
export const OPEN_DATA_LICENCE = { id: "CC0-1.0", url: "https://creativecommons.org/publicdomain/zero/1.0/" } as const;

/** Digital messages in the next 12 months, in bands wide enough not to publish a forecast. */
export const VOLUME_BANDS = ["0", "1-9999", "10000-99999", "100000-999999", "1000000-"] as const;
export type VolumeBand = (typeof VOLUME_BANDS)[number];

export function volumeBand(digital: number): VolumeBand {
  if (digital <= 0) return "0";
  if (digital < 10_000) return "1-9999";
  if (digital < 100_000) return "10000-99999";
  if (digital < 1_000_000) return "100000-999999";
  return "1000000-";
}

/** "2027-Q2" for a day in April–June 2027. */
export const quarterOf = (day: string): string => `${day.slice(0, 4)}-Q${Math.floor((Number(day.slice(5, 7)) - 1) / 3) + 1}`;

export type OpenDataConnection = {
  organisationName: string;
  organisationNumber: string;
  organisationKind: OrganisationKind;
  county: string | null;
  initiativeName: string;
  /** "connected" once a flow is in production, else "connecting". */
  status: "connected" | "connecting";
  phase: PhaseNumber;
  completed: boolean;
  plannedProductionQuarter: string | null;
  volumeBand: VolumeBand;
};

export function openDataConnections(rows: readonly PortfolioRow[]): OpenDataConnection[] {
  return rows
    .filter((r) => r.publishable)
    .map((r) => ({
      organisationName: r.organisationName,
      organisationNumber: r.organisationNumber,
      organisationKind: r.organisationKind,
      county: r.county,
      initiativeName: r.name,
      status: r.inProduction ? "connected" : "connecting",
      phase: r.currentPhase,
      completed: r.completed,
      plannedProductionQuarter: r.plannedProductionDate ? quarterOf(r.plannedProductionDate) : null,
      volumeBand: volumeBand(r.digitalNext12Months),
    }));
}
